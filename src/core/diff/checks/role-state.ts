import { finding } from '../../model';
import type { CheckContext, CheckResult, RuleDraft } from './context';

/** The role is active (unless the policy expects it inactive). */
export function checkRoleActive(ctx: CheckContext): CheckResult {
  const expectInactive = ctx.policy.flags.find((f) => f.flag === 'inactive')?.value === true;
  const rule: RuleDraft = { id: 'role:active', title: 'Role exists and is active', kind: 'role', loc: ctx.policy.roleLoc };
  if (expectInactive || ctx.role.flags.inactive !== true) return { rule, findings: [] };
  return {
    rule: rule,
    findings: [finding('ROLE_INACTIVE', { rule: rule.id, expectedFlag: false, actualFlag: true, flag: 'inactive', loc: ctx.policy.roleLoc })],
  };
}
