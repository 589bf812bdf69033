/**
 * The one verdict. Whether a finding, a rule, a role or a run fails at a `--fail-on`, and the
 * statuses and counts every format shows, are decided here and nowhere else: the exit code,
 * the table's summary, JUnit failures, the Markdown header, JSON `failed`, baselines and fleet
 * totals all call these functions.
 */
import type { FailOn, Finding, FindingCounts, RoleAudit, RoleStatus, RuleResult, RuleStatus, RunVerdict } from './model';

/**
 * True when the finding counts against the run at `failOn`: not accepted, and at or above it.
 * What could not be verified counts at any severity but info (a rule the policy made
 * informational): a pass must be seen, whatever the rule's own weight (docs/findings.md, "Compliant means verified").
 */
export function findingFails(f: Finding, failOn: FailOn): boolean {
  if (f.accepted || failOn === 'never') return false;
  if (f.code === 'NOT_VERIFIABLE' && f.severity !== 'info') return true;
  return f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning');
}

/** True when any of the findings fails at `failOn`. */
export function failsAt(findings: readonly Finding[], failOn: FailOn): boolean {
  return findings.some((f) => findingFails(f, failOn));
}

const open = (findings: readonly Finding[]) => findings.filter((f) => !f.accepted);
const unverifiable = (f: Finding) => f.code === 'NOT_VERIFIABLE';

/** An error other than "could not verify": the role is shown to be wrong. */
const wrong = (f: Finding) => f.severity === 'error' && !unverifiable(f);

/** A rule's status from its findings: accepted findings never fail a rule, but show it as accepted. */
export function ruleStatus(findings: readonly Finding[]): RuleStatus {
  const live = open(findings);
  if (live.some(wrong)) return 'fail';
  if (live.some(unverifiable)) return 'unverifiable';
  if (live.some((f) => f.severity === 'warning')) return 'warn';
  if (findings.some((f) => f.accepted)) return 'accepted';
  return 'pass';
}

/** Every rule's status follows its findings (after waivers and a baseline). */
export function settleRuleStatuses(rules: ReadonlyArray<Omit<RuleResult, 'status'>>, findings: readonly Finding[]): RuleResult[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  return rules.map((rule) => ({ ...rule, status: ruleStatus(byRule.get(rule.id) ?? []) }));
}

/** True when the rule fails at `failOn` (JUnit's `<failure>`). */
export function ruleFails(rule: RuleResult, findings: readonly Finding[], failOn: FailOn): boolean {
  return findings.some((f) => f.rule === rule.id && findingFails(f, failOn));
}

/**
 * A role's status describes the evidence, whatever the verdict: non-compliant on an error,
 * unverified when something could not be seen (even if the user accepted that), warnings, else compliant.
 */
export function roleStatus(findings: readonly Finding[]): RoleStatus {
  const live = open(findings);
  if (live.some(wrong)) return 'non-compliant';
  if (findings.some(unverifiable)) return 'unverified';
  if (live.some((f) => f.severity === 'warning')) return 'warnings';
  return 'compliant';
}

/** Errors, what could not be verified and warnings, not accepted; and accepted findings. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errors = 0, unverifiableCount = 0, warnings = 0, accepted = 0;
  for (const f of findings) {
    if (f.accepted) accepted++;
    else if (unverifiable(f)) unverifiableCount++;
    else if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, unverifiable: unverifiableCount, warnings, accepted };
}

/**
 * `--accept-unverified`: the user accepts what the source could not see. Each NOT_VERIFIABLE
 * finding is marked accepted (and every format says so); nothing else changes.
 */
export function acceptUnverified<T extends Pick<RoleAudit, 'findings'>>(results: readonly T[]): T[] {
  return results.map((r) => ({ ...r, findings: r.findings.map((f) => (unverifiable(f) && !f.accepted ? { ...f, accepted: { by: 'accept-unverified' as const } } : f)) }));
}

/** Status, verdict and counts of one role's findings at `failOn`. */
export function settleRole<T extends Pick<RoleAudit, 'findings' | 'rules'>>(r: T, failOn: FailOn): T & Pick<RoleAudit, 'status' | 'failed' | 'counts'> {
  return {
    ...r,
    rules: settleRuleStatuses(r.rules, r.findings),
    status: roleStatus(r.findings),
    failed: failsAt(r.findings, failOn),
    counts: countFindings(r.findings),
  };
}

/** True when a role fails the run at `failOn`. */
export function runFails(results: readonly Pick<RoleAudit, 'findings'>[], failOn: FailOn): boolean {
  return results.some((r) => failsAt(r.findings, failOn));
}

/**
 * The run's one verdict, which every format states and the exit code follows: `incomplete` when
 * any part could not be audited (whatever the rest says: what was not audited did not pass),
 * else `failed` when a role fails at `failOn`, else `passed`.
 */
export function runVerdict(results: readonly Pick<RoleAudit, 'findings'>[], failOn: FailOn, errors: readonly unknown[] = []): RunVerdict {
  if (errors.length) return 'incomplete';
  return runFails(results, failOn) ? 'failed' : 'passed';
}
