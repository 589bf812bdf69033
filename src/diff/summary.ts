import type { Finding } from './finding';

/** What `--fail-on` accepts. */
export type FailOn = 'error' | 'warning' | 'never';

/** A role's overall result. */
export type RoleStatus = 'compliant' | 'non-compliant' | 'unverified';

/** non-compliant on any error; unverified when something could not be checked; else compliant. */
export function roleStatus(findings: readonly Finding[]): RoleStatus {
  if (findings.some((f) => f.severity === 'error')) return 'non-compliant';
  if (findings.some((f) => f.code === 'NOT_VERIFIABLE' && f.severity !== 'info')) return 'unverified';
  return 'compliant';
}

/** Counts by severity, plus waived findings. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number; waived: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    waived: findings.filter((f) => f.code === 'WAIVED').length,
  };
}

/** True when the findings should fail the run under `failOn`. */
export function failsAt(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
}
