import { diffRole } from './diff';
import { formatLoc, REPORT_SCHEMA_VERSION, type AuditReport, type ConflictHolders, type BaselineSummary, type FailOn, type Policy, type RoleAudit, type RoleSelector, type RoleSnapshot, type RunError } from './model';
import { describeFinding, roleLabel } from './format/messages';
import { describeSelector } from './role/select';
import { countFindings, runVerdict, settleRole } from './verdict';
import { accessView, type RoleAccessFacts } from './access/facts';

/** What an audit of one role knows besides the policy and the role. */
export interface AuditMeta {
  selector: RoleSelector;
  source: { kind: string; location: string; connection?: string; account?: string };
  /** YYYY-MM-DD: decides which waivers have expired. */
  today: string;
  /** What the source noted while reading this role (a fallback taken). */
  notes?: readonly string[];
  /** Why the source fell back to effective-access probes, if it did: a SOURCE_FALLBACK finding. */
  fallback?: string;
  failOn?: FailOn;
  /** Who holds the role, when the source read it (policies with `holders:`). */
  access?: RoleAccessFacts;
}

const EFFECTIVE_ACCESS_NOTE = 'Read over SOAP with the integration token: this proves effective access (at least View) only. Levels above View, ceilings, flags and excess permissions cannot be seen this way and are reported as not verifiable.';

/** Diffs one role (already fetched) against a policy into a RoleAudit. Pure. */
export function auditSnapshot(policy: Policy, role: RoleSnapshot | undefined, meta: AuditMeta): RoleAudit {
  const { rules, findings } = diffRole(policy, role, { today: meta.today, ...(meta.fallback !== undefined ? { fallback: meta.fallback } : {}), ...(meta.access ? { access: meta.access } : {}) });
  const notes = [...(meta.notes ?? []), ...policy.warnings.map((w) => `Policy warning ${formatLoc(w.loc)} ${w.code}: ${w.message}${w.suggestion ? ` (${w.suggestion})` : ''}.`)];
  if (role?.evidence === 'effective-access') notes.push(EFFECTIVE_ACCESS_NOTE);
  return settleRole({
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
    rules,
    findings,
    notes,
    ...(meta.access && policy.holders ? { access: accessView(meta.access) } : {}),
  }, meta.failOn ?? 'error');
}

/**
 * Wraps role audits into the report every formatter takes. Every role's status and verdict is
 * settled again at the report's `failOn`, so the report cannot disagree with the exit code.
 * Pure: time and version come in.
 */
export function buildReport(results: readonly RoleAudit[], meta: { version: string; generatedAt: string; failOn: FailOn; baseline?: BaselineSummary; errors?: readonly RunError[] }): AuditReport {
  // Every finding carries its sentence, for library users as for the JSON report.
  const settled = results.map((r) => settleRole({ ...r, findings: r.findings.map((f) => ({ ...f, message: describeFinding(f) })) }, meta.failOn));
  const count = (s: RoleAudit['status']) => settled.filter((r) => r.status === s).length;
  const verdict = runVerdict(settled, meta.failOn, meta.errors);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'ns-role-audit', version: meta.version },
    generatedAt: meta.generatedAt,
    failOn: meta.failOn,
    results: settled,
    ...(meta.baseline ? { baseline: meta.baseline } : {}),
    ...(meta.errors?.length ? { errors: [...meta.errors] } : {}),
    ...conflictView(settled),
    summary: {
      roles: settled.length,
      compliant: count('compliant'),
      withWarnings: count('warnings'),
      nonCompliant: count('non-compliant'),
      unverified: count('unverified'),
      ...countFindings(settled.flatMap((r) => r.findings)),
      failedRoles: settled.filter((r) => r.failed).length,
      verdict,
      failed: verdict !== 'passed',
    },
  };
}

/** Which roles hold each segregation-of-duties conflict, across every account of the run. */
function conflictView(results: readonly RoleAudit[]): Pick<AuditReport, 'conflicts'> {
  const byName = new Map<string, ConflictHolders['roles']>();
  for (const r of results) {
    for (const f of r.findings) {
      if (f.code !== 'SOD_CONFLICT' || !f.conflict) continue;
      byName.set(f.conflict.name, [...(byName.get(f.conflict.name) ?? []), { role: roleLabel(r), ...(r.source.account ? { account: r.source.account } : {}), ...(r.source.connection ? { connection: r.source.connection } : {}), accepted: !!f.accepted }]);
    }
  }
  return byName.size ? { conflicts: [...byName].map(([name, roles]) => ({ name, roles })) } : {};
}
