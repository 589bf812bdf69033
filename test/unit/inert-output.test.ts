import MarkdownIt from 'markdown-it';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { auditSnapshot, buildReport } from '../../src/core/audit';
import { compareRoles } from '../../src/core/compare';
import { FORMATS, FORMAT_NAMES } from '../../src/core/format';
import type { RoleSnapshot } from '../../src/core/model';
import { mergePolicyLayers, parsePolicyLayer } from '../../src/core/policy';

// Everything from outside (NetSuite's role names and keys, file names) is inert in every
// format, checked by the consumer that reads each: a Markdown renderer, an XML parser, a
// terminal (no escape sequence), JSON.parse.

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '\u001b[31mRED\u001b]8;;http://evil\u0007link\u001b]8;;\u0007\u001b[0m',
  '`code` **bold** | pipe |\nnew line',
];

function reportFor(name: string) {
  const role: RoleSnapshot = {
    scriptId: 'customrole_x', name, flags: { webServicesOnly: false }, settings: { centerType: name },
    permissions: [{ permkey: '[click](javascript:alert(2))', level: 'FULL' }, { permkey: 'TRAN_SALESORD', level: 'VIEW', restriction: name }],
    evidence: 'definition', origin: `roles/${name}.xml`,
  };
  const policy = mergePolicyLayers([parsePolicyLayer('p.yaml', 'role: {scriptId: customrole_x}\nflags: {webServicesOnly: true}\nsettings: {centerType: ACCOUNTCENTER}\npermissions:\n  transactions:\n    Sales Order: {min: Full, restriction: NONE}\n').layer!]);
  const audit = auditSnapshot(policy, role, { selector: policy.role, source: { kind: 'snapshot', location: `roles/${name}` }, today: '2026-11-27', notes: [`note about ${name}`] });
  return { report: buildReport([audit], { version: 't', generatedAt: 'now', failOn: 'error' }), comparison: compareRoles(role, { ...role, name: 'other', settings: {} }, { leftLabel: name, rightLabel: 'b', generatedAt: 'now' }) };
}

const md = new MarkdownIt({ html: true, linkify: false });

describe.each(HOSTILE)('hostile text %j', (name) => {
  const { report, comparison } = reportFor(name);

  test.each(['report', 'comparison'] as const)('Markdown %s: a real renderer shows it as text (no element, no link, no script)', (what) => {
    const html = md.render(what === 'report' ? FORMATS.markdown.report(report, { color: false }) : FORMATS.markdown.comparison(comparison, { color: false }));
    expect(html).not.toMatch(/<img\b|<script\b|<a\b|href=/i);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  test.each(['report', 'comparison'] as const)('table %s: no escape sequence or control character from the data reaches the terminal', (what) => {
    for (const color of [false, true]) {
      const out = what === 'report' ? FORMATS.table.report(report, { color }) : FORMATS.table.comparison(comparison, { color });
      // With colour on, only the formatter's own SGR codes (ESC [ digits m) may appear.
      const withoutOwn = out.replace(/\u001b\[\d+m/g, '');
      expect(withoutOwn).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });

  test.each(['report', 'comparison'] as const)('JUnit %s: well-formed XML holding the text, no control character', (what) => {
    const xml = what === 'report' ? FORMATS.junit.report(report, { color: false }) : FORMATS.junit.comparison(comparison, { color: false });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(new XMLParser().parse(xml)).toBeTruthy();
  });

  test('JSON: parses back to the same text (JSON escapes it)', () => {
    const parsed = JSON.parse(FORMATS.json.report(report, { color: false }));
    expect(parsed.results[0].role.name).toBe(name);
    expect(FORMATS.json.report(report, { color: false })).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  test.each(['report', 'comparison'] as const)('SARIF %s: JSON holding the text as plain message text', (what) => {
    const text = what === 'report' ? FORMATS.sarif.report(report, { color: false }) : FORMATS.sarif.comparison(comparison, { color: false });
    const doc = JSON.parse(text);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    if (what === 'report') expect(doc.runs[0].results.some((r: { message: { text: string } }) => r.message.text.startsWith(`${name}: `))).toBe(true);
  });

  test.each(['report', 'comparison'] as const)('GitHub %s: every line is one workflow command (or the summary); no raw control character', (what) => {
    const text = what === 'report' ? FORMATS.github.report(report, { color: false }) : FORMATS.github.comparison(comparison, { color: false });
    const lines = text.trimEnd().split('\n');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning|notice)[ :]/);
    expect(lines[lines.length - 1]).toMatch(/^ns-role-audit/);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  test.each(['report', 'comparison'] as const)('CSV %s: no cell starts a formula; the text is kept', (what) => {
    const text = what === 'report' ? FORMATS.csv.report(report, { color: false }) : FORMATS.csv.comparison(comparison, { color: false });
    // Every cell (quoted or not) that starts with =, +, -, @ starts with an apostrophe first.
    expect(text).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
  });

  test.each(['report', 'comparison'] as const)('HTML %s: the text appears escaped, never as markup', (what) => {
    const html = what === 'report' ? FORMATS.html.report(report, { color: false }) : FORMATS.html.comparison(comparison, { color: false });
    expect(html).not.toMatch(/<img\b|<a href="javascript/i);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    if (name.startsWith('<img')) expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

test('every format is covered', () => {
  expect(FORMAT_NAMES).toEqual(['table', 'json', 'junit', 'markdown', 'sarif', 'github', 'csv', 'html']);
});
