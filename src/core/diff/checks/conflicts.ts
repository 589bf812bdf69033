import { isAtLeast, levelLabel } from '../../catalog';
import { finding, type ConflictRule, type ConflictSide, type Finding } from '../../model';
import { describePermission, type CheckContext, type CheckResult, type RuleDraft } from './context';

/** What the role holds of one side of a conflict (each at or above its level). */
function holdings(ctx: CheckContext, side: ConflictSide) {
  return side.flatMap((p) => {
    const level = ctx.levels.get(p.id);
    return level && isAtLeast(level, p.min) ? [{ ...describePermission(ctx, p.id), level }] : [];
  });
}

/**
 * One segregation-of-duties rule: SOD_CONFLICT when the role holds any permission of `any` (at or
 * above its level) together with any of `with`, or, one-sided, any of `any` alone.
 */
export function checkConflict(ctx: CheckContext, c: ConflictRule): CheckResult {
  const sides = (s: ConflictSide) => s.map((p) => `${p.name} (${levelLabel(p.min)} or above)`).join(' or ');
  const rule: RuleDraft = { id: `conflict:${c.name}`, title: `Conflict '${c.name}': not ${sides(c.any)}${c.with ? ` together with ${sides(c.with)}` : ''}`, kind: 'conflict', loc: c.loc };
  const base = { rule: rule.id, severity: c.severity, loc: c.loc };
  const any = holdings(ctx, c.any);
  const other = c.with ? holdings(ctx, c.with) : undefined;
  const findings: Finding[] = [];
  if (any.length && (!c.with || other!.length)) {
    const detail = `${c.reason}${c.source ? ` (source: ${c.source}${c.mapping === 'ours' ? '; permission mapping ours' : ''})` : ''}`;
    findings.push(finding('SOD_CONFLICT', { ...base, conflict: { name: c.name, any, ...(other ? { with: other } : {}) }, detail }));
  } else if (!ctx.complete) {
    // A read proves View; a side that needs more, or a holding no probe reads, cannot be seen.
    findings.push(finding('NOT_VERIFIABLE', { ...base, conflict: { name: c.name, any: [] }, detail: 'segregation of duties needs the role definition; effective-access probes cannot show every holding' }));
  }
  return { rule, findings };
}
