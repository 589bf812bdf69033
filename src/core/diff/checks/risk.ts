import { isAtLeast } from '../../catalog';
import { finding, type Finding } from '../../model';
import { RISK_RULES } from '../../risk/rules';
import { describePermission, type CheckContext, type CheckResult, type RuleDraft } from './context';

/**
 * The built-in risk rules, on a web-services-only role (the role says so, or the policy requires
 * it): each risky permission held is RISKY_PERMISSION at the policy's risk severity (warning by
 * default). One the policy requires or allows is acknowledged: accepted, still shown.
 */
export function checkRisks(ctx: CheckContext): CheckResult | undefined {
  const { policy, role } = ctx;
  const integration = role.flags.webServicesOnly === true || policy.flags.some((f) => f.flag === 'webServicesOnly' && f.value);
  if (!integration) return undefined;
  const rule: RuleDraft = { id: 'risk', title: 'No high-risk permission on a web-services-only role (built-in risk rules)', kind: 'risk', loc: policy.risk.severityLoc };
  const asked = new Map([...policy.allow.map((a) => [a.id, a.loc] as const), ...policy.rules.filter((r) => r.min && r.min !== 'NONE').map((r) => [r.id, r.loc] as const)]);
  const findings: Finding[] = [];
  for (const r of RISK_RULES) {
    const level = ctx.levels.get(r.id);
    if (!level || !isAtLeast(level, r.min ?? 'VIEW')) continue;
    const loc = asked.get(r.id);
    const override = policy.risk.permissions.find((p) => p.id === r.id);
    const oracle = r.oracle ? ` Oracle: "${r.oracle}"` : '';
    findings.push(finding('RISKY_PERMISSION', {
      rule: rule.id, permission: describePermission(ctx, r.id), actualLevel: level, severity: override?.severity ?? policy.risk.severity,
      roleWebServicesOnly: role.flags.webServicesOnly === true,
      detail: `${r.reason}${oracle}`,
      // Where the policy speaks of it: its own risk severity, else the rule that asks for it.
      ...(override?.loc ?? loc ? { loc: override?.loc ?? loc } : {}),
      ...(loc ? { accepted: { by: 'policy' as const, loc } } : {}),
    }));
  }
  // Over SOAP, a read proves a holding; what is held beyond the reads cannot be seen.
  if (!ctx.complete) {
    findings.push(finding('NOT_VERIFIABLE', { rule: rule.id, severity: policy.risk.severity, detail: `held high-risk permissions cannot be seen with effective-access probes (${RISK_RULES.length} rules, ${RISK_RULES.filter((r) => ctx.levels.has(r.id)).length} seen)` }));
  }
  return { rule, findings };
}
