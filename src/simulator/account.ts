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

/** A role in the simulated account. */
export interface SimRole {
  internalId: string;
  scriptId: string;
  name: string;
  centerType: string;
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
  roles: SimRole[];
  integrations: SimIntegration[];
  users: Array<{ internalId: string; name: string; email?: string; roles: string[] }>;
  tokens: SimToken[];
  /** Record type -> rows. */
  records: Map<string, Array<{ internalId: string; name: string }>>;
  faults: FaultSettings;
}
