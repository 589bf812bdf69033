import { countFindings, diffRole, failsAt, roleStatus, type FailOn } from './diff';
import type { Policy, RoleSelector } from './policy/types';
import { describeSelector } from './role/select';
import type { RoleSnapshot } from './role/types';
import type { RoleSource } from './sources/role-source';
import { REPORT_SCHEMA_VERSION, type AuditReport, type RoleAudit } from './report/types';
import { withContext } from './errors';

/** Diffs one role (already fetched) against a policy into a RoleAudit. Pure. */
export function auditSnapshot(
  policy: Policy,
  role: RoleSnapshot | undefined,
  meta: { selector: RoleSelector; source: { kind: string; location: string; connection?: string }; today: string; notes?: string[] },
): RoleAudit {
  const { rules, findings } = diffRole(policy, role, { today: meta.today });
  const notes = [...(meta.notes ?? [])];
  if (role?.evidence === 'effective-access') {
    notes.push('Read over SOAP with the integration token: this proves effective access (at least View) only. Levels above View, ceilings, flags and excess permissions cannot be seen this way and are reported as not verifiable.');
  }
  return {
    policy: { file: policy.file, files: policy.files, ...(policy.description ? { description: policy.description } : {}) },
    role: {
      selector: describeSelector(meta.selector),
      scriptId: role?.scriptId ?? meta.selector.scriptId,
      internalId: role?.internalId ?? meta.selector.internalId,
      name: role?.name ?? meta.selector.name,
      found: role !== undefined,
      ...(role ? { evidence: role.evidence } : {}),
    },
    source: meta.source,
    status: roleStatus(findings),
    counts: countFindings(findings),
    rules,
    findings,
    notes,
  };
}

/** Fetches the role a selector names from a source and audits it. */
export async function auditRole(policy: Policy, source: RoleSource, selector: RoleSelector, today: string): Promise<RoleAudit> {
  let role: RoleSnapshot | undefined;
  // Notes the source adds while fetching this role (a fallback taken) belong to this audit only.
  const notesBefore = source.notes?.length ?? 0;
  try {
    role = await source.fetchRole(selector, { permissions: policy.rules.map((r) => r.id) });
  } catch (e) {
    throw withContext(`fetch role ${describeSelector(selector)}`, e);
  }
  return auditSnapshot(policy, role, {
    selector,
    source: { kind: role?.evidence === 'effective-access' ? 'soap' : source.kind, location: role?.origin ?? source.location },
    today,
    notes: source.notes?.slice(notesBefore),
  });
}

/** Wraps role audits into the report every formatter takes. Pure: time and version come in. */
export function buildReport(results: RoleAudit[], meta: { version: string; generatedAt: string; failOn: FailOn; baseline?: AuditReport['baseline'] }): AuditReport {
  const all = results.flatMap((r) => r.findings);
  const counts = countFindings(all);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'ns-role-audit', version: meta.version },
    generatedAt: meta.generatedAt,
    failOn: meta.failOn,
    results,
    ...(meta.baseline ? { baseline: meta.baseline } : {}),
    summary: {
      roles: results.length,
      compliant: results.filter((r) => r.status === 'compliant').length,
      nonCompliant: results.filter((r) => r.status === 'non-compliant').length,
      unverified: results.filter((r) => r.status === 'unverified').length,
      ...counts,
      failed: failsAt(all, meta.failOn),
    },
  };
}
