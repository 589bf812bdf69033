/**
 * Access reviews: a file per role listing what it grants (permissions, flags, settings,
 * restrictions and, when read, its holders), each item waiting for a decision (keep, change,
 * remove) with a reason, signed by a reviewer and tied to the snapshot it was made from. Pure:
 * the role, its findings and holders come in; checking says what is left to do.
 */
import { levelLabel, getCatalog } from '../catalog';
import { addDays } from '../dates';
import { FLAG_LABELS, FLAGS, ROLE_SETTINGS, SETTING_KEYS, type Finding, type RoleSnapshot } from '../model';
import type { HolderFact } from '../access/facts';
import { heldLevels } from '../role/held-levels';

/** The `kind` of a review file. */
export const REVIEW_KIND = 'ns-role-audit/review';
/** The decisions a reviewer can make. */
export const DECISIONS = ['keep', 'change', 'remove'] as const;
type Decision = (typeof DECISIONS)[number];

/** One thing to decide about. */
export interface ReviewItem {
  /** `permission:TRAN_SALESORD`, `flag:webServicesOnly`, `setting:coreAdminPermissions`, `restriction:DEPARTMENT`, `holder:501`. */
  id: string;
  what: string;
  /** What the policy says of it, and the findings against it, when a policy was given. */
  findings?: string[];
  decision: Decision | null;
  reason: string | null;
}

/** A review file's content. */
export interface ReviewDoc {
  kind: typeof REVIEW_KIND;
  version: 1;
  account: string;
  role: { scriptId?: string; internalId?: string; name?: string };
  policy?: string;
  startedAt: string;
  snapshot: { file: string; sha256: string };
  reviewedBy: string | null;
  reviewedAt: string | null;
  items: ReviewItem[];
}

const show = (v: boolean | string) => (typeof v === 'boolean' ? (v ? 'checked' : 'unchecked') : v);

/** The items of a role as read: what the review is about. Holders come from the access reads, when there were any. */
export function reviewItems(role: RoleSnapshot, findings: readonly Finding[], holders?: readonly HolderFact[]): ReviewItem[] {
  const catalog = getCatalog();
  const codes = (match: (f: Finding) => boolean) => {
    const list = [...new Set(findings.filter((f) => !f.accepted && f.code !== 'NOT_VERIFIABLE' && match(f)).map((f) => f.code))];
    return list.length ? { findings: list } : {};
  };
  const items: ReviewItem[] = [];
  for (const f of FLAGS) {
    const v = role.flags[f];
    if (v !== undefined) items.push({ id: `flag:${f}`, what: `${FLAG_LABELS[f]}: ${show(v)}`, ...codes((x) => x.flag === f), decision: null, reason: null });
  }
  for (const k of SETTING_KEYS) {
    const v = role.settings[k];
    if (v !== undefined) items.push({ id: `setting:${k}`, what: `${ROLE_SETTINGS[k].label}: ${show(v)}`, ...codes((x) => x.setting === k), decision: null, reason: null });
  }
  for (const r of role.recordRestrictions ?? []) {
    items.push({ id: `restriction:${r.segment}`, what: `Records restricted by ${r.segment.toLowerCase()}: ${r.restriction}`, ...codes((x) => !!x.setting?.startsWith(`recordRestrictions.${r.segment}`)), decision: null, reason: null });
  }
  for (const [id, h] of [...heldLevels(role.permissions)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (h.level === 'NONE') continue;
    items.push({ id: `permission:${id}`, what: `${catalog.byId(id)?.name ?? id} (${id}) at ${levelLabel(h.level)}`, ...codes((x) => x.permission?.id === id), decision: null, reason: null });
  }
  for (const p of holders ?? []) {
    items.push({ id: `holder:${p.id}`, what: `held by ${p.name ?? `#${p.id}`}${p.email ? ` <${p.email}>` : ''}${p.hasAccess === false ? ' (no access)' : p.inactive ? ' (inactive)' : ''}`, ...codes((x) => x.holder?.id === p.id), decision: null, reason: null });
  }
  return items;
}

/** What keeps a review from being complete. */
export interface ReviewGap {
  kind: 'undecided' | 'no-reason' | 'unsigned' | 'snapshot-changed' | 'items-changed';
  message: string;
}

/** Checks a review against the snapshot it names (`snapshotSha256` as it is now, and the items that snapshot gives). */
export function checkReview(doc: ReviewDoc, now: { snapshotSha256?: string; items?: readonly ReviewItem[] }): ReviewGap[] {
  const gaps: ReviewGap[] = [];
  if (now.snapshotSha256 === undefined) gaps.push({ kind: 'snapshot-changed', message: `the snapshot ${doc.snapshot.file} is missing` });
  else if (now.snapshotSha256 !== doc.snapshot.sha256) gaps.push({ kind: 'snapshot-changed', message: `the snapshot ${doc.snapshot.file} no longer matches the hash the review was made from` });
  if (now.items) {
    const want = new Set(now.items.filter((i) => !i.id.startsWith('holder:')).map((i) => i.id));
    const have = new Set(doc.items.filter((i) => !i.id.startsWith('holder:')).map((i) => i.id));
    const missing = [...want].filter((i) => !have.has(i));
    const extra = [...have].filter((i) => !want.has(i));
    if (missing.length || extra.length) gaps.push({ kind: 'items-changed', message: `the items no longer match the snapshot${missing.length ? `: missing ${missing.join(', ')}` : ''}${extra.length ? `; not in the snapshot ${extra.join(', ')}` : ''}` });
  }
  for (const i of doc.items) {
    if (i.decision === null) gaps.push({ kind: 'undecided', message: `${i.id} (${i.what}): no decision` });
    else if (i.decision !== 'keep' && !i.reason?.trim()) gaps.push({ kind: 'no-reason', message: `${i.id}: '${i.decision}' needs a reason` });
  }
  if (!doc.reviewedBy?.trim()) gaps.push({ kind: 'unsigned', message: 'reviewedBy is not set' });
  if (!doc.reviewedAt) gaps.push({ kind: 'unsigned', message: 'reviewedAt is not set' });
  return gaps;
}

/** A finished review's decisions to change or remove, as steps for an administrator. */
export function remediationLines(doc: ReviewDoc): string[] {
  return doc.items.filter((i) => i.decision === 'change' || i.decision === 'remove').map((i) => `- [ ] ${i.decision === 'remove' ? 'Remove' : 'Change'} ${i.what} on ${doc.role.scriptId ?? doc.role.name ?? doc.role.internalId} (${doc.account}): ${i.reason} (reviewed by ${doc.reviewedBy}, ${doc.reviewedAt})`);
}

/**
 * Waivers for what the reviewer kept although the policy flags it: the reviewer's reason, until the
 * next quarter's review (90 days after the review). As YAML lines for a policy's `waivers:`.
 */
export function waiverLines(doc: ReviewDoc): string[] {
  const until = doc.reviewedAt ? addDays(doc.reviewedAt.slice(0, 10), 90) : undefined;
  return doc.items.filter((i) => i.decision === 'keep' && i.findings?.length && until).flatMap((i) => {
    const [kind, target] = i.id.split(/:(.*)/s);
    const field = kind === 'permission' ? `permission: ${target}` : kind === 'flag' ? `flag: ${target}` : kind === 'setting' ? `setting: ${target}` : kind === 'restriction' ? `setting: ${target}` : `holder: "${target}"`;
    return i.findings!.map((code) => `  - {code: ${code}, ${field}, reason: ${JSON.stringify(`${i.reason ?? 'kept'} (access review by ${doc.reviewedBy}, ${doc.reviewedAt})`)}, expires: ${until}}`);
  });
}
