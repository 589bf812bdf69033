import { getCatalog, parsePermkey, subtabLabel, subtabOf, type Catalog, type Permission, type Subtab } from '../catalog';
import { editDistance } from '../catalog/suggest';
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
  // Custom records (with or without a SuiteApp's appid), custom transaction types and custom
  // segments are named by script id, in any of the forms real roles write them.
  const key = parsePermkey(written);
  if (key.kind === 'customrecord' || key.kind === 'customtransaction' || key.kind === 'customsegment') {
    const home = subtabOf(key.id);
    if (subtab && subtab !== home) {
      const what = { customrecord: 'a custom record', customtransaction: 'a custom transaction type', customsegment: 'a custom segment' }[key.kind];
      return { ok: false, code: 'WRONG_SUBTAB', message: `'${written}' is ${what}, which belongs on the ${subtabLabel(home)} subtab`, suggestion: `move it under permissions.${home}` };
    }
    return { ok: true, ref: { id: key.id, name: key.id, subtab: home, written } };
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
  const near = found.suggestions;
  // An ID no catalog lists yet (NetSuite adds permissions), written as an ID on the subtab its
  // prefix names: trusted, unless it is one letter or two from a known ID (then it is a typo).
  if (subtab && OTHER_PERMKEY.test(written) && subtabOf(written) === subtab) {
    const typoOf = catalog.all().find((p) => p.subtab === subtab && editDistance(p.id, written, 2) <= 2);
    if (!typoOf) return { ok: true, ref: { id: written, name: written, subtab, written } };
    return { ok: false, code: 'UNKNOWN_PERMISSION', message: `unknown permission '${written}' on the ${subtabLabel(subtab)} subtab`, suggestion: `did you mean '${typoOf.name}' (${typoOf.id})?` };
  }
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
