import { finding, type Finding, type RuleResult } from '../finding';
import type { CheckContext } from './context';

/** The role is active (unless the policy expects it inactive). */
export function checkRoleActive(ctx: CheckContext): { rule: RuleResult; findings: Finding[] } {
  const expectInactive = ctx.policy.flags.find((f) => f.flag === 'inactive')?.value === true;
  const rule: RuleResult = { id: 'role:active', title: 'Role exists and is active', kind: 'role', status: 'pass', loc: ctx.policy.roleLoc };
  if (expectInactive || ctx.role.flags.inactive !== true) return { rule, findings: [] };
  return {
    rule: { ...rule, status: 'fail' },
    findings: [finding('ROLE_INACTIVE', { rule: rule.id, expectedFlag: false, actualFlag: true, flag: 'inactive', loc: ctx.policy.roleLoc })],
  };
}
