import type { AuditReport, BaselineSummary, FailOn, Finding, RoleAudit } from './model';
import { settleRole } from './verdict';

/** The `kind` of a baseline file. */
export const BASELINE_KIND = 'ns-role-audit/baseline';

/** One accepted finding in a baseline. */
export interface BaselineEntry {
  /** The finding's identity: role, policy, code and target (core/baseline.ts findingKey). */
  key: string;
  /** The account it was seen in, when the source was live; a baseline entry without one applies to any. */
  account?: string;
  role: string;
  code: string;
  target: string;
  severity: string;
}

/** A baseline: the findings accepted at one time, by stable key. */
export interface Baseline {
  kind: typeof BASELINE_KIND;
  version: 2;
  createdAt: string;
  findings: BaselineEntry[];
}

/** What a finding is about: a permission, a flag, a setting, or the rule itself. */
const targetOf = (f: Finding) => f.permission?.id ?? f.flag ?? f.setting ?? f.rule;

/**
 * A finding's identity across runs, the same whichever way the role was read (a single run or a
 * fleet, SuiteQL, a SOAP fallback, a file or a snapshot): the role's script id (else internal id
 * or selector), the policy file's name, the code and the target. The account is kept beside it.
 */
export function findingKey(r: Pick<RoleAudit, 'role' | 'policy'>, f: Finding): string {
  const role = r.role.scriptId?.toLowerCase() ?? r.role.internalId ?? r.role.selector;
  const policy = r.policy.file.replace(/\\/g, '/').split('/').pop();
  return [role, policy, f.code, targetOf(f)].join('|');
}

/** The baseline of a report: every error and warning not accepted by the policy itself (a waiver, or a risk it asks for). */
export function createBaseline(report: AuditReport): Baseline {
  const findings = report.results.flatMap((r) => r.findings
    .filter((f) => f.severity !== 'info' && f.accepted?.by !== 'waiver' && f.accepted?.by !== 'policy')
    .map((f): BaselineEntry => ({ key: findingKey(r, f), ...(r.source.account ? { account: r.source.account } : {}), role: r.role.scriptId ?? r.role.selector, code: f.code, target: targetOf(f), severity: f.severity })));
  findings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : (a.account ?? '') < (b.account ?? '') ? -1 : 1));
  return { kind: BASELINE_KIND, version: 2, createdAt: report.generatedAt, findings };
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
  // An entry matches a finding with its key in the same account, or in any when either side has none.
  const byKey = new Map<string, BaselineEntry[]>();
  for (const e of baseline.findings) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const seen = new Set<BaselineEntry>();
  let existing = 0;
  let fresh = 0;
  const out = results.map((r) => {
    const findings = r.findings.map((f): Finding => {
      if (f.severity === 'info' || f.accepted) return f;
      const account = r.source.account;
      const entry = byKey.get(findingKey(r, f))?.find((e) => !e.account || !account || e.account === account);
      if (!entry) { fresh++; return f; }
      seen.add(entry);
      existing++;
      return { ...f, accepted: { by: 'baseline', file: meta.file } };
    });
    return settleRole({ ...r, findings }, meta.failOn);
  });
  const resolved = baseline.findings.filter((f) => !seen.has(f)).map(({ role, code, target }) => ({ role, code, target }));
  return { results: out, summary: { file: meta.file, existing, new: fresh, resolved } };
}
