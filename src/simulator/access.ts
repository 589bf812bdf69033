import { isAtLeast, type Level } from '../core/catalog/levels';
import { getCatalog } from '../core/catalog/catalog';
import { subtabLabel } from '../core/catalog/subtabs';
import type { SimRole } from './account';

/**
 * What the simulated NetSuite requires for each read: the facts of core/netsuite-reads.ts (one
 * table, shared with the auditor's probes), and the getAll types the simulator serves.
 */

/** getAll record type -> permission (the ones the simulator checks). */
export const GET_ALL_ACCESS: Record<string, string> = {
  currency: 'LIST_CURRENCY',
};

/** True when the role holds the permission at `level` or more. */
export function roleHas(role: SimRole, permission: string, level: Level = 'VIEW'): boolean {
  if (role.allPermissions) return true;
  const held = role.permissions.get(permission);
  return held !== undefined && isAtLeast(held, level);
}

/** NetSuite's sentence for a missing permission: "You need  the 'Lists -> Accounts' permission ..." */
export function permissionViolation(permission: string): string {
  const p = getCatalog().byId(permission);
  const label = p ? `${subtabLabel(p.subtab)} -> ${p.name}` : permission;
  // NetSuite's own text has the double space after "need".
  return `Permission Violation: You need  the '${label}' permission to access this page. Please contact your account administrator.`;
}
