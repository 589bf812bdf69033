import { AuditError } from '../../core/errors';
import type { Session } from '../netsuite/session';
import { describeSelector } from '../../core/role/select';
import type { RoleSource } from './role-source';
import { createSoapProbeSource, type RestEvidence } from './soap-probe-source';
import { createSuiteQlSource } from './suiteql-source';
import { roleAccessFacts } from '../../core/access/account';
import { readAccountAccess } from '../access/read-access';

/** Which live source to use: SuiteQL (role definition), SOAP (effective access), or SuiteQL falling back to SOAP. */
export type LiveSourceKind = 'auto' | 'suiteql' | 'soap';

/** Can this SuiteQL failure be answered by falling back to SOAP? (The token may not read role definitions.) */
function fallbackEvidence(e: unknown): RestEvidence | undefined {
  if (!(e instanceof AuditError)) return undefined;
  // Both forms NetSuite may give (a 403, or the 400 "Record 'role' was not found.") arrive as PERMISSION_DENIED.
  if (e.code === 'PERMISSION_DENIED') return { authenticated: true, queried: false, deniedPermission: e.details.permission as string | undefined };
  if (e.code === 'AUTH_FAILED') return { authenticated: false, queried: false };
  return undefined;
}

function soapNote(selector: string): string {
  return `SOAP probes test whatever role this token is bound to; they cannot confirm that it is ${selector}.`;
}

/** The live RoleSource for a session. Stateless: each fetch returns its own notes. */
export function createLiveSource(session: Session, kind: LiveSourceKind): RoleSource {
  const accountId = session.connection.accountId;
  const readAccess = async (roleId: string) => {
    const acc = await readAccountAccess(session.suiteql, accountId, { conflicts: false });
    return { facts: roleAccessFacts(acc, roleId), notes: acc.notes };
  };
  const suiteql = { ...createSuiteQlSource({ client: session.suiteql, accountId }), readAccess };
  if (kind === 'suiteql') return suiteql;
  const soapSource = async (rest?: RestEvidence) => createSoapProbeSource({ soap: await session.soap(), accountId, rest });
  if (kind === 'soap') {
    return {
      kind: 'soap', location: `soap:${accountId}`, account: accountId,
      listRoles: async () => (await soapSource()).listRoles(),
      async fetchRole(sel, hints) {
        const fetched = await (await soapSource()).fetchRole(sel, hints);
        return { role: fetched.role, notes: [soapNote(describeSelector(sel)), ...fetched.notes] };
      },
    };
  }
  return {
    kind: 'suiteql',
    location: `suiteql:${accountId}`,
    account: accountId,
    listRoles: () => suiteql.listRoles(),
    readAccess,
    async fetchRole(sel, hints) {
      try {
        return await suiteql.fetchRole(sel, hints);
      } catch (e) {
        const evidence = fallbackEvidence(e);
        if (!evidence) throw e;
        const why = e instanceof AuditError ? e.message.replace(/^[^:]+: /, '') : String(e);
        const fetched = await (await soapSource(evidence)).fetchRole(sel, hints);
        return {
          role: fetched.role,
          fallback: why,
          notes: [
            `Fallback: SuiteQL could not read the role definition with this token (${why}), so the audit used SOAP effective-access probes with the same token instead. For a full audit, use a token whose role may read roles (Bulk Manage Roles, REST Web Services, Log in using Access Tokens, SuiteAnalytics Workbook).`,
            soapNote(describeSelector(sel)),
            ...fetched.notes,
          ],
        };
      }
    },
  };
}
