import { levelRank } from '../../catalog';
import { finding, type Finding } from '../../model';
import { describePermission, type CheckContext, type CheckResult, type RuleDraft } from './context';

/**
 * Permissions the role holds beyond the policy: an allow-listed one above its maximum is
 * LEVEL_ABOVE_MAX; anything else unlisted is PERMISSION_EXCESS per `excess` (fail/warn/ignore).
 */
export function checkExcess(ctx: CheckContext): CheckResult {
  const { policy } = ctx;
  const rule: RuleDraft = { id: 'excess', title: `No permissions beyond the policy (excess: ${policy.excess})`, kind: 'excess', loc: policy.excessLoc };
  if (!ctx.complete) {
    if (policy.excess === 'ignore' && !policy.allow.length) return { rule, findings: [] };
    return {
      rule: rule,
      findings: [finding('NOT_VERIFIABLE', { rule: rule.id, loc: policy.excessLoc, detail: 'excess access cannot be seen with effective-access probes' })],
    };
  }
  const required = new Set(policy.rules.map((r) => r.id));
  const allowed = new Map(policy.allow.map((a) => [a.id, a]));
  const findings: Finding[] = [];
  for (const [permkey, level] of ctx.levels) {
    if (level === 'NONE' || required.has(permkey)) continue;
    const permission = describePermission(ctx, permkey);
    const allowance = allowed.get(permkey);
    const unseen = ctx.unverifiable.get(permkey);
    if (unseen !== undefined && (allowance || policy.excess !== 'ignore')) {
      findings.push(finding('NOT_VERIFIABLE', { rule: rule.id, permission, loc: allowance?.loc ?? policy.excessLoc, detail: unseen }));
      continue;
    }
    if (allowance) {
      if (levelRank(level) > levelRank(allowance.max)) {
        findings.push(finding('LEVEL_ABOVE_MAX', { rule: rule.id, permission, expectedMax: allowance.max, actualLevel: level, loc: allowance.loc }));
      }
      continue;
    }
    if (policy.excess === 'ignore') continue;
    findings.push(finding('PERMISSION_EXCESS', { rule: rule.id, permission, actualLevel: level, expectedMax: 'NONE', loc: policy.excessLoc, severity: policy.excess === 'warn' ? 'warning' : 'error' }));
  }
  return { rule, findings };
}
