import { describeLevelRange, isAtLeast, levelLabel, levelRank } from '../../catalog';
import { finding, type PermissionRule } from '../../model';
import type { CheckContext, CheckResult, RuleDraft } from './context';

/** What a rule asks, in a few words: "at least View", "exactly Full", "at most Edit". */
function describeRule(r: Pick<PermissionRule, 'min' | 'max' | 'restriction'>): string {
  return [describeLevelRange(r.min, r.max), r.restriction ? `restriction ${r.restriction}` : ''].filter(Boolean).join(', ');
}

/** One required permission: present, at least `min`, at most `max`. */
export function checkPermissionRule(ctx: CheckContext, r: PermissionRule): CheckResult {
  const permission = { id: r.id, name: r.name, subtab: r.subtab };
  const actual = ctx.levels.get(r.id);
  const unseen = ctx.unverifiable.get(r.id);
  const seen = ctx.complete && unseen === undefined ? { actualLevel: actual ?? 'NONE' } : {};
  const rule: RuleDraft = {
    id: `permission:${r.id}`, title: `${r.name} ${describeRule(r)}`, kind: 'permission', permission,
    ...(r.min ? { expectedMin: r.min } : {}), ...(r.max ? { expectedMax: r.max } : {}), ...seen, loc: r.loc,
  };
  const base = { rule: rule.id, permission, expectedMin: r.min, expectedMax: r.max, loc: r.loc };
  const wantsAccess = r.min !== undefined && r.min !== 'NONE';

  if (unseen !== undefined) return { rule, findings: [finding('NOT_VERIFIABLE', { ...base, detail: unseen })] };
  if (!ctx.complete) {
    // Effective access only: a read proves View or more, nothing above it, and never a ceiling.
    if (!actual) {
      if (!wantsAccess) return { rule, findings: [] };
      return { rule, findings: [finding('PERMISSION_MISSING', { ...base, actualLevel: 'NONE' })] };
    }
    const proves = (r.min === undefined || levelRank(r.min) <= levelRank(actual)) && r.max === undefined && r.restriction === undefined;
    if (proves) return { rule, findings: [] };
    return {
      rule,
      findings: [finding('NOT_VERIFIABLE', { ...base, detail: `a successful read proves at least ${levelLabel(actual)}; the exact level cannot be seen over SOAP` })],
    };
  }

  const level = actual ?? 'NONE';
  if (r.min && !isAtLeast(level, r.min)) {
    const code = actual && actual !== 'NONE' ? 'LEVEL_TOO_LOW' : 'PERMISSION_MISSING';
    return { rule, findings: [finding(code, { ...base, actualLevel: level })] };
  }
  if (r.max && levelRank(level) > levelRank(r.max)) {
    return { rule, findings: [finding('LEVEL_ABOVE_MAX', { ...base, actualLevel: level })] };
  }
  return { rule, findings: checkLineRestriction(ctx, r, base) };
}

/** The permission line's Restrict column, when the policy pins it. */
function checkLineRestriction(ctx: CheckContext, r: PermissionRule, base: Record<string, unknown> & { rule: string }) {
  if (r.restriction === undefined) return [];
  const line = ctx.role.permissions.find((p) => p.permkey === r.id && p.level !== 'NONE');
  const actual = line ? (line.restriction ?? 'NONE') : 'NONE';
  const fields = { ...base, setting: 'restriction', expectedValues: [r.restriction] };
  // SuiteQL gives the column as a code; which word each code stands for is unconfirmed (docs/netsuite-facts.md §3).
  if (/^-?\d+$/.test(actual)) return [finding('NOT_VERIFIABLE', { ...fields, actualValue: actual, detail: `the source gives the restriction as code ${actual}, whose meaning is unconfirmed` })];
  if (actual === r.restriction) return [];
  return [finding('PERMISSION_RESTRICTION_MISMATCH', { ...fields, actualValue: actual })];
}
