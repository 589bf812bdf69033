import type { Finding, RuleResult } from '../diff';
import { describeFinding } from './messages';
import type { Formatter, RoleAudit } from './types';

/** Escapes text for XML attribute and element content (and drops characters XML 1.0 forbids). */
export function escapeXml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const attrs = (o: Record<string, string | number | undefined>) =>
  Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');

function testcase(role: RoleAudit, rule: RuleResult, findings: Finding[]): string {
  const suite = role.role.scriptId ?? role.role.selector;
  const head = `    <testcase${attrs({ classname: `${suite}.${rule.permission?.subtab ?? rule.kind}`, name: rule.title, file: rule.loc?.file, line: rule.loc?.line })}`;
  const text = findings.map(describeFinding).join('\n');
  switch (rule.status) {
    case 'fail': {
      const code = findings.find((f) => f.severity === 'error')?.code ?? 'FAILED';
      return `${head}>\n      <failure${attrs({ type: code, message: text.split('\n')[0] })}>${escapeXml(text)}</failure>\n    </testcase>`;
    }
    case 'waived':
    case 'unverifiable':
      return `${head}>\n      <skipped${attrs({ message: text.split('\n')[0] })}/>\n    </testcase>`;
    case 'warn':
      return `${head}>\n      <system-out>${escapeXml(text)}</system-out>\n    </testcase>`;
    default:
      return `${head}/>`;
  }
}

function suite(role: RoleAudit): string {
  const cases = role.rules.map((rule) => testcase(role, rule, role.findings.filter((f) => f.rule === rule.id)));
  const failures = role.rules.filter((r) => r.status === 'fail').length;
  const skipped = role.rules.filter((r) => r.status === 'waived' || r.status === 'unverifiable').length;
  const name = `${role.role.scriptId ?? role.role.selector} (${role.policy.file})`;
  const notes = role.notes.length ? `\n    <system-out>${escapeXml(role.notes.join('\n'))}</system-out>` : '';
  return `  <testsuite${attrs({ name, tests: role.rules.length, failures, errors: 0, skipped })}>\n${cases.join('\n')}${notes}\n  </testsuite>`;
}

/** JUnit XML: one suite per role, one test case per policy rule (passes too); waivers are skipped. */
export const formatJunit: Formatter = (report) => {
  const tests = report.results.reduce((n, r) => n + r.rules.length, 0);
  const failures = report.results.reduce((n, r) => n + r.rules.filter((x) => x.status === 'fail').length, 0);
  const skipped = report.results.reduce((n, r) => n + r.rules.filter((x) => x.status === 'waived' || x.status === 'unverifiable').length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'ns-role-audit', tests, failures, errors: 0, skipped, timestamp: report.generatedAt })}>\n${report.results.map(suite).join('\n')}\n</testsuites>\n`;
};
