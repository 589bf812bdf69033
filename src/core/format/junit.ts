import type { AuditReport, FailOn, Finding, RoleAudit, RuleResult } from '../model';
import { ruleFails } from '../verdict';
import { xmlEscape } from '../xml-tree';
import { describeFinding } from './messages';
import type { Formatter } from './registry';

const attrs = (o: Record<string, string | number | undefined>) =>
  Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`).join('');

/** How a rule shows in JUnit: a failure exactly when the verdict fails it at `failOn`. */
function caseKind(rule: RuleResult, findings: readonly Finding[], failOn: FailOn): 'failure' | 'skipped' | 'warn' | 'pass' {
  if (ruleFails(rule, findings, failOn)) return 'failure';
  if (rule.status === 'accepted' || rule.status === 'unverifiable') return 'skipped';
  if (rule.status === 'warn' || rule.status === 'fail') return 'warn';
  return 'pass';
}

function testcase(role: RoleAudit, rule: RuleResult, findings: Finding[], kind: ReturnType<typeof caseKind>): string {
  const suite = role.role.scriptId ?? role.role.selector;
  const head = `    <testcase${attrs({ classname: `${suite}.${rule.permission?.subtab ?? rule.kind}`, name: rule.title, file: rule.loc?.file, line: rule.loc?.line })}`;
  const text = findings.map(describeFinding).join('\n');
  switch (kind) {
    case 'failure': {
      const code = findings.find((f) => !f.accepted && f.severity === 'error')?.code ?? findings.find((f) => !f.accepted)?.code ?? 'FAILED';
      return `${head}>\n      <failure${attrs({ type: code, message: text.split('\n')[0] })}>${xmlEscape(text)}</failure>\n    </testcase>`;
    }
    case 'skipped':
      return `${head}>\n      <skipped${attrs({ message: text.split('\n')[0] })}/>\n    </testcase>`;
    case 'warn':
      return `${head}>\n      <system-out>${xmlEscape(text)}</system-out>\n    </testcase>`;
    default:
      return `${head}/>`;
  }
}

function suite(role: RoleAudit, failOn: FailOn): { xml: string; failures: number; skipped: number } {
  let failures = 0, skipped = 0;
  const cases = role.rules.map((rule) => {
    const mine = role.findings.filter((f) => f.rule === rule.id);
    const kind = caseKind(rule, mine, failOn);
    if (kind === 'failure') failures++;
    if (kind === 'skipped') skipped++;
    return testcase(role, rule, mine, kind);
  });
  const name = `${role.role.scriptId ?? role.role.selector} (${role.policy.file})`;
  const notes = role.notes.length ? `\n    <system-out>${xmlEscape(role.notes.join('\n'))}</system-out>` : '';
  const xml = `  <testsuite${attrs({ name, tests: role.rules.length, failures, errors: 0, skipped })}>\n${cases.join('\n')}${notes}\n  </testsuite>`;
  return { xml, failures, skipped };
}

/** JUnit XML: one suite per role, one test case per policy rule (passes too); accepted and unverifiable rules are skipped. */
export const formatJunit: Formatter<AuditReport> = (report) => {
  const suites = report.results.map((r) => suite(r, report.failOn));
  // A connection that could not be audited is a suite with one <error>: CI shows it, never a pass.
  const errors = (report.errors ?? []).map((e) => `  <testsuite${attrs({ name: `connection ${e.connection}${e.account ? ` (account ${e.account})` : ''}`, tests: 1, failures: 0, errors: 1, skipped: 0 })}>\n    <testcase${attrs({ classname: e.connection, name: 'audit the connection' })}>\n      <error${attrs({ type: e.code, message: e.message })}/>\n    </testcase>\n  </testsuite>`);
  const tests = report.results.reduce((n, r) => n + r.rules.length, 0) + errors.length;
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const skipped = suites.reduce((n, s) => n + s.skipped, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'ns-role-audit', tests, failures, errors: errors.length, skipped, timestamp: report.generatedAt })}>\n${[...suites.map((s) => s.xml), ...errors].join('\n')}\n</testsuites>\n`;
};
