/**
 * The one data model: policies, roles, findings, runs and comparisons. Types and the few
 * constants that define them; no behaviour beyond building a finding.
 */
import type { Level, Subtab } from './catalog';
import type { InputIssue } from './errors';

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

/** One permission requirement: at least `min`, at most `max` (both for `exact`), and the line's Restrict column. */
export interface PermissionRule extends PermissionRef {
  min?: Level;
  max?: Level;
  /** The permission line's restriction the role must have (NONE: unrestricted). */
  restriction?: string;
  loc: SourceLoc;
}

/** A role setting the policy pins: the role's value must be one of `values`. */
export interface SettingRule {
  key: SettingKey;
  values: Array<string | boolean>;
  loc: SourceLoc;
}

/** A record restriction the policy pins, by segment (NONE: the role must not be restricted by it), with the line's two boxes when pinned. */
export interface RecordRestrictionRule {
  segment: string;
  restriction: string;
  /** Allow Viewing (records outside the restriction may be viewed): widens access. */
  viewingAllowed?: boolean;
  /** Items Restricted (the restriction applies to items too). */
  itemsRestricted?: boolean;
  loc: SourceLoc;
}

/** A permission the role may hold although the policy does not require it, up to `max`. */
export interface Allowance extends PermissionRef {
  max: Level;
  loc: SourceLoc;
}

/** How a policy treats the built-in risk rules (core/risk/rules.ts): a severity for all, and per permission. */
export interface RiskPolicy {
  /** Severity of every built-in risk rule (default: warning). */
  severity: Severity;
  severityLoc?: SourceLoc;
  /** Per permission: raise or lower one rule. */
  permissions: Array<PermissionRef & { severity: Severity; loc: SourceLoc }>;
}

/** One side of a segregation-of-duties rule: holding any of these at or above its level. */
export type ConflictSide = Array<PermissionRef & { min: Level }>;

/** A segregation-of-duties rule: any of `any` together with any of `with` (one-sided: `any` alone). */
export interface ConflictRule {
  name: string;
  reason: string;
  /** Where the pair comes from, and whether the permission mapping is the source's own or ours. */
  source?: string;
  mapping?: 'source' | 'ours';
  severity: Severity;
  any: ConflictSide;
  with?: ConflictSide;
  loc: SourceLoc;
}

/** `holders:` in a policy: who may hold the role, how many, and how long an assignment may sit unused. */
export interface HoldersRule {
  /** Emails, entity ids or internal ids of the people allowed to hold the role (absent: anyone). */
  allow?: string[];
  /** At most this many holders with access. */
  max?: number;
  /** Days without a login with the role before a holder, a token or the role counts as unused (default 90). */
  maxIdleDays?: number;
  loc: SourceLoc;
}

/** Where a policy pack comes from: the vendor's published page it transcribes. */
export interface PolicySource {
  vendor: string;
  product: string;
  title: string;
  url: string;
  /** The date or version the page states, or what is known about it. */
  date: string;
  /** What the guide leaves to the user (per-object permissions and the like). */
  leftToUser?: string[];
  notes?: string[];
}

/** Accepts one finding until a date, with a reason. */
export interface Waiver {
  code: string;
  permissionId?: string;
  permissionName?: string;
  flag?: FlagName;
  /** For SOD_CONFLICT: the conflict rule's name. */
  conflict?: string;
  /** A rule by id (`excess`, `risk`, `role:active`, `source`): for findings no permission, flag, setting or conflict names. */
  rule?: string;
  /** For SETTING_MISMATCH: the setting key; for RECORD_RESTRICTION_MISMATCH: the segment. */
  setting?: string;
  /** For access findings: the person (email, entity id or internal id). */
  holder?: string;
  /** For TOKEN_UNUSED: the token's name. */
  token?: string;
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
  /** Valid wording that is probably a mistake, from every file (validate shows them; --strict fails on them). */
  warnings: InputIssue[];
  description?: string;
  role: RoleSelector;
  roleLoc?: SourceLoc;
  flags: FlagRule[];
  settings: SettingRule[];
  recordRestrictions: RecordRestrictionRule[];
  rules: PermissionRule[];
  excess: ExcessMode;
  excessLoc?: SourceLoc;
  allow: Allowance[];
  waivers: Waiver[];
  risk: RiskPolicy;
  conflicts: ConflictRule[];
  /** Who may hold the role (`holders:`): checked when the source can read holders, not verifiable otherwise. */
  holders?: HoldersRule;
  /** Packs: the vendor page the policy transcribes (the last file in the chain that has one). */
  source?: PolicySource;
}

// ---------------------------------------------------------------- roles

/** One permission line of a role, as NetSuite stores it. */
export interface RolePermission {
  /** Permission identity (core/catalog/permkey.ts): a standard ID, or a custom record, custom transaction type or custom segment by script id. */
  permkey: string;
  level: Level;
  /** The line's Restrict column (EDIT, VIEWANDEDIT, OWNONLY, ...), when set. SuiteQL may give a code instead of a word. */
  restriction?: string;
  /** The SuiteApp that owns a custom record (`[appid=..., scriptid=...]`). */
  appId?: string;
}

/** Where on the role page a setting is changed (the Markdown checklist says so). */
export type SettingSection = 'top' | 'employee' | 'subsidiary' | 'authentication';

/** One role-level setting beyond the three flags: how SDF and SuiteQL name it, and what it holds. */
export interface SettingDefinition {
  /** SDF element under `<role>`. */
  sdf: string;
  /** SuiteQL `role` column where public code shows one (docs/netsuite-facts.md §3); absent: not readable over SuiteQL. */
  suiteql?: string;
  type: 'boolean' | 'enum' | 'text';
  /** Values seen in real exports (enums); the check compares in upper case. */
  values?: readonly string[];
  /** The label on NetSuite's role page. */
  label: string;
  section: SettingSection;
}

/**
 * Every role-level setting real exports carry besides name, the three flags and record
 * restrictions (source: docs/netsuite-facts.md §1 and §3). The policy names them by key.
 */
export const ROLE_SETTINGS = {
  coreAdminPermissions: { sdf: 'coreadminpermission', suiteql: 'coreadminpermission', type: 'boolean', label: 'Core Administration Permissions', section: 'top' },
  centerType: { sdf: 'centertype', suiteql: 'centertype', type: 'enum', values: ['ACCOUNTCENTER', 'SALESCENTER', 'SHIPPINGCENTER', 'SUPPORTCENTER', 'BASIC', 'EXECUTIVE', 'PARTNERCENTER', 'SYSADMINCENTER', 'EMPLOYEE', 'MARKETCENTER', 'CUSTOMER', 'STOREMANAGER'], label: 'Center Type', section: 'top' },
  salesRole: { sdf: 'issalesrole', suiteql: 'issalesrole', type: 'boolean', label: 'Sales Role', section: 'top' },
  supportRole: { sdf: 'issupportrole', suiteql: 'issupportrole', type: 'boolean', label: 'Support Role', section: 'top' },
  partnerRole: { sdf: 'ispartnerrole', suiteql: 'ispartnerrole', type: 'boolean', label: 'Partner Role', section: 'top' },
  parentRole: { sdf: 'parentrolescriptid', type: 'text', label: 'Customized from (parent role)', section: 'top' },
  singleSignOnOnly: { sdf: 'issinglesignononly', suiteql: 'issinglesignononly', type: 'boolean', label: 'Single Sign-On Only Role', section: 'authentication' },
  restrictByDevice: { sdf: 'restrictbydevice', suiteql: 'restrictbydevice', type: 'boolean', label: 'Restrict this role by device ID', section: 'authentication' },
  twoFactorRequired: { sdf: 'tfarequired', type: 'enum', values: ['OFF', 'SMS', 'TOTP'], label: 'Two-Factor Authentication Required', section: 'authentication' },
  twoFactorDuration: { sdf: 'tfaduration', type: 'text', label: 'Duration of trusted device (hours)', section: 'authentication' },
  employeeRestriction: { sdf: 'employeerestriction', suiteql: 'employeerestriction', type: 'enum', values: ['NONE', 'OWNONLY', 'UNASSIGNED', 'DEFAULTTOOWN'], label: 'Employee Restrictions', section: 'employee' },
  employeeViewingAllowed: { sdf: 'employeeviewingallowed', type: 'boolean', label: 'Allow Viewing (employee restrictions)', section: 'employee' },
  subsidiaryOption: { sdf: 'subsidiaryoption', suiteql: 'subsidiaryoption', type: 'enum', values: ['OWN', 'SELECTED', 'ALL', 'ALLACTIVE'], label: 'Accessible Subsidiaries', section: 'subsidiary' },
  subsidiaryViewingAllowed: { sdf: 'subsidiaryviewingallowed', suiteql: 'subsidiaryviewingallowed', type: 'boolean', label: 'Allow Cross-Subsidiary Record Viewing', section: 'subsidiary' },
  restrictTimeAndExpenses: { sdf: 'restricttimeandexpenses', suiteql: 'restricttimeandexpenses', type: 'boolean', label: 'Restrict Time and Expenses', section: 'subsidiary' },
} as const satisfies Record<string, SettingDefinition>;

/** A role setting's key, as policies name it. */
export type SettingKey = keyof typeof ROLE_SETTINGS;
/** Every setting key, in the role page's order. */
export const SETTING_KEYS = Object.keys(ROLE_SETTINGS) as SettingKey[];

/** A role's settings: booleans, or values in upper case (custom centers as `custcenter_x`); absent = the source cannot tell. */
export type RoleSettings = { [K in SettingKey]?: (typeof ROLE_SETTINGS)[K]['type'] extends 'boolean' ? boolean : string };

/** The record segments a role can be restricted by (the role page's Restrictions subtab). */
export const RECORD_SEGMENTS = ['DEPARTMENT', 'CLASS', 'LOCATION'] as const;

/** One line of the Restrictions subtab: records restricted by department, class or location. */
export interface RecordRestriction {
  /** DEPARTMENT, CLASS, LOCATION (or another segment a source names). */
  segment: string;
  /** OWNONLY, ... */
  restriction: string;
  viewingAllowed?: boolean;
  itemsRestricted?: boolean;
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
  /** Role-level settings beyond the flags; a missing key = the source cannot tell. */
  settings: RoleSettings;
  /** The Restrictions subtab; undefined = the source cannot tell (SuiteQL has no known table for it). */
  recordRestrictions?: RecordRestriction[];
  /** Account-specific custom role fields (`custrecord_*`) and any other field the source holds, by element name. */
  customFields?: Record<string, string>;
  permissions: RolePermission[];
  evidence: Evidence;
  /** Permission IDs the source could not see either way, each with why (SOAP: no read proves it; SuiteQL: an unmapped custom record). */
  unverifiable?: Record<string, string>;
  /** Where the role came from: a file path, or `suiteql:<account>` and the like. */
  origin: string;
  /**
   * SDF files only: the line in `origin` of each part a fix changes (`role`, `permissions`, a
   * permkey, a flag or a setting key), so findings can point at the line to edit.
   */
  lines?: Record<string, number>;
}

/** What a source returns for one role: the role (undefined when none matches) and what it noted on the way. */
export interface FetchedRole {
  role: RoleSnapshot | undefined;
  /** Said in every format: a fallback taken, limits of what was read. */
  notes: string[];
  /** Set when the source could not read the role definition and probed effective access instead: why. */
  fallback?: string;
}

// ---------------------------------------------------------------- findings

/** Stable finding codes and their default severity: public API, documented in docs/findings.md. */
export const FINDING_CODES = {
  ROLE_NOT_FOUND: 'error',
  ROLE_INACTIVE: 'error',
  PERMISSION_MISSING: 'error',
  LEVEL_TOO_LOW: 'error',
  LEVEL_ABOVE_MAX: 'error',
  PERMISSION_EXCESS: 'error', // 'warning' with `excess: warn`
  FLAG_MISMATCH: 'error',
  SETTING_MISMATCH: 'error',
  RECORD_RESTRICTION_MISMATCH: 'error',
  PERMISSION_RESTRICTION_MISMATCH: 'error',
  PERMISSION_UNCATALOGUED: 'warning',
  // Compliant means verified: what the source could not see fails the run, unless the user
  // accepts it (--accept-unverified, or a waiver).
  NOT_VERIFIABLE: 'error',
  // auto mode could not read the role definition and probed the token's own role over SOAP.
  SOURCE_FALLBACK: 'error',
  WAIVER_EXPIRED: 'error',
  WAIVER_UNUSED: 'info',
  // Built-in risk rules on web-services-only roles (core/risk/rules.ts); policies raise or lower them.
  RISKY_PERMISSION: 'warning',
  // A `conflicts:` rule (segregation of duties); each rule may set its own severity.
  SOD_CONFLICT: 'error',
  // Who holds the role, and whether they use it (core/access; `access`, and `audit` with `holders:`).
  ROLE_UNASSIGNED: 'warning',
  ROLE_UNUSED: 'warning',
  ASSIGNMENT_DORMANT: 'warning',
  TOKEN_UNUSED: 'warning', // 'info' in a sandbox: sandboxes do not copy tokens
  USER_SOD_CONFLICT: 'error',
  GLOBAL_PERMISSION: 'warning',
  ROLE_HOLDER_UNEXPECTED: 'error',
} as const;

/** One of the stable finding codes. */
export type FindingCode = keyof typeof FINDING_CODES;

/** The codes about who holds a role (core/access). */
export const ACCESS_FINDING_CODES: ReadonlySet<string> = new Set<FindingCode>(['ROLE_UNASSIGNED', 'ROLE_UNUSED', 'ASSIGNMENT_DORMANT', 'TOKEN_UNUSED', 'USER_SOD_CONFLICT', 'GLOBAL_PERMISSION', 'ROLE_HOLDER_UNEXPECTED']);
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
  /** `covers`: what the waiver names ("NOT_VERIFIABLE on Sales Order (TRAN_SALESORD)"), so every format says what it accepted. */
  | { by: 'waiver'; reason: string; expires: string; loc: SourceLoc; covers: string }
  /** `accepted`: what the baseline entry recorded (a level or value); a finding beyond it is new. */
  | { by: 'baseline'; file: string; accepted?: string }
  /** `--accept-unverified` (or `acceptUnverified: true` in the config): a NOT_VERIFIABLE finding the user accepts. */
  | { by: 'accept-unverified' }
  /** A risk the policy asks for (it requires or allows the permission): acknowledged, still shown. */
  | { by: 'policy'; loc: SourceLoc };

/** A person as access findings name them. */
export interface FindingHolder {
  /** The employee's internal id. */
  id: string;
  name?: string;
  email?: string;
}

/** The edit of the role file that settles a finding, as `ns-role-audit fix` makes it. */
export interface FindingFix {
  action: 'add' | 'raise' | 'lower' | 'remove' | 'set';
  /** The role file and the line the edit changes, or where the new lines go. */
  file: string;
  line: number;
  /** The SDF the edit writes (absent for a removal). */
  xml?: string;
  /** A removal also needs this step in NetSuite's UI after the deploy (a deploy cannot remove a permission). */
  afterDeploy?: string;
}

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
  /** A setting's key (`coreAdminPermissions`), a record restriction's segment (`recordRestrictions.DEPARTMENT`) or `restriction` for a permission line. */
  setting?: string;
  /** What the policy accepts for a setting or restriction (any of). */
  expectedValues?: string[];
  /** What the role holds; null when the source cannot tell. */
  actualValue?: string | null;
  /** For WAIVER_EXPIRED and WAIVER_UNUSED: the waiver concerned. */
  waiver?: FindingWaiver;
  /** What a NOT_VERIFIABLE finding could not see, or other context. */
  detail?: string;
  /** Where in the policy the rule stands. */
  loc?: SourceLoc;
  /** SOD_CONFLICT: the rule's name and what the role holds on each side. */
  conflict?: { name: string; any: Array<FindingPermission & { level: Level; role?: string }>; with?: Array<FindingPermission & { level: Level; role?: string }> };
  /** RISKY_PERMISSION: false when the role is not (yet) web-services-only and the rule applies because the policy requires it to be. */
  roleWebServicesOnly?: boolean;
  /** Where in the role's own file (SDF) the fix belongs: the permission's line, else the element or section it goes in. */
  roleLoc?: SourceLoc;
  /** Access findings: the person holding the role. */
  holder?: FindingHolder;
  /** Access findings: an integration token (and its application) that logs in with the role. */
  token?: { name: string; app?: string };
  /** Access findings: the last login with the role (ISO date-time); null when there is none in the login audit trail. */
  lastUsed?: string | null;
  /** With history (--history): when what this finding is about first looked as it does now; `historyStart` when the history begins so (it may be older). */
  firstSeen?: { at: string; historyStart: boolean };
  /** SDF role files only: the edit `ns-role-audit fix` makes for this finding (core/fix/link-fixes.ts). */
  fix?: FindingFix;
  /** Set when a waiver or the baseline accepts this finding: shown, never counted. */
  accepted?: Acceptance;
  /** The sentence every format shows (set on the findings of a built report). */
  message?: string;
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
  kind: 'role' | 'permission' | 'flag' | 'setting' | 'excess' | 'catalog' | 'waiver' | 'risk' | 'conflict' | 'holders';
  status: RuleStatus;
  permission?: FindingPermission;
  /** Permission rules: the levels the policy asks for. */
  expectedMin?: Level;
  expectedMax?: Level;
  /** Permission rules: the role's level, when the source saw the role definition (not over SOAP, not when unverifiable). */
  actualLevel?: Level;
  loc?: SourceLoc;
}

/** A role's overall result, from its findings that are not accepted (see core/verdict.ts). */
export type RoleStatus = 'compliant' | 'warnings' | 'unverified' | 'non-compliant';

/** Counts of a role's or a run's findings not accepted (errors, what could not be verified, warnings), and accepted ones. */
export interface FindingCounts {
  errors: number;
  unverifiable: number;
  warnings: number;
  accepted: number;
}

// ---------------------------------------------------------------- runs

/** Version of the JSON report's shape; bumped on any breaking change (docs/reports.md, `json`). */
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
  /** Where the role was read: kind, location, the config connection and the canonical account id of a live source. */
  source: { kind: string; location: string; connection?: string; account?: string };
  status: RoleStatus;
  /** True when this role fails the run at the report's `failOn` (core/verdict.ts). */
  failed: boolean;
  counts: FindingCounts;
  rules: RuleResult[];
  findings: Finding[];
  /** Said in every format: fallbacks taken, limits of the source. */
  notes: string[];
  /** Who holds the role and when they last used it (`access`, and `audit` with `holders:`). */
  access?: RoleAccessView;
}

/** Who holds a role, as reports show it: each holder and token with its last use, and what could not be read. */
export interface RoleAccessView {
  holders?: Array<FindingHolder & { hasAccess?: boolean; inactive?: boolean; lastUsed?: string | null; roles?: string[] }>;
  tokens?: Array<{ name: string; app?: string; holder?: string; lastUsed: string }>;
  /** The last login with the role by anyone; null when none is in the login audit trail. */
  lastUsed?: string | null;
  unread?: { holders?: string; logins?: string; globalPermissions?: string };
}

/** What applying a baseline came to, as reports show it. */
export interface BaselineSummary {
  file: string;
  existing: number;
  new: number;
  resolved: Array<{ role: string; code: string; target: string }>;
}

/** A part of a run that could not be audited (a connection whose account failed): reported beside the results, exit 2. */
export interface RunError {
  /** The connection (fleet runs), or what was being read. */
  connection: string;
  account?: string;
  /** The error's stable code (AUTH_FAILED, NETSUITE_UNAVAILABLE, ...). */
  code: string;
  message: string;
}

/** One conflict rule and the roles that hold it, across accounts. */
export interface ConflictHolders {
  name: string;
  roles: Array<{ role: string; account?: string; connection?: string; accepted: boolean }>;
}

/** The run's verdict: passed (exit 0), failed (exit 1), incomplete (exit 2: a part could not be audited). */
export type RunVerdict = 'passed' | 'failed' | 'incomplete';

/** The whole run: what every audit formatter formats. */
export interface AuditReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  generatedAt: string;
  failOn: FailOn;
  results: RoleAudit[];
  /** With `audit --baseline`: findings already accepted, new ones, and those fixed since. */
  baseline?: BaselineSummary;
  /** Parts of the run that could not be audited; the others are still reported. Any makes the exit code 2. */
  errors?: RunError[];
  /** Segregation-of-duties conflicts across the run (set when any role holds one): which roles hold each. */
  conflicts?: ConflictHolders[];
  summary: FindingCounts & {
    roles: number;
    compliant: number;
    withWarnings: number;
    nonCompliant: number;
    unverified: number;
    /** Roles that fail at `failOn`. */
    failedRoles: number;
    /** The run's verdict (core/verdict.ts runVerdict), which every format states. */
    verdict: RunVerdict;
    /** True unless the verdict is `passed`: a role fails at `failOn` (exit 1), or a part could not be audited (exit 2). */
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
  /** The line's Restrict column on each side, when set. */
  leftRestriction?: string;
  rightRestriction?: string;
  /** The SuiteApp that owns a custom record, when it is one. */
  appId?: string;
  /** `restriction`: same level, another Restrict column; `unknown`: it cannot be compared (see `why`). */
  kind: 'only-left' | 'only-right' | 'level' | 'restriction' | 'same' | 'unknown';
  /** Why it cannot be compared. */
  why?: string;
}

/** One setting, record restriction or custom field in a comparison; `null` = the source cannot tell. */
export interface SettingDifference {
  /** A setting key, `recordRestrictions.DEPARTMENT` or `customFields.custrecord_x`. */
  key: string;
  label: string;
  left: string | null;
  right: string | null;
  kind: 'same' | 'different' | 'unknown';
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
  schemaVersion: 2;
  /** The tool that compared (set by the CLI). */
  tool?: { name: string; version: string };
  generatedAt: string;
  left: { label: string; role: string };
  right: { label: string; role: string };
  flags: FlagDifference[];
  settings: SettingDifference[];
  permissions: PermissionDifference[];
  /** `same` only when nothing differs and everything was known on both sides (or accepted unverified); `incomplete`: nothing differs, but something could not be compared. */
  verdict: 'same' | 'different' | 'incomplete';
  /** True when the verdict is `same` (exit 0). */
  equal: boolean;
  /** Set when `--accept-unverified` accepted fields one side could not show. */
  acceptedUnverified?: boolean;
  counts: { onlyLeft: number; onlyRight: number; level: number; restriction: number; same: number; flags: number; settings: number; unknown: number };
}
