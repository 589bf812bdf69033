import { finding } from '../../model';
import type { CheckContext, CheckResult, RuleDraft } from './context';

/**
 * The role is the one named, and active (unless the policy expects it inactive). Both must be
 * seen: effective-access probes test whatever role the token is bound to and cannot say which
 * that is, and a source that cannot read the Inactive flag cannot say the role is active.
 */
export function checkRoleActive(ctx: CheckContext): CheckResult {
  const expectInactive = ctx.policy.flags.find((f) => f.flag === 'inactive')?.value === true;
  const rule: RuleDraft = { id: 'role:active', title: expectInactive ? 'Role exists' : 'Role exists and is active', kind: 'role', loc: ctx.policy.roleLoc };
  const base = { rule: rule.id, loc: ctx.policy.roleLoc };
  if (ctx.role.evidence === 'effective-access') {
    return { rule, findings: [finding('NOT_VERIFIABLE', { ...base, detail: 'SOAP probes test whatever role the token is bound to: they cannot show which role that is, that it exists, or that it is active' })] };
  }
  if (expectInactive) return { rule, findings: [] };
  const inactive = ctx.role.flags.inactive;
  if (inactive === undefined) {
    return { rule, findings: [finding('NOT_VERIFIABLE', { ...base, flag: 'inactive', expectedFlag: false, actualFlag: null, detail: 'this source cannot read whether the role is inactive' })] };
  }
  if (!inactive) return { rule, findings: [] };
  return { rule, findings: [finding('ROLE_INACTIVE', { ...base, expectedFlag: false, actualFlag: true, flag: 'inactive' })] };
}
