/** Reads a review file back, every problem positioned (file:line:column, the field, what to write). Pure. */
import { stringify } from 'yaml';
import type { InputIssue } from '../errors';
import { parseYamlFile } from '../input/yaml-file';
import { DECISIONS, REVIEW_KIND, type ReviewDoc } from './review';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A time a reviewer writes: a date, or a date and time (YAML may read a bare date as a string). */
const WHEN = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses and checks a review file's shape (not whether it is complete: see checkReview). */
export function parseReview(file: string, text: string): { doc?: ReviewDoc; issues: InputIssue[] } {
  const { yaml, issues } = parseYamlFile(file, text);
  if (!yaml) return { issues };
  const v = yaml.value;
  const issue = (path: Array<string | number>, message: string, suggestion?: string) => issues.push({ code: 'REVIEW_INVALID', message, loc: yaml.locate(path), path: path.join('.'), ...(suggestion ? { suggestion } : {}) });
  if (!isObj(v) || v.kind !== REVIEW_KIND) { issue([], `not an access review (kind: ${REVIEW_KIND})`, 'start one with ns-role-audit review start'); return { issues }; }
  if (v.version !== 1) issue(['version'], `version ${JSON.stringify(v.version)} is not one this tool reads (1)`);
  if (!isObj(v.snapshot) || typeof v.snapshot.file !== 'string' || typeof v.snapshot.sha256 !== 'string') issue(['snapshot'], 'snapshot must name the file and sha256 the review was made from', 'do not edit the snapshot: field; start the review again instead');
  for (const key of ['reviewedBy', 'reviewedAt'] as const) {
    const x = v[key];
    if (x !== null && x !== undefined && typeof x !== 'string') issue([key], `${key} must be text or empty`);
  }
  const at = v.reviewedAt;
  if (typeof at === 'string' && !WHEN.test(at)) issue(['reviewedAt'], `'${at}' is not a date`, 'write YYYY-MM-DD (or an ISO date and time)');
  if (!Array.isArray(v.items)) issue(['items'], 'items must be a list');
  else v.items.forEach((it, i) => {
    if (!isObj(it) || typeof it.id !== 'string' || typeof it.what !== 'string') return issue(['items', i], 'each item needs id and what, as review start wrote them');
    if (it.decision !== null && it.decision !== undefined && !(DECISIONS as readonly unknown[]).includes(it.decision)) issue(['items', i, 'decision'], `decision '${String(it.decision)}' is not one of ${DECISIONS.join(', ')}`, 'write keep, change or remove (or leave it empty while undecided)');
    if (it.reason !== null && it.reason !== undefined && typeof it.reason !== 'string') issue(['items', i, 'reason'], 'reason must be text');
  });
  if (issues.length) return { issues };
  const doc = { ...(v as unknown as ReviewDoc), reviewedBy: (v.reviewedBy as string | undefined) ?? null, reviewedAt: (at as string | undefined) ?? null };
  doc.items = doc.items.map((i) => ({ ...i, decision: i.decision ?? null, reason: i.reason ?? null }));
  return { doc, issues };
}

/** A review file's text: what to do on top, then the document. */
export function formatReview(doc: ReviewDoc): string {
  const name = doc.role.name ?? doc.role.scriptId ?? doc.role.internalId;
  const head = [
    `# Access review of ${name}${doc.role.scriptId ? ` (${doc.role.scriptId})` : ''} in ${doc.account}, started ${doc.startedAt}.`,
    '# For each item set decision: keep, change or remove (change and remove need a reason),',
    '# then set reviewedBy and reviewedAt. `ns-role-audit review check` says what is left.',
    `# The items are tied to ${doc.snapshot.file} (sha256 below): do not edit that file.`,
  ];
  return `${head.map((l) => l.replace(/\n/g, ' ')).join('\n')}\n${stringify(doc, { lineWidth: 0, nullStr: '~' })}`;
}
