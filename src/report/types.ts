import type { Evidence } from '../role/types';
import type { FailOn, Finding, RoleStatus, RuleResult } from '../diff';

/** Version of the JSON report's shape; bumped on any breaking change. */
export const REPORT_SCHEMA_VERSION = 1;

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
  counts: { errors: number; warnings: number; waived: number };
  rules: RuleResult[];
  findings: Finding[];
  /** Said in every format: fallbacks taken, limits of the source. */
  notes: string[];
}

/** The whole run: what every formatter formats. */
export interface AuditReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  generatedAt: string;
  failOn: FailOn;
  results: RoleAudit[];
  /** With `audit --baseline`: findings already accepted, new ones, and those fixed since. */
  baseline?: { file: string; existing: number; new: number; resolved: Array<{ role: string; code: string; target: string }> };
  summary: {
    roles: number;
    compliant: number;
    nonCompliant: number;
    unverified: number;
    errors: number;
    warnings: number;
    waived: number;
    /** True when the run fails under `failOn` (exit code 1). */
    failed: boolean;
  };
}

/** What formatters may know besides the report. */
export interface FormatContext {
  /** ANSI colour (a TTY without NO_COLOR). */
  color: boolean;
}

/** A formatter: pure, returns the whole output. */
export type Formatter = (report: AuditReport, ctx: FormatContext) => string;
