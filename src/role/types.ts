import type { Level } from '../catalog';

/** One permission line of a role, as NetSuite stores it. */
export interface RolePermission {
  /** Permission ID (permkey); custom records by script id. */
  permkey: string;
  level: Level;
  /** SDF/SuiteQL restriction (EDIT, VIEWANDEDIT, ...), when set. */
  restriction?: string;
}

/** A role's flags; `undefined` means the source could not tell. */
export interface RoleFlags {
  webServicesOnly?: boolean;
  doNotRestrictEmployeeFields?: boolean;
  inactive?: boolean;
}

/** How much a source could see of a role. */
export type Evidence =
  /** The role definition itself (SDF XML, snapshot, SuiteQL): every permission and level. */
  | 'definition'
  /** What the token can do (SOAP probes): proves at least View, never the level or excess. */
  | 'effective-access';

/** A role as read from one source, ready to diff. */
export interface RoleSnapshot {
  scriptId?: string;
  internalId?: string;
  name?: string;
  flags: RoleFlags;
  permissions: RolePermission[];
  evidence: Evidence;
  /** With effective-access evidence: permission IDs no read could prove either way. */
  unverifiable?: string[];
  /** Where the role came from: a file path, or `suiteql:<account>` and the like. */
  origin: string;
}

/** A role's identity, as listings return it. */
export interface RoleSummary {
  scriptId?: string;
  internalId?: string;
  name?: string;
}
