import { finding, ROLE_SETTINGS, type RecordRestrictionRule, type SettingRule } from '../../model';
import type { CheckContext, CheckResult, RuleDraft } from './context';

const shown = (v: string | boolean) => (typeof v === 'boolean' ? (v ? 'checked' : 'unchecked') : v);

/** One role setting the policy pins (Core Administration Permissions, 2FA, center type, ...). */
export function checkSetting(ctx: CheckContext, s: SettingRule): CheckResult {
  const def = ROLE_SETTINGS[s.key];
  const wanted = s.values.map(shown);
  const rule: RuleDraft = { id: `setting:${s.key}`, title: `${def.label} is ${wanted.join(' or ')}`, kind: 'setting', loc: s.loc };
  const base = { rule: rule.id, setting: s.key, expectedValues: wanted, loc: s.loc };
  const actual = ctx.role.settings[s.key];
  if (actual === undefined) {
    return { rule, findings: [finding('NOT_VERIFIABLE', { ...base, actualValue: null, detail: `this source cannot read ${def.label}` })] };
  }
  if (s.values.includes(actual)) return { rule, findings: [] };
  return { rule, findings: [finding('SETTING_MISMATCH', { ...base, actualValue: shown(actual) })] };
}

const BOX_LABELS = { viewingAllowed: 'Allow Viewing', itemsRestricted: 'Items Restricted' } as const;

/**
 * One record restriction the policy pins, by segment (NONE: the role must not be restricted by
 * it), and the line's Allow Viewing and Items Restricted boxes when the policy pins them.
 */
export function checkRecordRestriction(ctx: CheckContext, r: RecordRestrictionRule): CheckResult {
  const setting = `recordRestrictions.${r.segment}`;
  const boxes = (['viewingAllowed', 'itemsRestricted'] as const).filter((b) => r[b] !== undefined);
  const title = `Records restricted by ${r.segment.toLowerCase()}: ${r.restriction}${boxes.map((b) => `, ${BOX_LABELS[b]} ${r[b] ? 'checked' : 'unchecked'}`).join('')}`;
  const rule: RuleDraft = { id: `setting:${setting}`, title, kind: 'setting', loc: r.loc };
  const base = { rule: rule.id, setting, expectedValues: [r.restriction], loc: r.loc };
  const held = ctx.role.recordRestrictions;
  if (held === undefined) {
    return { rule, findings: [finding('NOT_VERIFIABLE', { ...base, actualValue: null, detail: 'this source cannot read record restrictions (the Restrictions subtab)' })] };
  }
  const line = held.find((x) => x.segment.toUpperCase() === r.segment);
  const actual = line?.restriction.toUpperCase() ?? 'NONE';
  if (actual !== r.restriction) return { rule, findings: [finding('RECORD_RESTRICTION_MISMATCH', { ...base, actualValue: actual })] };
  if (!line) return { rule, findings: [] };
  return {
    rule,
    findings: boxes.flatMap((b) => {
      const want = r[b] ? 'checked' : 'unchecked';
      const fields = { ...base, setting: `${setting}.${b}`, expectedValues: [want] };
      if (line[b] === undefined) return [finding('NOT_VERIFIABLE', { ...fields, actualValue: null, detail: `this source cannot read the line's ${BOX_LABELS[b]} box` })];
      const got = line[b] ? 'checked' : 'unchecked';
      return got === want ? [] : [finding('RECORD_RESTRICTION_MISMATCH', { ...fields, actualValue: got })];
    }),
  };
}
