/**
 * The one data model: policies, roles, findings, runs and comparisons. Types and the few
 * constants that define them; no behaviour beyond building a finding.
 */
import type { Level, Subtab } from './catalog';

// ---------------------------------------------------------------- places in files

/** A place in a file people can jump to: `file:line:column` (1-based). */
export interface SourceLoc {
  file: string;
  line: number;
  column: number;
}

/** Formats a location as editors and CI annotations read it. */
export function formatLoc(loc: SourceLoc): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

// ---------------------------------------------------------------- policies

/** Role flags a policy can set, named as the policy names them. */
export const FLAGS = ['webServicesOnly', 'doNotRestrictEmployeeFields', 'inactive'] as const;
/** One role flag. */
export type FlagName = (typeof FLAGS)[number];

/** The role page's label for each flag. */
export const FLAG_LABELS: Record<FlagName, string> = {
  webServicesOnly: 'Web Services Only Role',
  doNotRestrictEmployeeFields: 'Do Not Restrict Employee Fields',
  inactive: 'Inactive',
};

/** What a policy does with permissions it does not list. */
export type ExcessMode = 'fail' | 'warn' | 'ignore';

/** A permission as a policy refers to it, resolved against the catalog. */
export interface PermissionRef {
  id: string;
  name: string;
  subtab: Subtab;
  /** The key exactly as the policy wrote it ("Customer Payments"). */
  written: string;
}

/** One permission requirement: at least `min`, at most `max` (both for `exact`). */
export interface PermissionRule extends PermissionRef {
  min?: Level;
  max?: Level;
  loc: SourceLoc;
}

/** A permission the role may hold although the policy does not require it, up to `max`. */
export interface Allowance extends PermissionRef {
  max: Level;
  loc: SourceLoc;
}

/** Accepts one finding until a date, with a reason. */
export interface Waiver {
  code: string;
  permissionId?: string;
  permissionName?: string;
  flag?: FlagName;
  reason: string;
  /** Last day the waiver holds, YYYY-MM-DD. */
  expires: string;
  loc: SourceLoc;
}

/** Which role a policy audits. */
export interface RoleSelector {
  scriptId?: string;
  name?: string;
  internalId?: string;
}

/** A flag expectation with where the policy set it. */
export interface FlagRule {
  flag: FlagName;
  value: boolean;
  loc: SourceLoc;
}

/** A validated, normalized policy with every `extends` applied. */
export interface Policy {
  /** The file the policy was read from (as given). */
  file: string;
  /** Every file that contributed, this one last. */
  files: string[];
  description?: string;
  role: RoleSelector;
  roleLoc?: SourceLoc;
  flags: FlagRule[];
  rules: PermissionRule[];
  excess: ExcessMode;
  excessLoc?: SourceLoc;
  allow: Allowance[];
  waivers: Waiver[];
}

// ---------------------------------------------------------------- roles

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

/** A role's identity, as listings return it. */
export interface RoleSummary {
  scriptId?: string;
  internalId?: string;
  name?: string;
}

/** A role as read from one source, ready to diff. */
export interface RoleSnapshot extends RoleSummary {
  flags: RoleFlags;
  permissions: RolePermission[];
  evidence: Evidence;
  /** With effective-access evidence: permission IDs no read could prove either way. */
  unverifiable?: string[];
  /** Where the role came from: a file path, or `suiteql:<account>` and the like. */
  origin: string;
}

/** What a source returns for one role: the role (undefined when none matches) and what it noted on the way. */
export interface FetchedRole {
  role: RoleSnapshot | undefined;
  /** Said in every format: a fallback taken, limits of what was read. */
  notes: string[];
}

// ---------------------------------------------------------------- findings

/** Stable finding codes and their default severity: public API, documented in the README. */
export const FINDING_CODES = {
  ROLE_NOT_FOUND: 'error',
  ROLE_INACTIVE: 'error',
  PERMISSION_MISSING: 'error',
  LEVEL_TOO_LOW: 'error',
  LEVEL_ABOVE_MAX: 'error',
  PERMISSION_EXCESS: 'error', // 'warning' with `excess: warn`
  FLAG_MISMATCH: 'error',
  PERMISSION_UNCATALOGUED: 'warning',
  NOT_VERIFIABLE: 'warning',
  WAIVER_EXPIRED: 'error',
  WAIVER_UNUSED: 'info',
} as const;

/** One of the stable finding codes. */
export type FindingCode = keyof typeof FINDING_CODES;
/** How much a finding matters; `--fail-on` compares against it. */
export type Severity = 'error' | 'warning' | 'info';

/** A permission as findings carry it. */
export interface FindingPermission {
  id: string;
  name: string;
  subtab: Subtab;
}

/** A waiver as WAIVER_EXPIRED / WAIVER_UNUSED findings name it. */
export interface FindingWaiver {
  reason: string;
  expires: string;
  loc: SourceLoc;
}

/**
 * Why a finding no longer counts: a live waiver in the policy, or an entry in the baseline.
 * The finding keeps its code and severity; the verdict skips it; every format shows it.
 */
export type Acceptance =
  | { by: 'waiver'; reason: string; expires: string; loc: SourceLoc }
  | { by: 'baseline'; file: string };

/** One result of comparing a role with a policy: data, never prose (sentences are made in format/). */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The policy rule this finding belongs to (`permission:TRAN_SALESORD`, `flag:webServicesOnly`, `excess`, ...). */
  rule: string;
  permission?: FindingPermission;
  flag?: FlagName;
  expectedMin?: Level;
  expectedMax?: Level;
  /** The role's level; NONE when the role lacks the permission. */
  actualLevel?: Level;
  expectedFlag?: boolean;
  /** The role's flag; null when the source cannot tell. */
  actualFlag?: boolean | null;
  /** For WAIVER_EXPIRED and WAIVER_UNUSED: the waiver concerned. */
  waiver?: FindingWaiver;
  /** What a NOT_VERIFIABLE finding could not see, or other context. */
  detail?: string;
  /** Where in the policy the rule stands. */
  loc?: SourceLoc;
  /** Set when a waiver or the baseline accepts this finding: shown, never counted. */
  accepted?: Acceptance;
}

/** A finding with the severity its code carries by default. */
export function finding(code: FindingCode, fields: Omit<Finding, 'code' | 'severity'> & { severity?: Severity }): Finding {
  return { code, severity: fields.severity ?? FINDING_CODES[code], ...fields } as Finding;
}

/** What `--fail-on` accepts: the lowest severity that fails a run. */
export type FailOn = 'error' | 'warning' | 'never';
/** Every `--fail-on` value. */
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** A rule's outcome, from its findings that are not accepted (see core/verdict.ts). */
export type RuleStatus = 'pass' | 'fail' | 'warn' | 'accepted' | 'unverifiable';

/** The outcome of one policy rule (JUnit makes a test case of each). */
export interface RuleResult {
  id: string;
  /** What the rule asks, short: "Sales Order at least Full", "Web Services Only Role is on". */
  title: string;
  kind: 'role' | 'permission' | 'flag' | 'excess' | 'catalog' | 'waiver';
  status: RuleStatus;
  permission?: FindingPermission;
  loc?: SourceLoc;
}

/** A role's overall result, from its findings that are not accepted (see core/verdict.ts). */
export type RoleStatus = 'compliant' | 'warnings' | 'unverified' | 'non-compliant';

/** Counts of a role's or a run's findings: errors and warnings not accepted, and accepted ones. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  accepted: number;
}

// ---------------------------------------------------------------- runs

/** Version of the JSON report's shape; bumped on any breaking change (README "JSON report"). */
export const REPORT_SCHEMA_VERSION = 2;

/** One role audited against one policy. */
export interface RoleAudit {
  policy: { file: string; files: string[]; description?: string };
  role: {
    /** The role as the audit asked for it: a script id, `#internal id` or `"name"`. */
    selector: string;
    scriptId?: string;
    internalId?: string;
    name?: string;
    found: boolean;
    evidence?: Evidence;
  };
  source: { kind: string; location: string; connection?: string };
  status: RoleStatus;
  /** True when this role fails the run at the report's `failOn` (core/verdict.ts). */
  failed: boolean;
  counts: FindingCounts;
  rules: RuleResult[];
  findings: Finding[];
  /** Said in every format: fallbacks taken, limits of the source. */
  notes: string[];
}

/** What applying a baseline came to, as reports show it. */
export interface BaselineSummary {
  file: string;
  existing: number;
  new: number;
  resolved: Array<{ role: string; code: string; target: string }>;
}

/** The whole run: what every audit formatter formats. */
export interface AuditReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  generatedAt: string;
  failOn: FailOn;
  results: RoleAudit[];
  /** With `audit --baseline`: findings already accepted, new ones, and those fixed since. */
  baseline?: BaselineSummary;
  summary: FindingCounts & {
    roles: number;
    compliant: number;
    withWarnings: number;
    nonCompliant: number;
    unverified: number;
    /** Roles that fail at `failOn`. */
    failedRoles: number;
    /** True when the run fails at `failOn` (exit code 1). */
    failed: boolean;
  };
}

// ---------------------------------------------------------------- comparisons

/** One permission's place in a comparison. */
export interface PermissionDifference {
  id: string;
  name: string;
  subtab: Subtab;
  left?: Level;
  right?: Level;
  kind: 'only-left' | 'only-right' | 'level' | 'same';
}

/** One flag's place in a comparison; `null` = the source cannot tell. */
export interface FlagDifference {
  flag: FlagName;
  label: string;
  left: boolean | null;
  right: boolean | null;
  kind: 'same' | 'different' | 'unknown';
}

/** Two roles side by side. */
export interface RoleComparison {
  schemaVersion: 1;
  generatedAt: string;
  left: { label: string; role: string };
  right: { label: string; role: string };
  flags: FlagDifference[];
  permissions: PermissionDifference[];
  equal: boolean;
  counts: { onlyLeft: number; onlyRight: number; level: number; same: number; flags: number };
}
