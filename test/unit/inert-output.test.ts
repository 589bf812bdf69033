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
});

test('every format is covered', () => {
  expect(FORMAT_NAMES).toEqual(['table', 'json', 'junit', 'markdown']);
});
