/**
 * CSV (RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or line break;
 * UTF-8, header row): one row per rule per role. A cell that a spreadsheet would run as a
 * formula (it starts with =, +, -, @, tab or CR) is prefixed with an apostrophe.
 */
import { levelLabel } from '../catalog';
import type { AuditReport, Finding, RoleComparison } from '../model';
import { comparisonRows } from './comparison';
import { describeFinding, roleLabel, runErrorText } from './messages';
import { ruleFails } from '../verdict';
import type { Formatter } from './registry';

/** One CSV field: control and bidirectional characters inert, neutralised against formula injection, then quoted when RFC 4180 requires it. */
export function csvCell(value: string | number | boolean | undefined | null): string {
  // Tabs and line breaks are CSV data (quoted); every other control and bidirectional character is made inert.
  // eslint-disable-next-line no-control-regex
  let s = value === undefined || value === null ? '' : String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '\uFFFD');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined | null>>) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

const HEADER = ['account', 'connection', 'role', 'role_script_id', 'policy', 'rule', 'kind', 'subtab', 'permission_id', 'permission', 'required', 'required_min', 'required_max', 'actual', 'status', 'fails_run', 'codes', 'accepted', 'messages', 'policy_line'];

const acceptedBy = (fs: Finding[]) => [...new Set(fs.filter((f) => f.accepted).map((f) => f.accepted!.by))].join(' ');

/**
 * An audit report as CSV: one row per rule per role (`fails_run`: the rule fails the run at
 * --fail-on), then one row per connection that could not be audited (kind `error`, failing the run).
 */
export const formatCsv: Formatter<AuditReport> = (report) => {
  const rows = report.results.flatMap((r) => {
    const byRule = new Map<string, Finding[]>();
    for (const f of r.findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    return r.rules.map((rule) => {
      const fs = byRule.get(rule.id) ?? [];
      const actual = rule.actualLevel ?? fs.find((f) => f.actualLevel)?.actualLevel;
      return [
        r.source.account ?? '', r.source.connection ?? '', roleLabel(r), r.role.scriptId ?? '', r.policy.file,
        rule.id, rule.kind, rule.permission?.subtab ?? '', rule.permission?.id ?? '', rule.permission?.name ?? '', rule.title,
        rule.expectedMin ? levelLabel(rule.expectedMin) : '', rule.expectedMax ? levelLabel(rule.expectedMax) : '', actual ? levelLabel(actual) : '',
        rule.status, ruleFails(rule, fs, report.failOn), fs.map((f) => f.code).join(' '), acceptedBy(fs), fs.map((f) => f.message ?? describeFinding(f)).join(' | '), rule.loc?.line ?? '',
      ];
    });
  });
  const errors = (report.errors ?? []).map((e) => [e.account ?? '', e.connection, '', '', '', 'connection', 'error', '', '', '', 'the connection is audited', '', '', '', 'error', true, e.code, '', runErrorText(e), '']);
  return csv([HEADER, ...rows, ...errors]);
};

/** A comparison as CSV: one row per flag, setting and permission. */
export const formatComparisonCsv: Formatter<RoleComparison> = (c) =>
  csv([['group', 'name', c.left.label, c.right.label, 'difference'], ...comparisonRows(c).map((r) => [r.group, r.name, r.left, r.right, r.kind])]);
