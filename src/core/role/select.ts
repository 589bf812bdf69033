import type { RoleSelector, RoleSummary } from '../model';

/** True when a role matches every identifier the selector gives (script id and name case-insensitively). */
export function matchesSelector(role: RoleSummary, sel: RoleSelector): boolean {
  const eq = (a?: string, b?: string) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
  if (sel.scriptId !== undefined && !eq(role.scriptId, sel.scriptId)) return false;
  if (sel.internalId !== undefined && role.internalId !== sel.internalId) return false;
  if (sel.name !== undefined && sel.scriptId === undefined && sel.internalId === undefined && !eq(role.name, sel.name)) return false;
  return sel.scriptId !== undefined || sel.internalId !== undefined || sel.name !== undefined;
}

/** Parses `--role` text: digits are an internal id, `customrole*` a script id, anything else a name. */
export function parseRoleSelector(text: string): RoleSelector {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { internalId: t };
  if (/^customrole/i.test(t)) return { scriptId: t.toLowerCase() };
  return { name: t };
}

/** How a selector reads in messages: `customrole_polytomic`, `#1028`, `"Polytomic"`. */
export function describeSelector(sel: RoleSelector): string {
  return sel.scriptId ?? (sel.internalId ? `#${sel.internalId}` : sel.name ? `"${sel.name}"` : '(no role)');
}
