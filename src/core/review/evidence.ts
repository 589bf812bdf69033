/** The evidence of finished reviews, as an auditor receives it: a summary page, every decision as CSV. Pure. */
import { csvCell } from '../format/csv';
import { htmlPage, htmlText as h } from '../format/html';
import type { ReviewDoc } from './review';
import { plural } from '../format/plural';

const roleName = (d: ReviewDoc) => d.role.name ?? d.role.scriptId ?? `#${d.role.internalId}`;

/** One row per decision. */
export function decisionsCsv(docs: ReadonlyArray<{ file: string; doc: ReviewDoc }>): string {
  const rows = [['account', 'role', 'role_script_id', 'item', 'what', 'findings', 'decision', 'reason', 'reviewed_by', 'reviewed_at', 'review_file', 'snapshot_sha256']];
  for (const { file, doc } of docs) {
    for (const i of doc.items) rows.push([doc.account, roleName(doc), doc.role.scriptId ?? '', i.id, i.what, (i.findings ?? []).join(' '), i.decision ?? '', i.reason ?? '', doc.reviewedBy ?? '', doc.reviewedAt ?? '', file, doc.snapshot.sha256]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A page summing the reviews up: per role, who reviewed it and when, and what was decided. */
export function reviewSummaryHtml(docs: ReadonlyArray<{ file: string; doc: ReviewDoc }>, meta: { generatedAt: string; tool: string }): string {
  const count = (d: ReviewDoc, x: string) => d.items.filter((i) => i.decision === x).length;
  const body = [
    '<header>', '<h1>Access review evidence</h1>', `<p>${h(meta.tool)} · ${h(meta.generatedAt)} · ${plural(docs.length, 'role')} reviewed</p>`, '</header>', '<main>',
    '<table class="matrix" id="reviews"><thead><tr><th scope="col">Account</th><th scope="col">Role</th><th scope="col">Reviewed by</th><th scope="col">Reviewed at</th><th scope="col">Keep</th><th scope="col">Change</th><th scope="col">Remove</th></tr></thead><tbody>',
    ...docs.map(({ doc }) => `<tr><td>${h(doc.account)}</td><th scope="row">${h(roleName(doc))}</th><td>${h(doc.reviewedBy ?? '')}</td><td>${h(doc.reviewedAt ?? '')}</td><td>${count(doc, 'keep')}</td><td>${count(doc, 'change')}</td><td>${count(doc, 'remove')}</td></tr>`),
    '</tbody></table>',
    ...docs.flatMap(({ file, doc }) => [
      `<h2>${h(roleName(doc))} <small>${h(doc.account)}</small></h2>`,
      `<p>Review file <code>${h(file)}</code>, made from snapshot <code>${h(doc.snapshot.file)}</code> (sha256 <code>${h(doc.snapshot.sha256)}</code>).</p>`,
      '<table class="matrix"><thead><tr><th scope="col">Item</th><th scope="col">Findings</th><th scope="col">Decision</th><th scope="col">Reason</th></tr></thead><tbody>',
      ...doc.items.map((i) => `<tr><th scope="row">${h(i.what)}</th><td>${h((i.findings ?? []).join(', '))}</td><td>${h(i.decision ?? '')}</td><td>${h(i.reason ?? '')}</td></tr>`),
      '</tbody></table>',
    ]),
    '</main>',
  ];
  return htmlPage('Access review evidence', body);
}
