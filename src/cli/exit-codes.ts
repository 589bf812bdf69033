import type { AuditReport } from '../core/model';

/** Exit codes, documented in docs/commands.md "Exit codes": the only place they are defined. */
export const EXIT = {
  /** Compliant (or nothing at or above --fail-on). */
  OK: 0,
  /** Findings at or above --fail-on (or, for compare, the roles differ). */
  FINDINGS: 1,
  /** Could not audit: bad flags, invalid policy, unreadable role, NetSuite unreachable. */
  ERROR: 2,
} as const;

/** The exit code of each run verdict (core/verdict.ts runVerdict). */
const EXIT_OF_VERDICT = { passed: EXIT.OK, failed: EXIT.FINDINGS, incomplete: EXIT.ERROR } as const;

/** The exit code of an audit: the report's own verdict, nothing recomputed. */
export function exitCodeOf(report: AuditReport): number {
  return EXIT_OF_VERDICT[report.summary.verdict];
}
