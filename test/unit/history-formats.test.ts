/**
 * `history` output in process, word for word: the terminal text, Markdown and the HTML timeline,
 * with each kind of attribution (found, not recorded, not verifiable), notes, `since`, and a
 * history with nothing kept yet. The live history tests read it through the CLI and the simulator.
 */
import { HISTORY_FORMATS, type HistoryReport } from '../../src/core/format/history';

const report: HistoryReport = {
  account: '1234567', role: 'customrole_sync', folder: '.ns-role-audit/history', snapshots: 2, reads: 5, firstRead: '2026-01-01T08:00:00Z', lastRead: '2026-03-01T09:30:00Z',
  steps: [{
    lastSeenBefore: '2026-02-01T10:15:00Z', firstSeenAfter: '2026-02-02T11:00:00Z', fromFile: 'a.json', toFile: 'b.json',
    changes: [
      { kind: 'permission', target: 'TRAN_SALESORD', label: 'Sales Order (TRAN_SALESORD)', from: 'View', to: 'Full', inSystemNotes: false },
      { kind: 'flag', target: 'webServicesOnly', label: 'Web Services Only Role', from: 'checked', to: null, inSystemNotes: true },
    ],
    attribution: { status: 'found', notes: [{ at: '2026-02-01T12:00:00Z', by: 'Jane Admin', field: 'Web Services Only Role', from: 'T', to: 'F' }, { at: '2026-02-01T12:05:00Z', by: 'Bob', field: 'Name' }] },
  }],
  notes: ['a <note>'],
};
const HEAD = 'customrole_sync in 1234567: 2 snapshots kept over 5 reads, 2026-01-01 08:00 UTC to 2026-03-01 09:30 UTC';
const STEP = [
  'changed between 2026-02-01 10:15 UTC (last seen before) and 2026-02-02 11:00 UTC (first seen after): 2 changes',
  '  Sales Order (TRAN_SALESORD): View → Full',
  '  Web Services Only Role: checked → (none)',
];

test('terminal: the span of reads, notes, each step between its two reads, its changes and who made them', () => {
  expect(HISTORY_FORMATS.table(report)).toBe([
    HEAD, '  note: a <note>', '', ...STEP,
    '  by Jane Admin at 2026-02-01 12:00 UTC (Web Services Only Role: T → F)',
    '  by Bob at 2026-02-01 12:05 UTC (Name)', '',
  ].join('\n'));
});

test('terminal: attribution not recorded, not verifiable; no change (since); nothing kept yet', () => {
  const withAttribution = (attribution: HistoryReport['steps'][0]['attribution']) => HISTORY_FORMATS.table({ ...report, steps: [{ ...report.steps[0], attribution }] });
  expect(withAttribution({ status: 'not-recorded', why: 'subtabs are not in system notes' })).toBe([HEAD, '  note: a <note>', '', ...STEP, '  subtabs are not in system notes', ''].join('\n'));
  expect(withAttribution({ status: 'not-verifiable', why: 'the token cannot read system notes' })).toBe([HEAD, '  note: a <note>', '', ...STEP, '  who: not verifiable; the token cannot read system notes', ''].join('\n'));
  expect(withAttribution(undefined)).toBe([HEAD, '  note: a <note>', '', ...STEP, ''].join('\n'));
  expect(HISTORY_FORMATS.table({ ...report, steps: [], notes: [], since: '2026-02-01' })).toBe(`${HEAD}\n  no change since 2026-02-01\n`);
  expect(HISTORY_FORMATS.table({ ...report, steps: [], notes: [] })).toBe(`${HEAD}\n  no change\n`);
  expect(HISTORY_FORMATS.table({ ...report, steps: [], notes: [], snapshots: 0, reads: 0, firstRead: undefined, lastRead: undefined })).toBe('customrole_sync in 1234567: 0 snapshots kept over 0 reads\n  nothing kept yet: run audit --history first\n');
  expect(HISTORY_FORMATS.table({ ...report, steps: [], notes: [], snapshots: 1, reads: 1 })).toMatch(/^customrole_sync in 1234567: 1 snapshot kept over 1 read, /);
});

test('terminal: a role name cannot write escape sequences', () => {
  expect(HISTORY_FORMATS.table({ ...report, role: 'x\u001b[2Jy' })).not.toContain('\u001b');
});

test('Markdown: a section per step, a table of changes, attributions as a list, notes escaped', () => {
  expect(HISTORY_FORMATS.markdown(report)).toBe([
    '# History of `customrole_sync` in `1234567`', '',
    '2 snapshots kept over 5 reads, 2026-01-01 08:00 UTC to 2026-03-01 09:30 UTC.', '',
    '> **Note:** a &lt;note&gt;', '',
    '## 2026-02-02 11:00 UTC', '',
    'Last seen the old way 2026-02-01 10:15 UTC; first seen the new way 2026-02-02 11:00 UTC.', '',
    '| what | before | after |', '| --- | --- | --- |', '| Sales Order (TRAN_SALESORD) | View | Full |', '| Web Services Only Role | checked | (none) |', '',
    '- by Jane Admin at 2026-02-01 12:00 UTC (Web Services Only Role: T → F)',
    '- by Bob at 2026-02-01 12:05 UTC (Name)', '',
  ].join('\n'));
  expect(HISTORY_FORMATS.markdown({ ...report, steps: [], notes: [], firstRead: undefined })).toBe('# History of `customrole_sync` in `1234567`\n\n2 snapshots kept over 5 reads.\n\nNo change.\n');
});

test('HTML: a timeline with machine-readable times, the changes as a table, text escaped', () => {
  const html = HISTORY_FORMATS.html(report);
  expect(html).toContain('<title>History of customrole_sync</title>');
  expect(html).toContain([
    '<h1>History of <code>customrole_sync</code> in <code>1234567</code></h1>',
    '<p>2 snapshots kept over 5 reads, 2026-01-01 08:00 UTC to 2026-03-01 09:30 UTC.</p>',
    '</header>', '<main>',
    '<p class="note"><strong>Note:</strong> a &lt;note&gt;</p>',
    '<ol class="timeline">',
    '<li><h2><time datetime="2026-02-02T11:00:00Z">2026-02-02 11:00 UTC</time></h2>',
    '<p>Last seen the old way <time datetime="2026-02-01T10:15:00Z">2026-02-01 10:15 UTC</time>.</p>',
    '<table class="matrix"><thead><tr><th scope="col">What</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>',
    '<tr><th scope="row">Sales Order (TRAN_SALESORD)</th><td>View</td><td>Full</td></tr>',
    '<tr><th scope="row">Web Services Only Role</th><td>checked</td><td>(none)</td></tr>',
    '</tbody></table>',
    '<p>by Jane Admin at 2026-02-01 12:00 UTC (Web Services Only Role: T → F)</p>',
    '<p>by Bob at 2026-02-01 12:05 UTC (Name)</p>',
    '</li>', '</ol>', '</main>',
  ].join('\n'));
  const none = HISTORY_FORMATS.html({ ...report, steps: [], notes: [] });
  expect(none).toContain('<p>No change.</p>');
  expect(none).not.toContain('<li>');
  expect(html).not.toContain('<p>No change.</p>');
});

test('JSON: the report as data under its kind and version', () => {
  const parsed = JSON.parse(HISTORY_FORMATS.json(report));
  expect(parsed).toEqual({ kind: 'ns-role-audit/history', version: 1, ...JSON.parse(JSON.stringify(report)) });
  expect(HISTORY_FORMATS.json(report).endsWith('}\n')).toBe(true);
});
