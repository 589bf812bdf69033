import { levelRank, parseLevel } from './catalog';
import type { AuditReport, BaselineSummary, FailOn, Finding, RoleAudit } from './model';
import { settleRole } from './verdict';

/** The `kind` of a baseline file. */
export const BASELINE_KIND = 'ns-role-audit/baseline';
/** The baseline format this tool writes and reads. */
export const BASELINE_VERSION = 3;

/** One accepted finding in a baseline. */
export interface BaselineEntry {
  /** The finding's identity: role, policy, code and target (findingKey). */
  key: string;
  /** The account it was seen in, when the source was live; an entry without one applies to any. */
  account?: string;
  role: string;
  /** The policy file, relative to the baseline's folder (posix separators). */
  policy: string;
  code: string;
  target: string;
  severity: string;
  /**
   * What was accepted: the level held (`FULL`), the value seen (`checked`, `OWNONLY`), or the
   * holdings of a conflict (`LIST_VENDOR=FULL TRAN_VENDPYMT=FULL`). A finding beyond it (an
   * escalation) is new; absent for findings that carry none.
   */
  accepted?: string;
}

/** A baseline: the findings accepted at one time, by stable key. */
export interface Baseline {
  kind: typeof BASELINE_KIND;
  version: typeof BASELINE_VERSION;
  createdAt: string;
  findings: BaselineEntry[];
}

/** How the caller names a policy file in keys: a baseline relative to its own folder, SARIF relative to the checkout. */
export type PolicyRef = (policyFile: string) => string;

/** A policy file as written in the report, with posix separators and no leading `./`. */
const asWritten: PolicyRef = (file) => file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');

/** What a finding is about: a permission, a flag, a setting, or the rule itself. */
/** What a finding is about: a permission, flag, setting or rule, and for access findings the person or token. */
const targetOf = (f: Finding) => [f.permission?.id ?? f.flag ?? f.setting ?? f.rule, ...(f.holder ? [`holder:${f.holder.id}`] : []), ...(f.token ? [`token:${f.token.name}`] : [])].join('@');

/** Codes whose finding is "more access than allowed": more of it later is an escalation. */
const TOO_MUCH = new Set(['PERMISSION_EXCESS', 'LEVEL_ABOVE_MAX', 'RISKY_PERMISSION', 'PERMISSION_UNCATALOGUED']);
/** Codes whose finding is "less than required": less of it later is not what was accepted either. */
const TOO_LITTLE = new Set(['LEVEL_TOO_LOW']);

/** What a finding holds, as a baseline records it (see BaselineEntry.accepted). */
function extentOf(f: Finding): string | undefined {
  if (f.conflict) return [...f.conflict.any, ...(f.conflict.with ?? [])].map((p) => `${p.id}=${p.level}`).sort().join(' ');
  if (f.actualLevel && (TOO_MUCH.has(f.code) || TOO_LITTLE.has(f.code))) return f.actualLevel;
  if (f.actualFlag !== undefined && f.actualFlag !== null) return f.actualFlag ? 'checked' : 'unchecked';
  if (f.actualValue !== undefined && f.actualValue !== null) return f.actualValue;
  return undefined;
}

/** True when what a finding holds now is within what the entry accepted. */
function within(entry: BaselineEntry, f: Finding): boolean {
  const now = extentOf(f);
  if (entry.accepted === undefined || now === undefined) return entry.accepted === now;
  const [was, is] = [parseLevel(entry.accepted), parseLevel(now)];
  if (was && is && TOO_MUCH.has(f.code)) return levelRank(is) <= levelRank(was);
  if (was && is && TOO_LITTLE.has(f.code)) return levelRank(is) >= levelRank(was);
  if (f.conflict) {
    // Every holding now was held then, at the same level or above.
    const then = new Map(entry.accepted.split(' ').map((h) => h.split('=') as [string, string]));
    return now.split(' ').every((h) => {
      const [id, level] = h.split('=');
      const before = parseLevel(then.get(id));
      return before !== undefined && levelRank(parseLevel(level)!) <= levelRank(before);
    });
  }
  return entry.accepted === now;
}

/**
 * A finding's identity across runs, the same whichever way the role was read (a single run or a
 * fleet, SuiteQL, a SOAP fallback, a file or a snapshot): the role's script id (else internal id
 * or selector), the policy file as the caller names it, the code and the target. The account is
 * kept beside it.
 */
export function findingKey(r: Pick<RoleAudit, 'role' | 'policy'>, f: Finding, policyRef: PolicyRef = asWritten): string {
  const role = r.role.scriptId?.toLowerCase() ?? r.role.internalId ?? r.role.selector;
  return [role, policyRef(r.policy.file), f.code, targetOf(f)].join('|');
}

/** The baseline of a report: every error and warning not accepted by the policy itself (a waiver, or a risk it asks for). */
export function createBaseline(report: AuditReport, policyRef: PolicyRef = asWritten): Baseline {
  const findings = report.results.flatMap((r) => r.findings
    .filter((f) => f.severity !== 'info' && f.accepted?.by !== 'waiver' && f.accepted?.by !== 'policy')
    .map((f): BaselineEntry => {
      const accepted = extentOf(f);
      return {
        key: findingKey(r, f, policyRef), ...(r.source.account ? { account: r.source.account } : {}),
        role: r.role.scriptId ?? r.role.selector, policy: policyRef(r.policy.file), code: f.code, target: targetOf(f), severity: f.severity,
        ...(accepted !== undefined ? { accepted } : {}),
      };
    }));
  findings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : (a.account ?? '') < (b.account ?? '') ? -1 : 1));
  return { kind: BASELINE_KIND, version: BASELINE_VERSION, createdAt: report.generatedAt, findings };
}

/** What applying a baseline came to. */
export interface BaselineOutcome {
  results: RoleAudit[];
  summary: BaselineSummary;
}

/**
 * Findings already in the baseline, within what it accepted, are marked accepted (code and
 * severity stay; the verdict skips them); new ones count as usual, and so does a finding that
 * went beyond what was accepted (an escalation); entries not seen again are resolved.
 */
export function applyBaseline(results: readonly RoleAudit[], baseline: Baseline, meta: { file: string; failOn: FailOn; policyRef?: PolicyRef }): BaselineOutcome {
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
      const same = byKey.get(findingKey(r, f, meta.policyRef))?.filter((e) => !e.account || !account || e.account === account) ?? [];
      for (const e of same) seen.add(e); // seen again, even if now beyond it: not resolved
      const entry = same.find((e) => within(e, f));
      if (!entry) { fresh++; return f; }
      existing++;
      return { ...f, accepted: { by: 'baseline', file: meta.file, ...(entry.accepted !== undefined ? { accepted: entry.accepted } : {}) } };
    });
    return settleRole({ ...r, findings }, meta.failOn);
  });
  const resolved = baseline.findings.filter((f) => !seen.has(f)).map(({ role, code, target }) => ({ role, code, target }));
  return { results: out, summary: { file: meta.file, existing, new: fresh, resolved } };
}
