/**
 * SARIF, GitHub workflow commands and CSV, each read by the consumer that reads it in real life:
 * Microsoft's SARIF validator and the OASIS SARIF 2.1.0 JSON Schema; GitHub's command syntax and
 * escaping rules; Python's csv module (an RFC 4180 reader that is not ours).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { FORMATS } from '../../src/core/format';
import { FINDING_CODES } from '../../src/core/model';
import { csvCell } from '../../src/core/format/csv';
import { githubCommand, githubData, githubProperty } from '../../src/core/format/github';
import { artifactLocation } from '../../src/core/format/sarif';
import { acceptedReport, accessReport, driftedReport, DRIFTED_FILE, fleetReport, POLICY_FILE, sampleComparison } from '../helpers/sample-reports';

const ctx = { color: false };
const dir = mkdtempSync(join(tmpdir(), 'nsra-consumers-'));
// The OASIS schema, copied into the project (test/fixtures/sarif/README.md says from where).
const schemaFile = join(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');
const validateSchema = addFormats(new Ajv({ allErrors: true, strict: false })).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

// The package's main export is the path of the validator binary for this platform.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MULTITOOL: string = require('@microsoft/sarif-multitool');

/** Runs Microsoft's validator (its `validate` verb) and returns what it reported, by level. */
function multitool(sarif: string, name: string): { errors: string[]; warnings: string[]; notes: number } {
  const input = join(dir, `${name}.sarif`);
  const output = join(dir, `${name}.validation.sarif`);
  writeFileSync(input, sarif);
  const r = spawnSync(MULTITOOL, ['validate', input, '-o', output, '-j', schemaFile, '--level', 'Error;Warning;Note', '--kind', 'Fail', '--log', 'ForceOverwrite'], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  if (r.status !== 0) throw new Error(`sarif-multitool exited ${r.status}: ${r.stdout}${r.stderr}`);
  const log = JSON.parse(readFileSync(output, 'utf8').replace(/^\uFEFF/, ''));
  const run = log.runs[0];
  const text = (res: { ruleId: string; message: { id?: string; text?: string; arguments?: string[] } }) => {
    const rule = (run.tool.driver.rules ?? []).find((x: { id: string }) => x.id === res.ruleId);
    const tpl: string = rule?.messageStrings?.[res.message.id ?? '']?.text ?? res.message.text ?? res.message.id ?? '';
    return `${res.ruleId}: ${(res.message.arguments ?? []).reduce((t, a, i) => t.replace(`{${i}}`, a), tpl)}`;
  };
  const results = (run.results ?? []) as Array<{ level?: string; ruleId: string; message: { id?: string } }>;
  return {
    errors: results.filter((x) => x.level === 'error').map(text),
    warnings: results.filter((x) => (x.level ?? 'warning') === 'warning').map(text),
    notes: results.filter((x) => x.level === 'note').length,
  };
}

describe('SARIF 2.1.0', () => {
  const cases = {
    drifted: () => FORMATS.sarif.report(driftedReport(), ctx),
    accepted: () => FORMATS.sarif.report(acceptedReport(), ctx),
    fleet: () => FORMATS.sarif.report(fleetReport(30), ctx),
    access: () => FORMATS.sarif.report(accessReport(), ctx),
    comparison: () => FORMATS.sarif.comparison(sampleComparison(), ctx),
  };

  test.each(Object.keys(cases))('%s: valid against the OASIS schema and clean in Microsoft\'s validator', (name) => {
    const text = cases[name as keyof typeof cases]();
    const doc = JSON.parse(text);
    expect(validateSchema(doc) ? [] : validateSchema.errors).toEqual([]);
    const v = multitool(text, name);
    expect({ errors: v.errors, warnings: v.warnings }).toEqual({ errors: [], warnings: [] });
    // The validator read the file: it always notes something (no snippets, no version control).
    expect(v.notes).toBeGreaterThan(0);
  });

  test('the validator and the schema catch a broken file (they can fail)', () => {
    const doc = JSON.parse(cases.drifted());
    delete doc.runs[0].tool.driver.name;
    expect(validateSchema(doc)).toBe(false);
    expect(multitool(JSON.stringify(doc), 'broken').errors.join('\n')).toMatch(/JSON1002.*name/);
  });

  test('one rule per finding code, with its whole help and a security-severity; results point at the role file line, the policy rule related', () => {
    const doc = JSON.parse(cases.drifted());
    const run = doc.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(Object.keys(FINDING_CODES));
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(20);
      // No website needed: the help is all there (there is no published page to link to).
      expect(rule.helpUri).toBeUndefined();
      expect(rule.help.markdown).toContain(rule.id);
      const sev = Number(rule.properties['security-severity']);
      expect(sev >= 0 && sev <= 10).toBe(true);
    }
    const sales = run.results.find((r: { properties: { permission?: string } }) => r.properties.permission === 'TRAN_SALESORD');
    expect(sales.ruleId).toBe('LEVEL_TOO_LOW');
    expect(run.tool.driver.rules[sales.ruleIndex].id).toBe('LEVEL_TOO_LOW');
    expect(sales.level).toBe('error');
    expect(sales.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: DRIFTED_FILE, uriBaseId: '%SRCROOT%' }, region: { startLine: 59, startColumn: 1 } });
    expect(readFileSync(DRIFTED_FILE, 'utf8').split('\n')[sales.locations[0].physicalLocation.region.startLine - 1]).toContain('<permkey>TRAN_SALESORD</permkey>');
    expect(sales.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe(POLICY_FILE);
    const policyLine = readFileSync(POLICY_FILE, 'utf8').split('\n')[sales.relatedLocations[0].physicalLocation.region.startLine - 1];
    expect(policyLine).toMatch(/Sales Order/);
  });

  test('findings from a shipped pack point at the repository\'s policy that extends it, never into the installed package', () => {
    const report = driftedReport();
    const r = report.results[0];
    const f = { ...r.findings[0], loc: { file: 'pack:census', line: 37, column: 5 } };
    const user = { ...report, results: [{ ...r, findings: [f] }] };
    const res = JSON.parse(FORMATS.sarif.report(user, ctx)).runs[0].results[0];
    expect(JSON.stringify(res)).not.toContain('pack:census"');
    expect(res.message.text).toContain('(rule from pack:census, line 37)');
    expect(res.relatedLocations[0].physicalLocation.artifactLocation).toEqual({ uri: POLICY_FILE, uriBaseId: '%SRCROOT%' });
    const gh = FORMATS.github.report(user, ctx);
    expect(gh).not.toMatch(/file=pack:/);
    // Audited with the pack itself as the policy and no role file line: no location at all, rather than one inside node_modules.
    const bare = { ...report, results: [{ ...r, policy: { ...r.policy, file: 'pack:census' }, findings: [{ ...f, roleLoc: undefined }] }] };
    const res2 = JSON.parse(FORMATS.sarif.report(bare, ctx)).runs[0].results[0];
    expect(res2.locations).toBeUndefined();
    expect(validateSchema(JSON.parse(FORMATS.sarif.report(bare, ctx))) ? [] : validateSchema.errors).toEqual([]);
  });

  test('access findings about different people differ in fingerprint (the person is part of what a finding is about)', () => {
    const rs = JSON.parse(cases.access()).runs[0].results as Array<{ ruleId: string; partialFingerprints: Record<string, string> }>;
    const fps = rs.map((r) => r.partialFingerprints['nsRoleAuditFinding/v2']);
    expect(new Set(fps).size).toBe(rs.length);
    expect(rs.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['ASSIGNMENT_DORMANT', 'TOKEN_UNUSED', 'GLOBAL_PERMISSION', 'USER_SOD_CONFLICT', 'ROLE_UNASSIGNED']));
  });

  test('fingerprints are stable across runs and sources, and differ between findings', () => {
    const a = JSON.parse(cases.drifted()).runs[0].results;
    const b = JSON.parse(FORMATS.sarif.report({ ...driftedReport(), generatedAt: '2027-01-01T00:00:00Z' }, ctx)).runs[0].results;
    const fp = (rs: Array<{ partialFingerprints: Record<string, string> }>) => rs.map((r) => r.partialFingerprints['nsRoleAuditFinding/v2']);
    expect(fp(b)).toEqual(fp(a));
    expect(new Set(fp(a)).size).toBe(a.length);
    expect(fp(a).every((f) => /^[0-9a-f]{16}$/.test(f))).toBe(true);
  });

  test('accepted findings are suppressions saying by what; nothing else is suppressed', () => {
    const results = JSON.parse(cases.accepted()).runs[0].results as Array<{ ruleId: string; suppressions?: Array<{ kind: string; status: string; justification: string }> }>;
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => [r.ruleId, r.suppressions![0].justification])).toEqual(expect.arrayContaining([
      ['LEVEL_TOO_LOW', 'Waived (LEVEL_TOO_LOW on Sales Order) until 2027-01-31: vendor asks, ticket 42'],
      ['NOT_VERIFIABLE', 'Accepted unverified (--accept-unverified).'],
    ]));
    expect(suppressed.every((r) => r.suppressions![0].status === 'accepted' && r.suppressions![0].kind === 'external')).toBe(true);
    expect(results.filter((r) => !r.suppressions).map((r) => r.ruleId)).toContain('FLAG_MISMATCH');
  });

  test.each([
    ['roles/My Role.xml', { uri: 'roles/My%20Role.xml', uriBaseId: '%SRCROOT%' }],
    ['./policies/p.yaml', { uri: 'policies/p.yaml', uriBaseId: '%SRCROOT%' }],
    ['/abs/path/r.xml', { uri: 'file:///abs/path/r.xml' }],
    ['C:\\work\\r#1.xml', { uri: 'file:///C:/work/r%231.xml' }],
  ])('artifact location of %s', (path, expected) => expect(artifactLocation(path)).toEqual(expected));
});

describe('GitHub workflow commands', () => {
  test.each([
    ['100% done\r\nnext', '100%25 done%0D%0Anext'],
    ['a: b, c', 'a: b, c'],
  ])('message data %j is escaped as the runner reads it', (input, out) => expect(githubData(input)).toBe(out));
  test('property values escape : and , too', () => expect(githubProperty('a: b, c%\n')).toBe('a%3A b%2C c%25%0A'));

  test('a finding is one command on the role file line, titled with its code; a newline in a name cannot start a command', () => {
    const out = FORMATS.github.report(driftedReport(), ctx).trimEnd().split('\n');
    const syntax = /^::(error|warning|notice)( file=[^,:\n]+,line=\d+,col=\d+)?(,?\s?title=[^:\n]*)?::[^\n]*$/;
    const commands = out.slice(0, -1);
    expect(commands.length).toBeGreaterThan(3);
    for (const line of commands) expect(line).toMatch(syntax);
    expect(commands).toContain(`::error file=${DRIFTED_FILE},line=59,col=1,title=LEVEL_TOO_LOW%3A Level too low::Polytomic (drifted): Sales Order (TRAN_SALESORD) is Edit; the policy requires at least Full.`);
    expect(out[out.length - 1]).toMatch(/^ns-role-audit: 1 role, .*; the run fails \(--fail-on error\)$/);
    const hostile = githubCommand('error', 'x\n::error::injected', { title: 't,x:y', loc: { file: 'a,b:c.xml', line: 2, column: 3 } });
    expect(hostile).toBe('::error file=a%2Cb%3Ac.xml,line=2,col=3,title=t%2Cx%3Ay::x%0A::error::injected');
    expect(hostile.split('\n')).toHaveLength(1);
  });

  test('accepted findings and notes are notices, not errors', () => {
    const out = FORMATS.github.report(acceptedReport(), ctx);
    expect(out).toMatch(/^::notice [^\n]*LEVEL_TOO_LOW[^\n]*Waived \(LEVEL_TOO_LOW on Sales Order\) until 2027-01-31: vendor asks, ticket 42$/m);
    expect(out).toMatch(/^::notice file=policies\/polytomic.yaml,line=45,[^\n]*RISKY_PERMISSION[^\n]*Acknowledged: the policy asks for it/m);
    expect(out).toMatch(/^::notice title=ns-role-audit note::[^\n]*probed effective access$/m);
    expect(out).not.toMatch(/^::error [^\n]*accepted/m);
  });
});

describe('CSV', () => {
  /** Python's csv module reads the file (an RFC 4180 reader that is not ours). */
  function pythonRows(text: string): string[][] {
    const file = join(dir, `r${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(file, text);
    const r = spawnSync('python3', ['-c', 'import csv,json,sys\nwith open(sys.argv[1], newline="", encoding="utf-8") as f: print(json.dumps(list(csv.reader(f, strict=True))))', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  }

  test('one row per rule per role under a header, read back by Python\'s csv module', () => {
    const report = fleetReport(5);
    const text = FORMATS.csv.report(report, ctx);
    expect(text).toMatch(/\r\n$/);
    const rows = pythonRows(text);
    expect(rows[0].slice(0, 6)).toEqual(['account', 'connection', 'role', 'role_script_id', 'policy', 'rule']);
    expect(rows).toHaveLength(1 + report.results.reduce((n, r) => n + r.rules.length, 0));
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    const sales = rows.find((r) => r[col('role_script_id')] === 'customrole_integration_1' && r[col('permission_id')] === 'TRAN_SALESORD')!;
    const rule = report.results[1].rules.find((r) => r.id === 'permission:TRAN_SALESORD')!;
    expect([sales[col('status')], sales[col('required_min')], sales[col('account')]]).toEqual([rule.status, 'Full', 'ACCT1']);
    // A name with markup and an ampersand survives as it was.
    expect(rows.some((r) => r[col('role')] === 'Integration 0 <b>&amp;</b>')).toBe(true);
  });

  test.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"], ['-2', "'-2"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'], ['line\nbreak', '"line\nbreak"'], ['plain', 'plain'], ['', ''],
  ])('cell %j is written %j', (input, out) => expect(csvCell(input)).toBe(out));

  test('a hostile cell reads back as text in Python, starting with an apostrophe', () => {
    const rows = pythonRows(`a,b\r\n${csvCell('=cmd|"/c calc"!A0')},${csvCell('x, "y"\nz')}\r\n`);
    expect(rows[1]).toEqual(["'=cmd|\"/c calc\"!A0", 'x, "y"\nz']);
  });

  test('a comparison: one row per flag, setting and permission', () => {
    const c = sampleComparison();
    const rows = pythonRows(FORMATS.csv.comparison(c, ctx));
    expect(rows[0]).toEqual(['group', 'name', 'customrole_polytomic', 'customrole_polytomic_drifted', 'difference']);
    expect(rows).toHaveLength(1 + c.flags.length + c.settings.length + c.permissions.length);
    expect(rows.find((r) => r[1] === 'Sales Order (TRAN_SALESORD)')).toEqual(['transactions', 'Sales Order (TRAN_SALESORD)', 'Full', 'Edit', 'level']);
  });
});
