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

/** One record restriction the policy pins, by segment (NONE: the role must not be restricted by it). */
export function checkRecordRestriction(ctx: CheckContext, r: RecordRestrictionRule): CheckResult {
  const setting = `recordRestrictions.${r.segment}`;
  const rule: RuleDraft = { id: `setting:${setting}`, title: `Records restricted by ${r.segment.toLowerCase()}: ${r.restriction}`, kind: 'setting', loc: r.loc };
  const base = { rule: rule.id, setting, expectedValues: [r.restriction], loc: r.loc };
  const held = ctx.role.recordRestrictions;
  if (held === undefined) {
    return { rule, findings: [finding('NOT_VERIFIABLE', { ...base, actualValue: null, detail: 'this source cannot read record restrictions (the Restrictions subtab)' })] };
  }
  const actual = held.find((x) => x.segment.toUpperCase() === r.segment)?.restriction.toUpperCase() ?? 'NONE';
  if (actual === r.restriction) return { rule, findings: [] };
  return { rule, findings: [finding('RECORD_RESTRICTION_MISMATCH', { ...base, actualValue: actual })] };
}
