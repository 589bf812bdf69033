/**
 * Review files in process (core/review/read-review.ts, evidence.ts): what `review start` writes
 * reads back as the same review; each wrong field is refused at its line and column with what to
 * write; the evidence an auditor receives (the CSV of decisions, the summary page) word for word.
 */
import { formatReview, parseReview } from '../../src/core/review/read-review';
import { decisionsCsv, reviewSummaryHtml } from '../../src/core/review/evidence';
import { REVIEW_KIND, type ReviewDoc } from '../../src/core/review/review';

const doc: ReviewDoc = {
  kind: REVIEW_KIND, version: 1, account: '1234567', role: { scriptId: 'customrole_sync', name: 'Sync' }, startedAt: '2026-12-01T10:00:00Z',
  snapshot: { file: 'snap.json', sha256: 'abc123' }, reviewedBy: 'Rita, Reviewer', reviewedAt: '2026-12-02',
  items: [
    { id: 'permission:TRAN_SALESORD', what: 'Sales Order (TRAN_SALESORD) at Edit', findings: ['LEVEL_TOO_LOW'], decision: 'keep', reason: 'the sync writes "orders"' },
    { id: 'flag:webServicesOnly', what: 'Web Services Only Role: unchecked', decision: 'change', reason: 'API only' },
    { id: 'holder:7', what: 'held by Hank <hank@example.com>', decision: null, reason: null },
  ],
};

describe('formatReview and parseReview', () => {
  test('what start writes reads back as the same review, under a head that says what to do', () => {
    const text = formatReview(doc);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# Access review of Sync (customrole_sync) in 1234567, started 2026-12-01T10:00:00Z.',
      '# For each item set decision: keep, change or remove (change and remove need a reason),',
      '# then set reviewedBy and reviewedAt. `ns-role-audit review check` says what is left.',
      '# The items are tied to snap.json (sha256 below): do not edit that file.',
    ]);
    expect(text).toContain('decision: ~');
    expect(parseReview('r.yaml', text)).toEqual({ doc, issues: [] });
  });

  test('a role known only by its internal id; a name with a line break stays in its comment', () => {
    const text = formatReview({ ...doc, role: { internalId: '1042', name: 'Two\nlines' } });
    expect(text.split('\n')[0]).toBe('# Access review of Two lines in 1234567, started 2026-12-01T10:00:00Z.');
    expect(formatReview({ ...doc, role: { internalId: '1042' } }).split('\n')[0]).toBe('# Access review of 1042 in 1234567, started 2026-12-01T10:00:00Z.');
    expect(parseReview('r.yaml', text).doc?.role.name).toBe('Two\nlines');
  });

  test('empty decisions, reasons and signatures read as null', () => {
    const text = formatReview(doc).replace('reviewedBy: Rita, Reviewer', 'reviewedBy:').replace(/reviewedAt: .*/, 'reviewedAt:').replace('reason: API only', 'reason:');
    const { doc: back, issues } = parseReview('r.yaml', text);
    expect(issues).toEqual([]);
    expect([back!.reviewedBy, back!.reviewedAt, back!.items[1].reason, back!.items[2].decision]).toEqual([null, null, null, null]);
  });

  test('each wrong field is refused at its place, with the field and what to write', () => {
    const text = formatReview(doc);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const one = (t: string) => {
      const { doc: d, issues } = parseReview('r.yaml', t);
      expect(d).toBeUndefined();
      return issues.map((i) => ({ code: i.code, line: i.loc.line, path: i.path, message: i.message, suggestion: i.suggestion }));
    };
    expect(one(text.replace('decision: change', 'decision: maybe'))).toEqual([{ code: 'REVIEW_INVALID', line: lineOf('decision: change'), path: 'items.1.decision', message: "decision 'maybe' is not one of keep, change, remove", suggestion: 'write keep, change or remove (or leave it empty while undecided)' }]);
    expect(one(text.replace('reviewedAt: 2026-12-02', 'reviewedAt: next week'))).toEqual([{ code: 'REVIEW_INVALID', line: lineOf('reviewedAt:'), path: 'reviewedAt', message: "'next week' is not a date", suggestion: 'write YYYY-MM-DD (or an ISO date and time)' }]);
    expect(one(text.replace('reviewedBy: Rita, Reviewer', 'reviewedBy: [a, b]'))).toEqual([{ code: 'REVIEW_INVALID', line: lineOf('reviewedBy:'), path: 'reviewedBy', message: 'reviewedBy must be text or empty', suggestion: undefined }]);
    expect(one(text.replace('reason: API only', 'reason: {x: 1}'))).toEqual([{ code: 'REVIEW_INVALID', line: lineOf('reason: API only'), path: 'items.1.reason', message: 'reason must be text', suggestion: undefined }]);
    expect(one(text.replace('version: 1', 'version: 2'))[0]).toMatchObject({ line: lineOf('version: 1'), path: 'version', message: 'version 2 is not one this tool reads (1)' });
    expect(one(text.replace(/sha256: abc123/, 'sha256: 5'))[0]).toMatchObject({ path: 'snapshot', message: 'snapshot must name the file and sha256 the review was made from', suggestion: 'do not edit the snapshot: field; start the review again instead' });
    expect(one(text.replace('id: holder:7', 'id: 7'))[0]).toMatchObject({ path: 'items.2', message: 'each item needs id and what, as review start wrote them' });
    expect(one(text.replace(/items:[\s\S]*$/, 'items: none\n'))[0]).toMatchObject({ path: 'items', message: 'items must be a list' });
    expect(one(text.replace(`kind: ${REVIEW_KIND}`, 'kind: ns-role-audit/policy'))).toEqual([{ code: 'REVIEW_INVALID', line: lineOf('kind:'), path: '', message: `not an access review (kind: ${REVIEW_KIND})`, suggestion: 'start one with ns-role-audit review start' }]);
    expect(one('- a list\n')[0].message).toBe(`not an access review (kind: ${REVIEW_KIND})`);
    // Several problems are all reported.
    expect(one(text.replace('decision: change', 'decision: maybe').replace('reviewedAt: 2026-12-02', 'reviewedAt: soon')).map((i) => i.path)).toEqual(['reviewedAt', 'items.1.decision']);
  });

  test('dates a reviewer writes: a date, a date and time, with or without a zone', () => {
    const at = (v: string) => parseReview('r.yaml', formatReview(doc).replace('reviewedAt: 2026-12-02', `reviewedAt: "${v}"`)).issues.length;
    expect(['2026-12-02', '2026-12-02T10:00', '2026-12-02 10:00:30', '2026-12-02T10:00:00.5Z', '2026-12-02T10:00:00+01:00', '2026-12-02T10:00:00-0500'].map(at)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(['2026-12', '2026-12-02T10', 'x2026-12-02', '2026-12-02Tnoon', '2026-12-02T10:00:00+1'].map(at)).toEqual([1, 1, 1, 1, 1]);
  });

  test('a YAML syntax error is reported as such', () => {
    const { doc: d, issues } = parseReview('r.yaml', 'kind: [\n');
    expect(d).toBeUndefined();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].loc.file).toBe('r.yaml');
  });
});

describe('evidence', () => {
  const second: ReviewDoc = { ...doc, account: '7654321', role: { internalId: '1042' }, reviewedBy: null, reviewedAt: null, items: [{ id: 'flag:inactive', what: 'Inactive: unchecked', decision: 'remove', reason: 'unused' }] };
  const docs = [{ file: 'reviews/sync.yaml', doc }, { file: 'reviews/1042.yaml', doc: second }];

  test('the CSV has a row per decision, cells quoted where needed, CRLF line ends', () => {
    expect(decisionsCsv(docs)).toBe([
      'account,role,role_script_id,item,what,findings,decision,reason,reviewed_by,reviewed_at,review_file,snapshot_sha256',
      '1234567,Sync,customrole_sync,permission:TRAN_SALESORD,Sales Order (TRAN_SALESORD) at Edit,LEVEL_TOO_LOW,keep,"the sync writes ""orders""","Rita, Reviewer",2026-12-02,reviews/sync.yaml,abc123',
      '1234567,Sync,customrole_sync,flag:webServicesOnly,Web Services Only Role: unchecked,,change,API only,"Rita, Reviewer",2026-12-02,reviews/sync.yaml,abc123',
      '1234567,Sync,customrole_sync,holder:7,held by Hank <hank@example.com>,,,,"Rita, Reviewer",2026-12-02,reviews/sync.yaml,abc123',
      '7654321,#1042,,flag:inactive,Inactive: unchecked,,remove,unused,,,reviews/1042.yaml,abc123',
      '',
    ].join('\r\n'));
  });

  test('the summary page: a row per role with its counts, then each role\'s decisions, text escaped', () => {
    const html = reviewSummaryHtml(docs, { generatedAt: '2026-12-03T00:00:00Z', tool: 'ns-role-audit 1.0.0' });
    expect(html).toContain('<p>ns-role-audit 1.0.0 · 2026-12-03T00:00:00Z · 2 roles reviewed</p>');
    expect(html).toContain('<tr><td>1234567</td><th scope="row">Sync</th><td>Rita, Reviewer</td><td>2026-12-02</td><td>1</td><td>1</td><td>0</td></tr>');
    expect(html).toContain('<tr><td>7654321</td><th scope="row">#1042</th><td></td><td></td><td>0</td><td>0</td><td>1</td></tr>');
    expect(html).toContain('<h2>Sync <small>1234567</small></h2>');
    expect(html).toContain('<p>Review file <code>reviews/sync.yaml</code>, made from snapshot <code>snap.json</code> (sha256 <code>abc123</code>).</p>');
    expect(html).toContain('<tr><th scope="row">Sales Order (TRAN_SALESORD) at Edit</th><td>LEVEL_TOO_LOW</td><td>keep</td><td>the sync writes &quot;orders&quot;</td></tr>');
    expect(html).toContain('<tr><th scope="row">held by Hank &lt;hank@example.com&gt;</th><td></td><td></td><td></td></tr>');
    expect(reviewSummaryHtml([docs[0]], { generatedAt: 'x', tool: 't' })).toContain('· 1 role reviewed</p>');
  });
});
