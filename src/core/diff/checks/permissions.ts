import { isAtLeast, levelLabel, levelRank } from '../../catalog';
import { finding, type PermissionRule } from '../../model';
import type { CheckContext, CheckResult, RuleDraft } from './context';

/** What a rule asks, in a few words: "at least View", "exactly Full", "at most Edit". */
function describeRule(r: Pick<PermissionRule, 'min' | 'max'>): string {
  if (r.min && r.max && r.min === r.max) return `exactly ${levelLabel(r.min)}`;
  const parts = [];
  if (r.min) parts.push(`at least ${levelLabel(r.min)}`);
  if (r.max) parts.push(`at most ${levelLabel(r.max)}`);
  return parts.join(', ');
}

/** One required permission: present, at least `min`, at most `max`. */
export function checkPermissionRule(ctx: CheckContext, r: PermissionRule): CheckResult {
  const permission = { id: r.id, name: r.name, subtab: r.subtab };
  const rule: RuleDraft = { id: `permission:${r.id}`, title: `${r.name} ${describeRule(r)}`, kind: 'permission', permission, loc: r.loc };
  const base = { rule: rule.id, permission, expectedMin: r.min, expectedMax: r.max, loc: r.loc };
  const actual = ctx.levels.get(r.id);
  const wantsAccess = r.min !== undefined && r.min !== 'NONE';

  if (!ctx.complete) {
    // Effective access only: a read proves View or more, nothing above it, and never a ceiling.
    if (ctx.unverifiable.has(r.id)) {
      return { rule: rule, findings: [finding('NOT_VERIFIABLE', { ...base, detail: 'no read-only SOAP call proves this permission' })] };
    }
    if (!actual) {
      if (!wantsAccess) return { rule, findings: [] };
      return { rule: rule, findings: [finding('PERMISSION_MISSING', { ...base, actualLevel: 'NONE' })] };
    }
    const proves = (r.min === undefined || levelRank(r.min) <= levelRank(actual)) && r.max === undefined;
    if (proves) return { rule, findings: [] };
    return {
      rule: rule,
      findings: [finding('NOT_VERIFIABLE', { ...base, detail: `a successful read proves at least ${levelLabel(actual)}; the exact level cannot be seen over SOAP` })],
    };
  }

  const level = actual ?? 'NONE';
  if (r.min && !isAtLeast(level, r.min)) {
    const code = actual && actual !== 'NONE' ? 'LEVEL_TOO_LOW' : 'PERMISSION_MISSING';
    return { rule: rule, findings: [finding(code, { ...base, actualLevel: level })] };
  }
  if (r.max && levelRank(level) > levelRank(r.max)) {
    return { rule: rule, findings: [finding('LEVEL_ABOVE_MAX', { ...base, actualLevel: level })] };
  }
  return { rule, findings: [] };
}
