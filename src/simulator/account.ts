import type { Level } from '../core/catalog/levels';

/** Faults the simulator injects on purpose (fixture `faults:` or `simulate` flags). */
export interface FaultSettings {
  /** Added delay before every response. */
  latencyMs: number;
  /** Share of requests answered with an HTTP 5xx. */
  serverErrorRate: number;
  /** Share of requests refused as over the concurrency limit (WS_REQUEST_BLOCKED / 429). */
  concurrencyRefusalRate: number;
  /** Share of responses cut off half way. */
  truncateRate: number;
  seed: number;
}

/**
 * How the simulated account answers where NetSuite's behaviour is unconfirmed (docs/netsuite-facts.md §3):
 * each plausible answer can be chosen, so the client is tested against all of them.
 */
export interface SuiteQlBehaviour {
  /** How `role.scriptid` is stored: as written, or in upper case as other tables store script ids. */
  scriptIdCase: 'as-is' | 'upper';
  /** How `rolepermissions.permkey` names a custom record: by script id, or `LIST_CUSTRECORDENTRY<id>` as SuiteScript does. */
  customRecordKeys: 'scriptid' | 'entry-id';
  /** The answer to a caller without Bulk Manage Roles: the 400 "Record 'role' was not found." public clients see, or a 403. */
  roleTablesDenied: 400 | 403;
  /** `role` columns this account does not expose (a 400 naming the column). */
  hiddenRoleColumns: string[];
  /**
   * How `rolerestrictions` answers: with the words SDF writes (segment DEPARTMENT, restriction
   * OWNONLY); with the segment's word in `restriction` and an id in `segment` (one reading of
   * CData's table docs); or not at all ("Record 'rolerestrictions' was not found." for anyone).
   */
  roleRestrictions: 'words' | 'segment-ids' | 'missing';
  /**
   * Which table answers for role assignments, and with which columns (docs/netsuite-facts.md §8: unconfirmed
   * over REST): `employeerolesforsearch` (entity, role); `employeeroles` with (employee, role), as
   * one integration found; `employeeroles` with (entity, selectedrole), as CData documents it; or none.
   */
  roleAssignments: 'employeerolesforsearch' | 'employeeroles' | 'employeeroles-selectedrole' | 'none';
  /** Whether `loginaudit` exists for this account (callers also need View Login Audit Trail). */
  loginAudit: 'readable' | 'missing';
  /**
   * `employeeempperms` (global permissions; columns not published): (employee, permkey, permlevel),
   * (entity, permission, level), columns no client can interpret, or no table.
   */
  globalPermissions: 'employee-permkey' | 'entity-permission' | 'other-columns' | 'missing';
  /** The record type id `systemnote` gives roles (sources differ: -118 or -264). */
  roleRecordType: '-118' | '-264';
}

/** A system note on a role's main field (NetSuite keeps none for the permission subtabs). */
export interface SimSystemNote {
  roleId: string;
  field: string;
  oldValue?: string;
  newValue?: string;
  /** Who made the change (a user's internal id). */
  by: string;
  daysAgo: number;
}

/** A person in the simulated account (an employee; access and global permissions on the record). */
export interface SimUser {
  internalId: string;
  name: string;
  email?: string;
  roles: string[];
  /** Give Access (may log in); default true. */
  giveAccess: boolean;
  inactive: boolean;
  /** Global permissions on the employee record: permission ID -> level. */
  globalPermissions: Map<string, Level>;
}

/** One Login Audit Trail row (the fixture gives days ago; the server's clock dates it). */
export interface SimLogin {
  userId: string;
  roleId: string;
  daysAgo: number;
  status: 'Success' | 'Failure';
  token?: string;
  app?: string;
}

/** A role in the simulated account. */
export interface SimRole {
  internalId: string;
  scriptId: string;
  name: string;
  /** Role-level settings by the policy's keys (core/model.ts ROLE_SETTINGS): booleans, or values as SDF writes them. */
  settings: Record<string, boolean | string>;
  /** The Restrictions subtab (served by `rolerestrictions`, in the form the account's `suiteql.roleRestrictions` says). */
  recordRestrictions: Array<{ segment: string; restriction: string; viewingAllowed?: boolean; itemsRestricted?: boolean }>;
  /** Permission ID -> the line's Restrict column, where set. */
  restrictions: Map<string, string>;
  inactive: boolean;
  /** Every permission at Full, listed or not (Administrator). */
  allPermissions: boolean;
  webServicesOnly: boolean;
  doNotRestrictEmployeeFields: boolean;
  /** Permission ID -> level, in the fixture's order. */
  permissions: Map<string, Level>;
}

/** An integration record (consumer key and secret). */
interface SimIntegration {
  name: string;
  consumerKey: string;
  consumerSecret: string;
  enabled: boolean;
}

/** An access token: integration + user + role. */
export interface SimToken {
  name: string;
  tokenId: string;
  tokenSecret: string;
  integration: SimIntegration;
  userId: string;
  role: SimRole;
  revoked: boolean;
}

/** A simulated NetSuite account, validated and cross-referenced. */
export interface SimAccount {
  /** Canonical account id: upper case, underscore (1234567_SB1). */
  id: string;
  companyName: string;
  concurrencyLimit: number;
  features: { soapWebServices: boolean; restWebServices: boolean; tokenBasedAuthentication: boolean };
  clockSkewSeconds: number;
  suiteql: SuiteQlBehaviour;
  /** Custom record types: script id -> internal id (the `customrecordtype` table). */
  customRecordTypes: Map<string, string>;
  roles: SimRole[];
  integrations: SimIntegration[];
  users: SimUser[];
  /** The Login Audit Trail. */
  logins: SimLogin[];
  /** System notes on roles. */
  systemNotes: SimSystemNote[];
  tokens: SimToken[];
  /** Record type -> rows. */
  records: Map<string, Array<{ internalId: string; name: string }>>;
  faults: FaultSettings;
}
