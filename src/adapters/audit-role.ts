import { auditSnapshot } from '../core/audit';
import { withContext } from '../core/errors';
import type { FailOn, Policy, RoleAudit, RoleSelector } from '../core/model';
import { describeSelector } from '../core/role/select';
import type { RoleSource } from './sources/role-source';

/** Fetches the role a selector names from a source and audits it. */
export async function auditRole(policy: Policy, source: RoleSource, selector: RoleSelector, today: string, failOn: FailOn = 'error'): Promise<RoleAudit> {
  let fetched;
  try {
    fetched = await source.fetchRole(selector, { permissions: policy.rules.map((r) => r.id) });
  } catch (e) {
    throw withContext(`fetch role ${describeSelector(selector)}`, e);
  }
  const { role, notes, fallback } = fetched;
  return auditSnapshot(policy, role, {
    selector,
    source: { kind: role?.evidence === 'effective-access' ? 'soap' : source.kind, location: role?.origin ?? source.location, ...(source.account ? { account: source.account } : {}) },
    today,
    notes,
    ...(fallback !== undefined ? { fallback } : {}),
    failOn,
  });
}
