/**
 * A role's history as people read it: each change between two kept reads, with the last time the
 * role was seen the old way and the first time it was seen the new way, and (history --who) who
 * NetSuite's system notes say made it. Formatters are pure.
 */
import type { HistoryChange, HistoryStep } from '../history/history';
import { markdownCode, markdownText, terminalLines } from './escape';
import { htmlPage, htmlText as h } from './html';
import { jsonText } from './json-text';
import { plural } from './plural';

/** Who made the changes of one step, as far as NetSuite's system notes say. */
export type Attribution =
  | { status: 'found'; notes: Array<{ at: string; by: string; field: string; from?: string; to?: string }> }
  | { status: 'not-recorded'; why: string }
  | { status: 'not-verifiable'; why: string };

/** What `ns-role-audit history` reports for one role. */
export interface HistoryReport {
  account: string;
  role: string;
  folder: string;
  snapshots: number;
  reads: number;
  firstRead?: string;
  lastRead?: string;
  since?: string;
  steps: Array<HistoryStep & { attribution?: Attribution }>;
  notes: string[];
}

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const changeText = (c: HistoryChange) => `${c.label}: ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`;

function attributionText(a: Attribution | undefined): string[] {
  if (!a) return [];
  if (a.status === 'found') return a.notes.map((n) => `by ${n.by} at ${when(n.at)} (${n.field}${n.from !== undefined || n.to !== undefined ? `: ${n.from ?? ''} → ${n.to ?? ''}` : ''})`);
  return [a.status === 'not-recorded' ? a.why : `who: not verifiable; ${a.why}`];
}

/** The history as text for a terminal. */
function formatHistoryTable(r: HistoryReport): string {
  const out = [`${r.role} in ${r.account}: ${plural(r.snapshots, 'snapshot')} kept over ${plural(r.reads, 'read')}${r.firstRead ? `, ${when(r.firstRead)} to ${when(r.lastRead!)}` : ''}`];
  for (const n of r.notes) out.push(`  note: ${n}`);
  if (!r.steps.length) out.push(r.snapshots ? `  no change${r.since ? ` since ${r.since}` : ''}` : '  nothing kept yet: run audit --history first');
  for (const s of r.steps) {
    out.push('', `changed between ${when(s.lastSeenBefore)} (last seen before) and ${when(s.firstSeenAfter)} (first seen after): ${plural(s.changes.length, 'change')}`);
    for (const c of s.changes) out.push(`  ${changeText(c)}`);
    for (const a of attributionText(s.attribution)) out.push(`  ${a}`);
  }
  return terminalLines(out.join('\n')) + '\n';
}

/** The history as data. */
function formatHistoryJson(r: HistoryReport): string {
  return jsonText({ kind: 'ns-role-audit/history', version: 1, ...r }) + '\n';
}

/** The history as Markdown (a pull request comment, an audit file). */
function formatHistoryMarkdown(r: HistoryReport): string {
  const out = [`# History of ${markdownCode(r.role)} in ${markdownCode(r.account)}`, '', `${plural(r.snapshots, 'snapshot')} kept over ${plural(r.reads, 'read')}${r.firstRead ? `, ${when(r.firstRead)} to ${when(r.lastRead!)}` : ''}.`, ''];
  for (const n of r.notes) out.push(`> **Note:** ${markdownText(n)}`, '');
  if (!r.steps.length) out.push('No change.', '');
  for (const s of r.steps) {
    out.push(`## ${when(s.firstSeenAfter)}`, '', `Last seen the old way ${when(s.lastSeenBefore)}; first seen the new way ${when(s.firstSeenAfter)}.`, '');
    out.push('| what | before | after |', '| --- | --- | --- |', ...s.changes.map((c) => `| ${markdownText(c.label)} | ${markdownText(c.from ?? '(none)')} | ${markdownText(c.to ?? '(none)')} |`), '');
    for (const a of attributionText(s.attribution)) out.push(`- ${markdownText(a)}`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** The history as a timeline page. */
function formatHistoryHtml(r: HistoryReport): string {
  const body = [
    '<header>', `<h1>History of <code>${h(r.role)}</code> in <code>${h(r.account)}</code></h1>`,
    `<p>${plural(r.snapshots, 'snapshot')} kept over ${plural(r.reads, 'read')}${r.firstRead ? `, ${h(when(r.firstRead))} to ${h(when(r.lastRead!))}` : ''}.</p>`, '</header>', '<main>',
    ...r.notes.map((n) => `<p class="note"><strong>Note:</strong> ${h(n)}</p>`),
    ...(r.steps.length ? [] : ['<p>No change.</p>']),
    '<ol class="timeline">',
    ...r.steps.flatMap((s) => [
      `<li><h2><time datetime="${h(s.firstSeenAfter)}">${h(when(s.firstSeenAfter))}</time></h2>`,
      `<p>Last seen the old way <time datetime="${h(s.lastSeenBefore)}">${h(when(s.lastSeenBefore))}</time>.</p>`,
      '<table class="matrix"><thead><tr><th scope="col">What</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>',
      ...s.changes.map((c) => `<tr><th scope="row">${h(c.label)}</th><td>${h(c.from ?? '(none)')}</td><td>${h(c.to ?? '(none)')}</td></tr>`),
      '</tbody></table>',
      ...attributionText(s.attribution).map((a) => `<p>${h(a)}</p>`),
      '</li>',
    ]),
    '</ol>', '</main>',
  ];
  return htmlPage(`History of ${r.role}`, body);
}

/** The history formats by name. */
export const HISTORY_FORMATS = { table: formatHistoryTable, json: formatHistoryJson, markdown: formatHistoryMarkdown, html: formatHistoryHtml } as const;
