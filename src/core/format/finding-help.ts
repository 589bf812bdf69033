import type { FindingCode } from '../model';

/**
 * What each finding code means and how it is fixed: SARIF rule help, the HTML report's legend and
 * the table in docs/findings.md say the same (test/unit/finding-help.test.ts keeps them in step).
 */
export const FINDING_HELP: Record<FindingCode, { title: string; help: string }> = {
  ROLE_NOT_FOUND: { title: 'Role not found', help: 'No role matches the policy\'s role (never a pass). Create the role, or correct the policy\'s role selector.' },
  ROLE_INACTIVE: { title: 'Role inactive', help: 'The role is inactive. Uncheck Inactive on the role page, or set flags.inactive: true if that is intended.' },
  PERMISSION_MISSING: { title: 'Permission missing', help: 'A required permission is absent. Add it on the role\'s Permissions tab at the level the policy requires.' },
  LEVEL_TOO_LOW: { title: 'Level too low', help: 'The permission is granted below the required minimum. Raise its level on the Permissions tab.' },
  LEVEL_ABOVE_MAX: { title: 'Level above maximum', help: 'The permission is granted above the policy\'s max, exact or allow level. Lower it on the Permissions tab.' },
  PERMISSION_EXCESS: { title: 'Permission beyond the policy', help: 'The role holds a permission the policy does not list (excess: fail or warn). Remove it, or list it under allow with a maximum.' },
  FLAG_MISMATCH: { title: 'Role flag differs', help: 'A role flag (Web Services Only Role, Do Not Restrict Employee Fields, Inactive) differs from the policy. Check or uncheck it at the top of the role page.' },
  SETTING_MISMATCH: { title: 'Role setting differs', help: 'A role setting (Core Administration Permissions, two-factor authentication, center type, ...) is not what the policy pins. Change it on the role page.' },
  RECORD_RESTRICTION_MISMATCH: { title: 'Record restriction differs', help: 'The role\'s restriction by department, class or location differs from the policy. Change it on the Restrictions subtab.' },
  PERMISSION_RESTRICTION_MISMATCH: { title: 'Restrict column differs', help: 'A permission line\'s Restrict column differs from the policy. Change it on the Permissions tab.' },
  PERMISSION_UNCATALOGUED: { title: 'Permission not in the catalog', help: 'The role holds a permission ID no catalog lists. It is kept and reported, never dropped: check what it is.' },
  NOT_VERIFIABLE: { title: 'Could not be verified', help: 'The source could not see this (for example a level over SOAP). It fails the run unless --accept-unverified or a waiver accepts it; it is never compliant.' },
  SOURCE_FALLBACK: { title: 'Fell back to effective-access probes', help: '--source auto could not read the role definition and probed the token\'s own role over SOAP instead. Give the token the right to read roles, or use --source soap on purpose.' },
  WAIVER_EXPIRED: { title: 'Waiver expired', help: 'A waiver\'s last day has passed; the finding it covered stands again. Fix the finding, or renew the waiver with a reason.' },
  WAIVER_UNUSED: { title: 'Waiver unused', help: 'A waiver matches no finding. Remove it from the policy.' },
  RISKY_PERMISSION: { title: 'High-risk permission', help: 'A web-services-only role holds a permission on the built-in risk list (Oracle\'s 2FA-mandatory and administration permissions, and others Oracle cautions about). Remove it; if the integration needs it, require it in the policy (it is then acknowledged, still shown), or set its severity under risks.' },
  SOD_CONFLICT: { title: 'Segregation-of-duties conflict', help: 'The role holds both sides of a conflicts rule (or a one-sided rule\'s permissions). Split the duties across roles, or waive it with the compensating control as the reason.' },
  ROLE_UNASSIGNED: { title: 'Role held by nobody', help: 'No employee holds the role. Inactivate or delete a role nothing uses; if an integration needs it, assign it to the integration\'s user.' },
  ROLE_UNUSED: { title: 'Role unused', help: 'No login with the role in the last maxIdleDays days (holders.maxIdleDays, default 90), per the Login Audit Trail. Remove it from its holders, or confirm the integration is still meant to run.' },
  ASSIGNMENT_DORMANT: { title: 'Holder never or no longer uses the role', help: 'A person with access holds the role but has not logged in with it in the last maxIdleDays days (or never). Remove the role from them on their employee record, unless they still need it.' },
  TOKEN_UNUSED: { title: 'Token idle', help: 'An integration token that logs in with the role has not done so in the last maxIdleDays days. Revoke it (Setup > Users/Roles > Access Tokens) unless the integration still uses it. Info only in a sandbox: tokens are not copied into sandboxes.' },
  USER_SOD_CONFLICT: { title: 'Segregation-of-duties conflict across a user\'s roles', help: 'One person\'s roles together hold both sides of a conflicts rule, each side from a different role. Split the roles between people, or waive it with the compensating control as the reason.' },
  GLOBAL_PERMISSION: { title: 'Global permission on a holder', help: 'A holder of the role carries a global permission on their employee record: it applies whatever role they log in with and overrides the role\'s level. Remove it on the employee record (Access subtab, Global Permissions).' },
  ROLE_HOLDER_UNEXPECTED: { title: 'Holder not allowed by the policy', help: 'A person holds the role whom the policy\'s holders.allow does not list, or more people hold it than holders.max allows. Remove the role from them, or add them to the policy.' },
};

/**
 * How much each finding matters to security, 0-10, as code scanning reads `security-severity`
 * (GitHub: 9+ critical, 7+ high, 4+ medium, else low): by default from the severity, with the
 * codes that grant or hide access raised and the bookkeeping ones lowered.
 */
export function securitySeverity(code: FindingCode, severity: 'error' | 'warning' | 'info'): string {
  const high = new Set<FindingCode>(['LEVEL_ABOVE_MAX', 'PERMISSION_EXCESS', 'RISKY_PERMISSION', 'SOD_CONFLICT', 'USER_SOD_CONFLICT', 'ROLE_HOLDER_UNEXPECTED', 'GLOBAL_PERMISSION', 'FLAG_MISMATCH']);
  const low = new Set<FindingCode>(['WAIVER_UNUSED', 'PERMISSION_UNCATALOGUED', 'ROLE_UNUSED', 'TOKEN_UNUSED']);
  if (high.has(code)) return severity === 'info' ? '4.0' : '7.5';
  if (low.has(code)) return '3.0';
  return severity === 'error' ? '6.0' : severity === 'warning' ? '4.0' : '2.0';
}

/** Where a finding's rule stands, as a file of the repository: a shipped policy (pack:<name>) is not one. */
export function isShippedPolicy(file: string): boolean {
  return /^pack:/.test(file);
}
