import type { AuditReport } from '../core/model';

/** Exit codes, documented in the README: the only place they are defined. */
export const EXIT = {
  /** Compliant (or nothing at or above --fail-on). */
  OK: 0,
  /** Findings at or above --fail-on (or, for compare, the roles differ). */
  FINDINGS: 1,
  /** Could not audit: bad flags, invalid policy, unreadable role, NetSuite unreachable. */
  ERROR: 2,
} as const;

/** The exit code of an audit: 2 when a part could not be audited, else the report's own verdict (core/verdict.ts), nothing recomputed. */
export function exitCodeOf(report: AuditReport): number {
  if (report.errors?.length) return EXIT.ERROR;
  return report.summary.failed ? EXIT.FINDINGS : EXIT.OK;
}
