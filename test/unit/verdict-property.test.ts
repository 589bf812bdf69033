import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { csvRows, VERDICT_OF } from '../helpers/verdict-readers';
import { buildReport } from '../../src/core/audit';
import { applyBaseline, createBaseline } from '../../src/core/baseline';
import { FORMATS, FORMAT_NAMES, type FormatName } from '../../src/core/format';
import { FAIL_ON, FINDING_CODES, type FailOn, type Finding, type FindingCode, type RoleAudit, type RuleResult, type RunError, type RunVerdict, type Severity } from '../../src/core/model';
import { settleRole } from '../../src/core/verdict';
import { EXIT, exitCodeOf } from '../../src/cli/exit-codes';

// One verdict: for random finding sets, every --fail-on, and runs where a part could not be
// audited, the exit code, every format, the totals and a baseline written from the run all agree
// with each other and with a plain oracle.

const CODES = Object.keys(FINDING_CODES) as FindingCode[];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const loc = { file: 'p.yaml', line: 1, column: 1 };

const findingArb = (rules: number) => fc.record({
  rule: fc.integer({ min: 0, max: rules - 1 }),
  code: fc.constantFrom(...CODES),
  severity: fc.constantFrom(...SEVERITIES),
  accepted: fc.constantFrom(undefined, 'waiver', 'baseline'),
  permission: fc.constantFrom('TRAN_SALESORD', 'LIST_ITEM', 'ADMI_CUSTLIST', undefined),
});

const roleArb = fc.integer({ min: 1, max: 5 }).chain((rules) => fc.record({
  rules: fc.constant(rules),
  findings: fc.array(findingArb(rules), { maxLength: 8 }),
  found: fc.boolean(),
}));

function toRoleAudit(raw: { rules: number; findings: Array<{ rule: number; code: FindingCode; severity: Severity; accepted?: string; permission?: string }>; found: boolean }, i: number): RoleAudit {
  const rules: Array<Omit<RuleResult, 'status'>> = Array.from({ length: raw.rules }, (_, r) => ({ id: `rule:${r}`, title: `Rule ${r}`, kind: 'permission' }));
  // Permission findings always name their permission (the model's invariant); others may.
  const needsPermission = new Set<FindingCode>(['PERMISSION_MISSING', 'LEVEL_TOO_LOW', 'LEVEL_ABOVE_MAX', 'PERMISSION_EXCESS', 'PERMISSION_UNCATALOGUED', 'PERMISSION_RESTRICTION_MISMATCH']);
  const findings: Finding[] = raw.findings.map((f) => ({ ...f, permission: f.permission ?? (needsPermission.has(f.code) ? 'LIST_ITEM' : undefined) })).map((f) => ({
    code: f.code,
    severity: f.severity,
    rule: `rule:${f.rule}`,
    ...(f.permission ? { permission: { id: f.permission, name: f.permission, subtab: 'lists' as const }, expectedMin: 'EDIT' as const, expectedMax: 'EDIT' as const, actualLevel: 'VIEW' as const } : {}),
    ...(f.code === 'FLAG_MISMATCH' || f.code === 'ROLE_INACTIVE' ? { flag: 'webServicesOnly' as const, expectedFlag: true, actualFlag: false } : {}),
    ...(f.code === 'SETTING_MISMATCH' ? { setting: 'coreAdminPermissions', expectedValues: ['unchecked'], actualValue: 'checked' } : {}),
    ...(f.code === 'RECORD_RESTRICTION_MISMATCH' ? { setting: 'recordRestrictions.DEPARTMENT', expectedValues: ['NONE'], actualValue: 'OWNONLY' } : {}),
    ...(f.code === 'PERMISSION_RESTRICTION_MISMATCH' ? { setting: 'restriction', expectedValues: ['NONE'], actualValue: 'EDIT' } : {}),
    ...(f.code === 'WAIVER_EXPIRED' || f.code === 'WAIVER_UNUSED' ? { waiver: { reason: 'r', expires: '2026-01-01', loc }, detail: 'X on y' } : {}),
    ...(f.accepted === 'waiver' ? { accepted: { by: 'waiver' as const, reason: 'because', expires: '2027-01-01', loc, covers: 'X on y' } } : {}),
    ...(f.accepted === 'baseline' ? { accepted: { by: 'baseline' as const, file: 'b.json' } } : {}),
  }));
  return settleRole({
    policy: { file: 'p.yaml', files: ['p.yaml'] },
    role: { selector: `customrole_${i}`, scriptId: `customrole_${i}`, found: raw.found },
    source: { kind: 'snapshot', location: 'r.yaml' },
    rules: rules as RuleResult[],
    findings,
    notes: [],
  }, 'error');
}

/** The oracle, written apart from core/verdict.ts: a finding counts when it is not accepted and at or above --fail-on; what could not be verified counts unless informational. */
function oracle(results: RoleAudit[], failOn: FailOn): boolean[] {
  const rank = { info: 0, warning: 1, error: 2 };
  const threshold = failOn === 'never' ? Infinity : failOn === 'warning' ? 1 : 2;
  const counts = (f: Finding) => !f.accepted && failOn !== 'never' && (rank[f.severity] >= threshold || (f.code === 'NOT_VERIFIABLE' && f.severity !== 'info'));
  return results.map((r) => r.findings.some(counts));
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' || n === 'testcase' });

const errorsArb = fc.array(fc.record({ connection: fc.constantFrom('sandbox', 'production'), code: fc.constantFrom('AUTH_FAILED', 'NETSUITE_UNAVAILABLE') }), { maxLength: 2 })
  .map((es) => es.map((e): RunError => ({ ...e, account: '1234567', message: `${e.code} on ${e.connection}` })));

test('the exit code and every format state one verdict, for every --fail-on, with and without parts that could not be audited', () => {
  fc.assert(fc.property(fc.array(roleArb, { minLength: 1, maxLength: 4 }), errorsArb, (raws, errors) => {
    const results = raws.map(toRoleAudit);
    for (const failOn of FAIL_ON) {
      const report = buildReport(results, { version: 't', generatedAt: 'now', failOn, errors });
      const expected = oracle(report.results, failOn);
      const verdict: RunVerdict = errors.length ? 'incomplete' : expected.some(Boolean) ? 'failed' : 'passed';

      expect(report.results.map((r) => r.failed)).toEqual(expected);
      expect(report.summary.verdict).toBe(verdict);
      expect(report.summary.failed).toBe(verdict !== 'passed');
      expect(report.summary.failedRoles).toBe(expected.filter(Boolean).length);
      expect(exitCodeOf(report)).toBe({ passed: EXIT.OK, failed: EXIT.FINDINGS, incomplete: EXIT.ERROR }[verdict]);
      for (const name of FORMAT_NAMES) {
        expect({ format: name, verdict: VERDICT_OF[name](FORMATS[name].report(report, { color: false })) }).toEqual({ format: name, verdict });
      }

      // Per role too, where a format shows roles one by one.
      const table = FORMATS.table.report(report, { color: false }).split('\n');
      expect(table.filter((l) => /^customrole_\d+  /.test(l)).map((l) => l.includes('fails ('))).toEqual(expected);
      const junit = xml.parse(FORMATS.junit.report(report, { color: false }));
      expect(junit.testsuites.testsuite.slice(0, results.length).map((s: { failures: string }) => Number(s.failures) > 0)).toEqual(expected);
      const json = JSON.parse(FORMATS.json.report(report, { color: false }));
      expect(json.results.map((r: { failed: boolean }) => r.failed)).toEqual(expected);
      const [head, ...rows] = csvRows(FORMATS.csv.report(report, { color: false }));
      expect(report.results.map((r) => rows.some((row) => row[head.indexOf('role_script_id')] === r.role.scriptId && row[head.indexOf('fails_run')] === 'true'))).toEqual(expected);

      // A baseline written from this run accepts everything that fails it, whatever --fail-on; parts
      // that could not be audited still make the run incomplete.
      const baselined = applyBaseline(report.results, createBaseline(report), { file: 'b.json', failOn });
      const again = buildReport(baselined.results, { version: 't', generatedAt: 'now', failOn, baseline: baselined.summary, errors });
      expect(again.summary.verdict).toBe(errors.length ? 'incomplete' : 'passed');
    }
  }), { seed: 20261127, numRuns: process.env.NS_MUTATION ? 40 : 300 });
});
