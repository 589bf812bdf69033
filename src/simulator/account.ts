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
 * How the simulated account answers where NetSuite's behaviour is unconfirmed (netsuite.md 3):
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
  users: Array<{ internalId: string; name: string; email?: string; roles: string[] }>;
  tokens: SimToken[];
  /** Record type -> rows. */
  records: Map<string, Array<{ internalId: string; name: string }>>;
  faults: FaultSettings;
}
