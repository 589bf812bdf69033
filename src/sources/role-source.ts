import type { RoleSelector } from '../policy/types';
import type { RoleSnapshot, RoleSummary } from '../role/types';

/** What the auditor asks a source, beyond the role's identity. */
export interface FetchHints {
  /** Permission IDs the policy cares about: probe-based sources read only these. */
  permissions?: readonly string[];
}

/**
 * Where roles come from: SDF files, snapshots, SuiteQL, SOAP probes. Every source answers the
 * same two questions, so the audit never branches on transport.
 */
export interface RoleSource {
  /** Short name of the source kind: `sdf`, `snapshot`, `suiteql`, `soap`. */
  readonly kind: string;
  /** Where it reads from, for reports (a path or an account id; never a secret). */
  readonly location: string;
  /** Every role the source can see. */
  listRoles(): Promise<RoleSummary[]>;
  /** The role the selector names, or undefined when there is none. */
  fetchRole(selector: RoleSelector, hints?: FetchHints): Promise<RoleSnapshot | undefined>;
  /** Notes for every report (e.g. a fallback taken). */
  readonly notes?: string[];
  close?(): Promise<void>;
}
