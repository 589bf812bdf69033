import { getCatalog, customRecordScriptId, subtabLabel, type Catalog, type Permission, type Subtab } from '../catalog';
import type { PermissionRef } from '../model';

/** The outcome of resolving a policy's permission key. */
export type Resolved =
  | { ok: true; ref: PermissionRef; permission?: Permission }
  | { ok: false; code: 'UNKNOWN_PERMISSION' | 'WRONG_SUBTAB'; message: string; suggestion?: string };

const OTHER_PERMKEY = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;

/**
 * Resolves a key as written in a policy (name, plural, alias or ID) on a subtab, or on any subtab
 * when `subtab` is undefined (allow-lists and waivers).
 */
export function resolvePermission(written: string, subtab: Subtab | undefined, catalog: Catalog = getCatalog()): Resolved {
  const custom = customRecordScriptId(written);
  if (custom) {
    if (subtab && subtab !== 'customRecords') {
      return { ok: false, code: 'WRONG_SUBTAB', message: `'${written}' is a custom record, which belongs on the Custom Record subtab`, suggestion: 'move it under permissions.customRecords' };
    }
    return { ok: true, ref: { id: custom, name: custom, subtab: 'customRecords', written } };
  }
  const found = catalog.lookup(written);
  if (found.ok) {
    const p = found.permission;
    if (subtab && p.subtab !== subtab) {
      return {
        ok: false,
        code: 'WRONG_SUBTAB',
        message: `'${written}' (${p.id}) is on the ${subtabLabel(p.subtab)} subtab, not ${subtabLabel(subtab)}`,
        suggestion: `move it under permissions.${p.subtab}`,
      };
    }
    return { ok: true, ref: { id: p.id, name: p.name, subtab: p.subtab, written }, permission: p };
  }
  if (subtab === 'customRecords' && OTHER_PERMKEY.test(written)) {
    // Custom Record / other holds permkeys no catalog lists (GRAP_*, SuiteApp ones): trust the ID.
    return { ok: true, ref: { id: written, name: written, subtab: 'customRecords', written } };
  }
  const near = found.suggestions;
  const sameTab = subtab ? near.filter((p) => p.subtab === subtab) : near;
  const best = (sameTab.length ? sameTab : near)[0];
  return {
    ok: false,
    code: 'UNKNOWN_PERMISSION',
    message: `unknown permission '${written}'${subtab ? ` on the ${subtabLabel(subtab)} subtab` : ''}`,
    suggestion: best
      ? `did you mean '${best.name}' (${best.id})?`
      : "run 'ns-role-audit catalog <words>' to find the permission's name or ID",
  };
}
