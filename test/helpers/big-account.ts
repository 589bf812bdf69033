import { getCatalog, type Level } from '../../src/core/catalog';
import type { SimAccount } from '../../src/simulator';
import { demoAccount } from './sim-client';

/** The IDs every generated role holds (what test/fixtures/fleet/integration-policy.yaml requires). */
const REQUIRED: Array<[string, Level]> = [['TRAN_SALESORD', 'VIEW'], ['TRAN_CUSTINVC', 'VIEW'], ['LIST_CUSTJOB', 'VIEW'], ['LIST_ITEM', 'VIEW'], ['ADMI_WEBSERVICES', 'FULL']];

/**
 * The demo account plus `roles` generated integration roles of `perms` permissions each
 * (catalog IDs); every `driftEvery`-th role lacks Items. Built directly, fast enough for 1,000 roles.
 */
export function bigAccount(roles: number, perms: number, driftEvery = 10, id?: string): SimAccount {
  const account = demoAccount(id ? (d) => { d.account.id = id; } : undefined);
  const others = getCatalog().all().map((p) => p.id).filter((x) => !REQUIRED.some(([r]) => r === x));
  for (let i = 0; i < roles; i++) {
    const permissions = new Map<string, Level>(REQUIRED.filter(([p]) => !(i % driftEvery === driftEvery - 1 && p === 'LIST_ITEM')));
    for (let j = 0; permissions.size < perms; j++) permissions.set(others[(i + j) % others.length], 'VIEW');
    account.roles.push({ internalId: String(10_000 + i), scriptId: `customrole_gen_${i}`, name: `Generated ${i}`, settings: {}, recordRestrictions: [], restrictions: new Map(), inactive: false, allPermissions: false, webServicesOnly: true, doNotRestrictEmployeeFields: false, permissions });
  }
  return account;
}
