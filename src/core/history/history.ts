/**
 * A role's history from the tool's own dated reads: the snapshots kept when the role changed, and
 * the times of every read. NetSuite does not record changes on a role's permission subtabs (its
 * system notes track the main fields only), so comparing dated reads is the exact history; who
 * made a change is best effort (history --who). Pure: snapshots and read times come in.
 */
import { levelLabel, getCatalog } from '../catalog';
import { FLAG_LABELS, FLAGS, ROLE_SETTINGS, SETTING_KEYS, type Finding, type RoleSnapshot } from '../model';
import { canonicalRole } from '../role/canonical';
import { heldLevels } from '../role/held-levels';

/** One kept snapshot: when it was read, and the role as read. */
interface HistorySnapshot {
  at: string;
  file: string;
  role: RoleSnapshot;
}

/** What is kept of one role in one account. */
export interface RoleHistory {
  account: string;
  role: string;
  /** Oldest first. */
  snapshots: HistorySnapshot[];
  /** Every read (ISO times), oldest first: a read that found the role unchanged keeps no snapshot. */
  reads: string[];
}

/** One difference between two consecutive snapshots. */
export interface HistoryChange {
  kind: 'permission' | 'flag' | 'setting' | 'restriction' | 'name';
  /** Permission ID, flag, setting key, `recordRestrictions.SEGMENT`, or `name`. */
  target: string;
  label: string;
  from: string | null;
  to: string | null;
  /** Whether NetSuite's system notes record such a change (main fields: yes; the subtabs: no). */
  inSystemNotes: boolean;
}

/** The changes between two snapshots, with the last read that saw the old role and the first that saw the new. */
export interface HistoryStep {
  lastSeenBefore: string;
  firstSeenAfter: string;
  fromFile: string;
  toFile: string;
  changes: HistoryChange[];
}

/** The text two equal roles share (no read time, no origin). */
export function roleContent(role: RoleSnapshot): string {
  return JSON.stringify(canonicalRole(role));
}

const show = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'boolean' ? (v ? 'checked' : 'unchecked') : String(v));

/** Every difference between two reads of one role, in a fixed order. */
function roleChanges(a: RoleSnapshot, b: RoleSnapshot): HistoryChange[] {
  const out: HistoryChange[] = [];
  if ((a.name ?? null) !== (b.name ?? null)) out.push({ kind: 'name', target: 'name', label: 'Name', from: a.name ?? null, to: b.name ?? null, inSystemNotes: true });
  for (const f of FLAGS) {
    if (a.flags[f] !== b.flags[f]) out.push({ kind: 'flag', target: f, label: FLAG_LABELS[f], from: show(a.flags[f]), to: show(b.flags[f]), inSystemNotes: true });
  }
  for (const k of SETTING_KEYS) {
    if (a.settings[k] !== b.settings[k]) out.push({ kind: 'setting', target: k, label: ROLE_SETTINGS[k].label, from: show(a.settings[k]), to: show(b.settings[k]), inSystemNotes: true });
  }
  const seg = (r: RoleSnapshot) => new Map((r.recordRestrictions ?? []).map((x) => [x.segment, `${x.restriction}${x.viewingAllowed ? ', viewing allowed' : ''}${x.itemsRestricted ? ', items restricted' : ''}`]));
  const sa = seg(a);
  const sb = seg(b);
  for (const s of [...new Set([...sa.keys(), ...sb.keys()])].sort()) {
    if (sa.get(s) !== sb.get(s)) out.push({ kind: 'restriction', target: `recordRestrictions.${s}`, label: `Records restricted by ${s.toLowerCase()}`, from: sa.get(s) ?? null, to: sb.get(s) ?? null, inSystemNotes: false });
  }
  const pa = heldLevels(a.permissions);
  const pb = heldLevels(b.permissions);
  const catalog = getCatalog();
  for (const id of [...new Set([...pa.keys(), ...pb.keys()])].sort()) {
    const x = pa.get(id)?.level;
    const y = pb.get(id)?.level;
    if (x !== y) out.push({ kind: 'permission', target: id, label: `${catalog.byId(id)?.name ?? id} (${id})`, from: x ? levelLabel(x) : null, to: y ? levelLabel(y) : null, inSystemNotes: false });
  }
  return out;
}

/** The steps of a role's history (from `since`, YYYY-MM-DD or an ISO time, when given). */
export function historySteps(h: RoleHistory, since?: string): HistoryStep[] {
  const steps: HistoryStep[] = [];
  for (let i = 1; i < h.snapshots.length; i++) {
    const before = h.snapshots[i - 1];
    const after = h.snapshots[i];
    if (since && after.at < since) continue;
    const lastSeenBefore = h.reads.filter((r) => r < after.at).pop() ?? before.at;
    steps.push({ lastSeenBefore, firstSeenAfter: after.at, fromFile: before.file, toFile: after.file, changes: roleChanges(before.role, after.role) });
  }
  return steps;
}

/** What a finding is about, read off a role: a permission's level, a flag, a setting or a restriction. */
function valueFor(f: Finding, role: RoleSnapshot): string | undefined | null {
  if (f.permission) return heldLevels(role.permissions).get(f.permission.id)?.level ?? 'NONE';
  if (f.flag) return show(role.flags[f.flag]);
  if (f.setting?.startsWith('recordRestrictions.')) {
    const [, segment, box] = f.setting.split('.');
    const line = role.recordRestrictions?.find((r) => r.segment === segment);
    return line ? (box ? show(line[box as 'viewingAllowed' | 'itemsRestricted']) : line.restriction) : 'NONE';
  }
  if (f.setting && f.setting in ROLE_SETTINGS) return show(role.settings[f.setting as keyof typeof ROLE_SETTINGS]);
  return undefined;
}

/**
 * When what a finding is about first looked as it looks now: the first snapshot of the latest
 * unbroken run that agrees with the current role. `historyStart` when the history begins that way
 * (it may be older). Undefined for findings about no single value, or without history.
 */
function firstSeenOf(f: Finding, current: RoleSnapshot, h: RoleHistory | undefined): Finding['firstSeen'] {
  if (!h?.snapshots.length) return undefined;
  const now = valueFor(f, current);
  if (now === undefined) return undefined;
  let at: string | undefined;
  for (let i = h.snapshots.length - 1; i >= 0; i--) {
    if (valueFor(f, h.snapshots[i].role) !== now) return at ? { at, historyStart: false } : undefined;
    at = h.snapshots[i].at;
  }
  return at ? { at, historyStart: true } : undefined;
}

/** An audit's findings, each with when it first appeared, from the role's history. */
export function withFirstSeen<T extends { findings: Finding[] }>(result: T, current: RoleSnapshot, h: RoleHistory | undefined): T {
  if (!h?.snapshots.length) return result;
  return { ...result, findings: result.findings.map((f) => {
    const firstSeen = firstSeenOf(f, current, h);
    return firstSeen ? { ...f, firstSeen } : f;
  }) };
}
