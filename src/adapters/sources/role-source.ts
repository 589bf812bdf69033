import type { FetchedRole, RoleSelector, RoleSummary } from '../../core/model';
import type { RoleAccessFacts } from '../../core/access/facts';

/** What the auditor asks a source, beyond the role's identity. */
export interface FetchHints {
  /** Permission IDs the policy cares about: probe-based sources read only these. */
  permissions?: readonly string[];
}

/**
 * Where roles come from: SDF files, snapshots, SuiteQL, SOAP probes. Every source answers the
 * same two questions, so the audit never branches on transport. A source keeps no state between
 * calls: what it notes while reading a role comes back with that role.
 */
export interface RoleSource {
  /** Short name of the source kind: `sdf`, `snapshot`, `suiteql`, `soap`. */
  readonly kind: string;
  /** Where it reads from, for reports (a path or an account id; never a secret). */
  readonly location: string;
  /** The canonical account id, for live sources. */
  readonly account?: string;
  /** Every role the source can see. */
  listRoles(): Promise<RoleSummary[]>;
  /** The role the selector names (undefined when there is none), with the notes taken on the way. */
  fetchRole(selector: RoleSelector, hints?: FetchHints): Promise<FetchedRole>;
  /** Who holds a role and when it was used (live SuiteQL only; other sources cannot say). */
  readAccess?(roleInternalId: string): Promise<{ facts: RoleAccessFacts; notes: string[] }>;
}
