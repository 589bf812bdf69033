import type { RoleSummary } from '../model';

/** A pattern from a config's `roles:` list: script id glob (`customrole_integration_*`), internal id, or name. */
export function roleMatcher(pattern: string): (r: RoleSummary) => boolean {
  const p = pattern.trim();
  if (/^\d+$/.test(p)) return (r) => r.internalId === p;
  if (/[*?]/.test(p)) {
    const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    return (r) => re.test(r.scriptId ?? '');
  }
  const lower = p.toLowerCase();
  return (r) => r.scriptId?.toLowerCase() === lower || r.name?.toLowerCase() === lower;
}

/** The roles any of the patterns match, in the listing's order; and the patterns that matched nothing. */
export function selectRoles(roles: readonly RoleSummary[], patterns: readonly string[]): { roles: RoleSummary[]; unmatched: string[] } {
  const matchers = patterns.map((p) => [p, roleMatcher(p)] as const);
  const unmatched = matchers.filter(([, m]) => !roles.some(m)).map(([p]) => p);
  return { roles: roles.filter((r) => matchers.some(([, m]) => m(r))), unmatched };
}
