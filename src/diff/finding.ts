import type { Level, Subtab } from '../catalog';
import type { SourceLoc } from '../location';
import type { FlagName } from '../policy/types';

/** Stable finding codes: public API, documented in the README. */
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
  WAIVED: 'info',
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

/** A waiver as findings carry it. */
export interface FindingWaiver {
  reason: string;
  expires: string;
  loc: SourceLoc;
}

/** One result of comparing a role with a policy: data, never prose (sentences are made in report/). */
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
  /** For WAIVED: the code the waiver suppressed. */
  waivedCode?: FindingCode;
  waiver?: FindingWaiver;
  /** What a NOT_VERIFIABLE finding could not see, or other context. */
  detail?: string;
  /** Where in the policy the rule stands. */
  loc?: SourceLoc;
  /** Accepted in the baseline (`audit --baseline`): shown, not counted. */
  baselined?: boolean;
}

/** A finding with the severity its code carries by default. */
export function finding(code: FindingCode, fields: Omit<Finding, 'code' | 'severity'> & { severity?: Severity }): Finding {
  return { code, severity: fields.severity ?? FINDING_CODES[code], ...fields } as Finding;
}

/** The outcome of one policy rule (JUnit makes a test case of each). */
export interface RuleResult {
  id: string;
  /** What the rule asks, short: "Sales Order at least Full", "Web Services Only Role is on". */
  title: string;
  kind: 'role' | 'permission' | 'flag' | 'excess' | 'catalog' | 'waiver';
  status: 'pass' | 'fail' | 'warn' | 'waived' | 'unverifiable';
  permission?: FindingPermission;
  loc?: SourceLoc;
}
