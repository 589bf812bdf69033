import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { buildReport } from '../../src/core/audit';
import { auditRole } from '../../src/adapters/audit-role';
import { readPolicy } from '../../src/adapters/read-policy';
import { FORMATS, FORMAT_NAMES, type FormatName } from '../../src/core/format';
import type { AuditReport } from '../../src/core/model';
import { createFileSource } from '../../src/adapters/role-files';
import { AJV_OPTIONS } from '../../src/core/input/ajv-options';

// Each formatter against committed expected output. UPDATE_EXPECTED=1 rewrites them (review the diff!).
const root = join(__dirname, '..', '..');
const expectedDir = join(__dirname, '..', 'fixtures', 'reports');
// Typed by format name: a new format cannot be added without its expected file.
const EXT: Record<FormatName, string> = { table: 'txt', json: 'json', junit: 'xml', markdown: 'md', sarif: 'sarif', github: 'github.txt', csv: 'csv', html: 'html' };

async function sampleReport(): Promise<AuditReport> {
  const cwd = process.cwd();
  process.chdir(root); // paths in the report are relative, as users run the tool
  try {
    const poly = readPolicy('policies/polytomic.yaml');
    const sdf = createFileSource('fixtures/sdf-project');
    const waivers = readPolicy('test/fixtures/scenarios/waivers/policy.yaml');
    const results = [
      await auditRole(poly, sdf, { scriptId: 'customrole_polytomic_drifted' }, '2026-11-27'),
      await auditRole(waivers, createFileSource('test/fixtures/scenarios/waivers/role.yaml'), waivers.role, '2026-11-27'),
      await auditRole(poly, sdf, poly.role, '2026-11-27'),
    ];
    return buildReport(results, { version: '1.2.3', generatedAt: '2026-11-27T12:00:00.000Z', failOn: 'error' });
  } finally {
    process.chdir(cwd);
  }
}

describe.each(FORMAT_NAMES)('formatter %s', (name) => {
  test('matches the committed expected output', async () => {
    const out = FORMATS[name].report(await sampleReport(), { color: false });
    const file = join(expectedDir, `expected.${EXT[name]}`);
    if (process.env.UPDATE_EXPECTED) {
      mkdirSync(expectedDir, { recursive: true });
      writeFileSync(file, out);
    }
    // A missing expected file is a failure, never a file written and passed against.
    expect(existsSync(file)).toBe(true);
    expect(out).toBe(readFileSync(file, 'utf8'));
  });
});

test('the table uses colour only when asked, and never escape codes otherwise', async () => {
  const report = await sampleReport();
  expect(FORMATS.table.report(report, { color: false })).not.toMatch(/\u001b\[/);
  expect(FORMATS.table.report(report, { color: true })).toMatch(/\u001b\[31m✗/);
});

test('JUnit output is well-formed XML with one suite per role and a case per rule', async () => {
  const report = await sampleReport();
  const xml = FORMATS.junit.report(report, { color: false });
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.match(/<testsuite /g)).toHaveLength(3);
  const rules = report.results.reduce((n, r) => n + r.rules.length, 0);
  expect(xml.match(/<testcase /g)).toHaveLength(rules);
  expect(xml).toContain('<skipped message="Perform Search (LIST_FIND) is granted at View on Lists, but the policy does not list it. Waived (PERMISSION_EXCESS on Perform Search) until 2027-06-30');
});

test('JSON output is the versioned report, each finding with its sentence', async () => {
  const parsed = JSON.parse(FORMATS.json.report(await sampleReport(), { color: false }));
  expect(parsed.schemaVersion).toBe(2);
  expect(parsed.results[0].findings[0]).toHaveProperty('message');
  expect(parsed.summary).toMatchObject({ roles: 3, compliant: 1, nonCompliant: 2, failed: true });
});

test('the Markdown checklist has one box per change, under the right subtab', async () => {
  const md = FORMATS.markdown.report(await sampleReport(), { color: false });
  expect(md).toContain('### Permissions > Transactions\n\n- [ ] Raise **Sales Order** (TRAN_SALESORD) from Edit to **Full**');
  expect(md).toContain('- [ ] Add **Custom Lists** (ADMI_CUSTLIST), level **View**');
  expect(md).toContain('- [ ] Remove **Perform Search** (LIST_FIND) (now Full)');
  expect(md).toContain('- [ ] Check **Web Services Only Role**');
  expect(md).toContain('No changes needed.');
});

test('JSON output validates against the published report schema (schema/report.schema.json)', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv2020 = require('ajv/dist/2020').default;
  const schema = JSON.parse(readFileSync(join(root, 'schema', 'report.schema.json'), 'utf8'));
  const validate = new Ajv2020(AJV_OPTIONS).compile(schema);
  const ok = validate(JSON.parse(FORMATS.json.report(await sampleReport(), { color: false })));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  // and the schema really constrains: a finding with an unknown code fails it
  const bad = JSON.parse(FORMATS.json.report(await sampleReport(), { color: false }));
  bad.results[0].findings[0].code = 'SOMETHING_ELSE';
  expect(validate(bad)).toBe(false);
});
