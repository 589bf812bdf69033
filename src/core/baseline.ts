import type { AuditReport, BaselineSummary, FailOn, Finding, RoleAudit } from './model';
import { settleRole } from './verdict';

/** The `kind` of a baseline file. */
export const BASELINE_KIND = 'ns-role-audit/baseline';

/** A baseline: the findings accepted at one time, by stable key. */
export interface Baseline {
  kind: typeof BASELINE_KIND;
  version: 1;
  createdAt: string;
  findings: Array<{ key: string; role: string; code: string; target: string; severity: string }>;
}

function roleKey(r: RoleAudit): string {
  return [r.source.connection ?? r.source.location, r.role.scriptId ?? r.role.internalId ?? r.role.selector, r.policy.file.replace(/\\/g, '/').split('/').pop()].join('|');
}

/** A finding's identity across runs: where (connection, role, policy), what (code) and on what. */
function findingKey(r: RoleAudit, f: Finding): string {
  return `${roleKey(r)}|${f.code}|${f.permission?.id ?? f.flag ?? f.rule}`;
}

/** The baseline of a report: every error and warning not accepted by a waiver (waivers live in the policy). */
export function createBaseline(report: AuditReport): Baseline {
  const findings = report.results.flatMap((r) => r.findings
    .filter((f) => f.severity !== 'info' && f.accepted?.by !== 'waiver')
    .map((f) => ({ key: findingKey(r, f), role: r.role.scriptId ?? r.role.selector, code: f.code, target: f.permission?.id ?? f.flag ?? f.rule, severity: f.severity })));
  findings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { kind: BASELINE_KIND, version: 1, createdAt: report.generatedAt, findings };
}

/** What applying a baseline came to. */
export interface BaselineOutcome {
  results: RoleAudit[];
  summary: BaselineSummary;
}

/**
 * Findings already in the baseline are marked accepted (code and severity stay; the verdict
 * skips them); new ones count as usual; baseline entries not seen again are resolved.
 */
export function applyBaseline(results: readonly RoleAudit[], baseline: Baseline, meta: { file: string; failOn: FailOn }): BaselineOutcome {
  const known = new Set(baseline.findings.map((f) => f.key));
  const seen = new Set<string>();
  let existing = 0;
  let fresh = 0;
  const out = results.map((r) => {
    const findings = r.findings.map((f): Finding => {
      if (f.severity === 'info' || f.accepted) return f;
      const key = findingKey(r, f);
      if (!known.has(key)) { fresh++; return f; }
      seen.add(key);
      existing++;
      return { ...f, accepted: { by: 'baseline', file: meta.file } };
    });
    return settleRole({ ...r, findings }, meta.failOn);
  });
  const resolved = baseline.findings.filter((f) => !seen.has(f.key)).map(({ role, code, target }) => ({ role, code, target }));
  return { results: out, summary: { file: meta.file, existing, new: fresh, resolved } };
}
