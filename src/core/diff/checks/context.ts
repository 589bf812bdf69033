import { getCatalog, subtabOf, type Catalog, type Level } from '../../catalog';
import { ambiguityText, heldLevels } from '../../role/held-levels';
import type { Finding, FindingPermission, Policy, RoleSnapshot, RuleResult } from '../../model';

/** A rule as a check describes it; its status follows from its findings (core/verdict.ts). */
export type RuleDraft = Omit<RuleResult, 'status'>;

/** What each check returns: its rule and the findings against it. */
export interface CheckResult {
  rule: RuleDraft;
  findings: Finding[];
}

/** What every check reads: the policy, the role, its permissions by ID, and the catalog. */
export interface CheckContext {
  policy: Policy;
  role: RoleSnapshot;
  catalog: Catalog;
  /** The role's level per permission ID (the highest, should a source repeat one at different levels: see unverifiable). */
  levels: Map<string, Level>;
  /** IDs the source could not see either way, with why. */
  unverifiable: Map<string, string>;
  /** True when the source saw the role definition, not just effective access. */
  complete: boolean;
}

/** Builds the context the checks share. */
export function createCheckContext(policy: Policy, role: RoleSnapshot, catalog: Catalog = getCatalog()): CheckContext {
  const held = heldLevels(role.permissions);
  const levels = new Map([...held].map(([id, h]) => [id, h.level]));
  const unverifiable = new Map(Object.entries(role.unverifiable ?? {}));
  for (const [id, h] of held) if (h.readings && !unverifiable.has(id)) unverifiable.set(id, ambiguityText(id, h));
  return { policy, role, catalog, levels, unverifiable, complete: role.evidence === 'definition' };
}

/** A role-side permission as findings show it: catalog name when known, else the ID itself. */
export function describePermission(ctx: CheckContext, permkey: string): FindingPermission {
  // The subtab follows from the ID's prefix (customrecord_* and unknown prefixes: Custom Record).
  return { id: permkey, name: ctx.catalog.byId(permkey)?.name ?? permkey, subtab: subtabOf(permkey) };
}
