import { AuditError } from '../../core/errors';
import type { HttpResponse } from './transport';

/** Likely causes of a 401, in the order worth checking (docs/netsuite-facts.md §4). */
export const LOGIN_CAUSES = [
  'the account id or realm is wrong (sandboxes are like 1234567_SB1)',
  'the token or consumer key/secret is wrong, or the token was revoked',
  "the machine's clock is off by more than a few minutes",
  'Token-based Authentication or the web services feature is off (Setup > Company > Enable Features > SuiteCloud)',
  "the token's role lacks 'Log in using Access Tokens'",
];

/** NetSuite's REST error detail, when the body is NetSuite's error shape. */
function restErrorDetail(r: HttpResponse): { detail?: string; code?: string } {
  try {
    const body = JSON.parse(r.text) as { 'o:errorDetails'?: Array<{ detail?: unknown; 'o:errorCode'?: unknown }> };
    const d = body['o:errorDetails']?.[0];
    return { detail: typeof d?.detail === 'string' ? d.detail : undefined, code: typeof d?.['o:errorCode'] === 'string' ? d['o:errorCode'] : undefined };
  } catch {
    return {};
  }
}

/** The permission a "Permission Violation: You need the 'Setup -> X' permission" message names. */
function permissionNamed(detail: string | undefined): string | undefined {
  return /the '(?:[A-Za-z ]+ -> )?([^']+)' permission/.exec(detail ?? '')?.[1];
}

/** A 5xx after every retry, over SOAP or REST alike: NetSuite is unavailable. */
export function unavailable(status: number, what: string, detail?: string): AuditError {
  return new AuditError('NETSUITE_UNAVAILABLE', `${what}: NetSuite answered HTTP ${status}${detail ? `: ${detail}` : ''} after every retry`, {
    details: { status, hint: "NetSuite or the network in between is failing; try again later (NetSuite's status page lists maintenance windows)" },
  });
}

/** Turns a REST error response into an AuditError people can act on. Never includes a secret. */
export function restError(r: HttpResponse, what: string): AuditError {
  const { detail, code } = restErrorDetail(r);
  switch (r.status) {
    case 401:
      return new AuditError('AUTH_FAILED', `${what}: NetSuite refused the token (401 ${code ?? 'INVALID_LOGIN'})`, {
        details: { status: 401, hint: `likely causes: ${LOGIN_CAUSES.join('; ')}. NetSuite's Login Audit Trail (Setup > Users/Roles > User Management > View Login Audit Trail) says which.` },
      });
    case 403: {
      const permission = permissionNamed(detail);
      return new AuditError('PERMISSION_DENIED', `${what}: the token's role lacks ${permission ? `'${permission}'` : 'a permission'} (403)`, {
        details: { status: 403, permission, netsuite: detail, hint: permission ? `add '${permission}' to the token's role, or use a token whose role has it` : detail } });
    }
    case 429:
      return new AuditError('RATE_LIMITED', `${what}: NetSuite kept refusing requests over the account's concurrency limit (429)`, { details: { status: 429, hint: 'other integrations may be using the account\'s concurrency; try again later' } });
    case 400: {
      // NetSuite's answer to a role that may not read a table (docs/netsuite-facts.md §3): name the likely cause.
      const hidden = /Record '(role|rolepermissions)' was not found/.exec(detail ?? '');
      if (hidden) {
        return new AuditError('PERMISSION_DENIED', `${what}: the token's role may not read role definitions: NetSuite answered "Record '${hidden[1]}' was not found.", as it does when the role lacks 'Bulk Manage Roles'`, {
          details: { status: 400, permission: 'Bulk Manage Roles', netsuite: detail, hint: "use a token whose role has 'Bulk Manage Roles' (Setup), or audit with the integration's own token over SOAP (--source soap)" },
        });
      }
      return new AuditError('REQUEST_REJECTED', `${what}: NetSuite rejected the request (400 ${code ?? ''}): ${detail ?? r.text.slice(0, 200)}`, { details: { status: 400 } });
    }
    default:
      if (r.status >= 500) return unavailable(r.status, what, detail);
      return new AuditError('UNEXPECTED_RESPONSE', `${what}: NetSuite answered HTTP ${r.status}${detail ? `: ${detail}` : ''}`, { details: { status: r.status } });
  }
}
