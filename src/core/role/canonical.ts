/** A role in one stable form, whatever source read it: for hashes, history and equality. */
import type { RolePermission, RoleSnapshot } from '../model';

/** A role in a stable form, without where or when it was read: equal roles give equal text (and hash). */
export function canonicalRole(role: RoleSnapshot) {
  const sortKeys = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    scriptId: role.scriptId ?? null,
    internalId: role.internalId ?? null,
    name: role.name ?? null,
    flags: sortKeys(role.flags),
    settings: sortKeys(role.settings),
    recordRestrictions: role.recordRestrictions === undefined ? null : [...role.recordRestrictions].map(sortKeys).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    customFields: role.customFields ? sortKeys(role.customFields) : null,
    permissions: [...role.permissions].map((p) => sortKeys(p) as RolePermission).sort((a, b) => (a.permkey < b.permkey ? -1 : a.permkey > b.permkey ? 1 : (a.appId ?? '') < (b.appId ?? '') ? -1 : 1)),
  };
}
