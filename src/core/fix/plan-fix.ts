/**
 * The fix for an SDF role file: the smallest set of edits that makes the file comply with the
 * policy and pass a deploy's checks, every other byte kept. Pure: the file's text and the policy
 * come in, the edits, the fixed text and what no edit can settle go out. Writing files is the
 * adapters' business (house style: a planner in the core, an adapter that writes, a command).
 */
import { getCatalog, levelLabel, levelRank, type Level } from '../catalog';
import { diffRole } from '../diff';
import type { FailOn, Finding, Policy, RecordRestriction, RolePermission } from '../model';
import { FLAG_LABELS, ROLE_SETTINGS, type SettingKey } from '../model';
import { PLAIN, remediationStep } from '../format/remediation';
import { heldLevels } from '../role/held-levels';
import { compareExportKeys, exportKey, FLAG_SDF, isCustomObject, permissionLines, restrictionLines, sdfPermkey, sdfSettingValue } from '../role/format-sdf';
import { readSdfRoleDocument, type SdfPermissionLine, type SdfRoleDocument } from '../role/sdf';
import { validateSdfRole, type ProjectRecordType } from '../role/validate-sdf';
import { findingFails } from '../verdict';
import { childElements, ownText, xmlEscape, type XmlElement } from '../xml/read-xml';
import type { InputIssue } from '../errors';
import { applyEdits, insertEdit, layoutOf, removeEdit, setTextEdit, type TextEdit } from './xml-edits';
import { describeFinding } from '../format/messages';

/** One change a fix makes, as people and tools read it. */
export interface FixChange {
  action: 'add' | 'raise' | 'lower' | 'remove' | 'set';
  /** A permission ID, an SDF field, or `recordRestrictions.SEGMENT[.box]`. */
  target: string;
  /** "Sales Order (TRAN_SALESORD)", "Web Services Only Role", "Records restricted by department". */
  label: string;
  from?: string;
  to?: string;
  /** Why: the finding codes (or deploy checks) it settles. */
  because: string[];
  /** The line of the original file it changes, or where the new lines go. */
  line: number;
  /** The SDF it writes: the line to add or change. */
  xml?: string;
  /** What to do in NetSuite's UI after the deploy: a deploy adds and changes permission lines but cannot remove them. */
  afterDeploy?: string;
}

/** A fix for one role file. */
export interface FixPlan {
  file: string;
  role: string;
  changes: FixChange[];
  /** The fixed text (the original when nothing changes). */
  text: string;
  /** What still fails after the fix (findings at --fail-on, deploy checks), each with why no edit settles it. */
  remaining: Array<{ code: string; message: string; why: string }>;
}

/** What a fix needs besides the policy and the file. */
export interface FixOptions {
  today: string;
  failOn?: FailOn;
  /** Custom record type files of the same project (both sides of a custom record permission). */
  recordTypes?: readonly ProjectRecordType[];
}

type Desired = { remove: true; because: string[]; finding?: Finding } | { level: Level; because: string[]; finding?: Finding };

const NAME = (id: string) => {
  const p = getCatalog().byId(id);
  return p && p.name !== id ? `${p.name} (${id})` : id;
};

/** The level a policy wants for a held level: within its min and max. */
function clamp(level: Level, min: Level | undefined, max: Level | undefined): Level {
  if (min && levelRank(level) < levelRank(min)) return min;
  if (max && levelRank(level) > levelRank(max)) return max;
  return level;
}

/** The highest level the permission offers at or below `level` (NONE when none). */
function offeredAtOrBelow(id: string, level: Level): Level {
  const offered = getCatalog().byId(id)?.levels;
  if (!offered?.length || offered.includes(level)) return level;
  return [...offered].reverse().find((l) => levelRank(l) <= levelRank(level)) ?? 'NONE';
}

/** Which findings a fix settles: those that fail the run at --fail-on, and what a file can make known. */
function toFix(f: Finding, failOn: FailOn): boolean {
  if (f.accepted) return false;
  return findingFails(f, failOn);
}

/**
 * Plans the fix of an SDF role file (see the module comment). The policy's findings that fail at
 * `failOn` are settled where an edit can settle them; the file is also made to pass a deploy's
 * checks (levels the permission offers, no duplicate lines, restrictions only on custom objects).
 * The fixed text is read again, checked and audited, and what still fails is `remaining`.
 */
export function planFix(policy: Policy, doc: SdfRoleDocument, opts: FixOptions): FixPlan {
  const failOn = opts.failOn ?? 'error';
  const layout = layoutOf(doc.text);
  const { findings } = diffRole(policy, doc.role, { today: opts.today });
  const open = findings.filter((f) => toFix(f, failOn));
  const edits: TextEdit[] = [];
  const changes: FixChange[] = [];
  const lineOf = (offset: number) => doc.text.slice(0, offset).split('\n').length;
  /** Adds an insertion; the line of the original file where the new text goes. */
  const insert = (edit: TextEdit) => {
    edits.push(edit);
    return lineOf(edit.start);
  };

  // ---- permissions: one decision per permission key
  const held = heldLevels(doc.role.permissions);
  const desired = new Map<string, Desired>();
  const rules = new Map(policy.rules.map((r) => [r.id, r]));
  const allow = new Map(policy.allow.map((a) => [a.id, a]));
  for (const f of open) {
    const id = f.permission?.id;
    if (!id) continue;
    const because = [f.code];
    if (f.code === 'PERMISSION_MISSING' || f.code === 'LEVEL_TOO_LOW') desired.set(id, { level: f.expectedMin!, because, finding: f });
    else if (f.code === 'LEVEL_ABOVE_MAX') desired.set(id, f.expectedMax === 'NONE' ? { remove: true, because, finding: f } : { level: f.expectedMax!, because, finding: f });
    else if (f.code === 'PERMISSION_EXCESS') desired.set(id, { remove: true, because, finding: f });
    else if (f.code === 'NOT_VERIFIABLE' && held.get(id)?.readings) {
      // Lines that disagree: keep one, at the highest level the policy allows of those listed.
      const h = held.get(id)!;
      const rule = rules.get(id);
      const allowance = allow.get(id);
      if (rule) desired.set(id, { level: clamp(h.level, rule.min, rule.max), because, finding: f });
      else if (allowance) desired.set(id, allowance.max === 'NONE' ? { remove: true, because } : { level: clamp(h.level, undefined, allowance.max), because, finding: f });
      else desired.set(id, { remove: true, because, finding: f });
    }
  }
  const linesOf = new Map<string, SdfPermissionLine[]>();
  for (const l of doc.permissionLines) linesOf.set(l.permission.permkey, [...(linesOf.get(l.permission.permkey) ?? []), l]);

  const adds: Array<{ id: string; level: Level; because: string[]; restriction?: string }> = [];
  for (const [id, lines] of linesOf) {
    const want = desired.get(id);
    const [keep, ...extra] = lines;
    const current = held.get(id)!;
    if (want && 'remove' in want) {
      for (const l of lines) edits.push(removeEdit(doc.text, l.element));
      // The checklist's own step, where on the role page it is made: a deploy cannot remove the line.
      const step = want.finding ? remediationStep(want.finding, PLAIN) : undefined;
      const afterDeploy = step ? `${step.section}: ${step.text}` : undefined;
      changes.push({ action: 'remove', target: id, label: NAME(id), from: levelLabel(current.level), because: want.because, line: lineOf(keep.element.start), ...(afterDeploy ? { afterDeploy } : {}) });
      continue;
    }
    // Duplicates: one line stays (a deploy refuses duplicate rows).
    for (const l of extra) edits.push(removeEdit(doc.text, l.element));
    if (extra.length) changes.push({ action: 'remove', target: id, label: `${NAME(id)}, repeated line${extra.length === 1 ? '' : 's'}`, because: ['DUPLICATE_PERMISSION'], line: lineOf(extra[0].element.start) });
    // A level the permission does not offer is lowered to one it does (a deploy refuses it); a line
    // at None that the permission does not offer says nothing a missing line would not.
    const offered = getCatalog().byId(id)?.levels;
    const unoffered = !!offered?.length && !offered.includes(keep.permission.level);
    const target = want ? want.level : offeredAtOrBelow(id, keep.permission.level);
    if (target !== keep.permission.level || unoffered) {
      if (target === 'NONE' && !want) {
        edits.push(removeEdit(doc.text, keep.element));
        changes.push({ action: 'remove', target: id, label: NAME(id), from: levelLabel(keep.permission.level), because: ['IMPOSSIBLE_LEVEL'], line: lineOf(keep.element.start) });
        continue;
      }
      edits.push(setTextEdit(keep.permlevel, target));
      const up = levelRank(target) > levelRank(keep.permission.level);
      changes.push({ action: up ? 'raise' : 'lower', target: id, label: NAME(id), from: levelLabel(keep.permission.level), to: levelLabel(target), because: want?.because ?? ['IMPOSSIBLE_LEVEL'], line: lineOf(keep.permlevel.start), xml: `<permlevel>${target}</permlevel>` });
    }
    restrictionEdits(keep, id);
  }
  for (const [id, want] of desired) {
    if (linesOf.has(id) || 'remove' in want) continue;
    const rule = rules.get(id);
    adds.push({ id, level: want.level, because: want.because, ...(rule?.restriction && rule.restriction !== 'NONE' && isCustomObject(id) ? { restriction: rule.restriction } : {}) });
  }

  /** The permission line's Restrict column: as the policy pins it (custom objects only), never on a standard permission. */
  function restrictionEdits(line: SdfPermissionLine, id: string): void {
    const pinned = rules.get(id)?.restriction;
    const written = line.restriction ? ownText(line.restriction).trim().toUpperCase() : '';
    if (!isCustomObject(id)) {
      if (written && pinned === undefined) {
        edits.push(removeEdit(doc.text, line.restriction!));
        changes.push({ action: 'remove', target: id, label: `${NAME(id)}, restriction ${written}`, because: ['RESTRICTION_NOT_ALLOWED'], line: lineOf(line.restriction!.start) });
      }
      return;
    }
    if (pinned === undefined || (pinned === 'NONE' ? written === '' : written === pinned)) return;
    const value = pinned === 'NONE' ? '' : pinned;
    let at: number;
    if (line.restriction) {
      edits.push(setTextEdit(line.restriction, xmlEscape(value)));
      at = lineOf(line.restriction.start);
    } else at = insert(insertEdit(doc.text, layout, line.element, undefined, [{ depth: 0, text: `<restriction>${xmlEscape(value)}</restriction>` }]));
    changes.push({ action: 'set', target: id, label: `${NAME(id)}, restriction`, from: written || 'NONE', to: pinned, because: ['PERMISSION_RESTRICTION_MISMATCH'], line: at, xml: `<restriction>${value}</restriction>` });
  }

  if (adds.length) addPermissions(adds);

  function addPermissions(list: typeof adds): void {
    list.sort((a, b) => compareExportKeys(exportKey(a.id), exportKey(b.id)));
    const multiline = doc.permissionLines[0] ? doc.text.slice(doc.permissionLines[0].element.start, doc.permissionLines[0].element.end).includes('\n') : true;
    const render = (p: RolePermission) => {
      const lines = permissionLines(p);
      return multiline ? lines : [{ depth: 0, text: lines.map((l) => l.text).join('') }];
    };
    if (!doc.permissions) {
      // No <permissions> yet: the whole block goes after the role's fields, where exports put it.
      const body = list.flatMap((p) => render({ permkey: p.id, level: p.level, ...(p.restriction ? { restriction: p.restriction } : {}) }).map((l) => ({ depth: l.depth + 1, text: l.text })));
      const before = doc.recordRestrictions;
      const at = insert(insertEdit(doc.text, layout, doc.root, before, [{ depth: 0, text: '<permissions>' }, ...body, { depth: 0, text: '</permissions>' }]));
      for (const p of list) changes.push(addChange(p, at));
      return;
    }
    const existing = doc.permissionLines.map((l) => ({ l, key: exportKey(l.permission.permkey) }));
    for (const p of list) {
      const next = existing.find((x) => compareExportKeys(x.key, exportKey(p.id)) > 0)?.l.element;
      const at = insert(insertEdit(doc.text, layout, doc.permissions, next, render({ permkey: p.id, level: p.level, ...(p.restriction ? { restriction: p.restriction } : {}) })));
      changes.push(addChange(p, at));
    }
  }

  function addChange(p: (typeof adds)[number], line: number): FixChange {
    return { action: 'add', target: p.id, label: NAME(p.id), to: levelLabel(p.level), because: p.because, line, xml: `<permkey>${xmlEscape(sdfPermkey({ permkey: p.id }))}</permkey><permlevel>${p.level}</permlevel>` };
  }

  // ---- role fields: flags and settings the policy pins
  const fieldValues = new Map<string, { value: string; label: string; because: string[] }>();
  for (const f of open) {
    if (f.flag && (f.code === 'FLAG_MISMATCH' || f.code === 'ROLE_INACTIVE' || (f.code === 'NOT_VERIFIABLE' && f.expectedFlag !== undefined))) {
      fieldValues.set(FLAG_SDF[f.flag], { value: f.expectedFlag ? 'T' : 'F', label: FLAG_LABELS[f.flag], because: [f.code] });
    }
    if (f.setting && !f.setting.startsWith('recordRestrictions.') && f.setting !== 'restriction' && (f.code === 'SETTING_MISMATCH' || f.code === 'NOT_VERIFIABLE')) {
      const rule = policy.settings.find((s) => s.key === f.setting);
      if (!rule) continue;
      const def = ROLE_SETTINGS[rule.key as SettingKey];
      fieldValues.set(def.sdf, { value: sdfSettingValue(def.type, rule.values[0]), label: def.label, because: [f.code] });
    }
  }
  const fieldOrder = [...childElements(doc.root)].filter((e) => e.name !== 'permissions' && e.name !== 'recordrestrictions');
  for (const [element, v] of [...fieldValues].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const existing = doc.fields.get(element);
    // NetSuite does not let a saved role's center type change: that finding stays (remaining says why).
    if (element === 'centertype' && existing && ownText(existing).trim()) continue;
    if (existing) {
      edits.push(setTextEdit(existing, xmlEscape(v.value)));
      changes.push({ action: 'set', target: element, label: v.label, from: ownText(existing).trim(), to: v.value, because: v.because, line: lineOf(existing.start), xml: `<${element}>${v.value}</${element}>` });
    } else {
      // Exports list the role's fields in alphabetical order, before <permissions>.
      const before = fieldOrder.find((e) => e.name > element) ?? doc.permissions ?? doc.recordRestrictions;
      const at = insert(insertEdit(doc.text, layout, doc.root, before, [{ depth: 0, text: `<${element}>${xmlEscape(v.value)}</${element}>` }]));
      changes.push({ action: 'set', target: element, label: v.label, to: v.value, because: v.because, line: at, xml: `<${element}>${v.value}</${element}>` });
    }
  }

  // ---- record restrictions the policy pins
  restrictionChanges();
  function restrictionChanges(): void {
    const segments = new Set(open.filter((f) => f.setting?.startsWith('recordRestrictions.') && (f.code === 'RECORD_RESTRICTION_MISMATCH' || f.code === 'NOT_VERIFIABLE')).map((f) => f.setting!.split('.')[1]));
    const newLines: Array<RecordRestriction & { because: string[] }> = [];
    for (const seg of segments) {
      const rule = policy.recordRestrictions.find((r) => r.segment === seg);
      if (!rule) continue;
      const line = doc.restrictionLines.find((l) => l.restriction.segment === seg);
      const because = [...new Set(open.filter((f) => f.setting?.startsWith(`recordRestrictions.${seg}`)).map((f) => f.code))];
      if (rule.restriction === 'NONE') {
        if (!line) continue;
        edits.push(removeEdit(doc.text, line.element));
        const f = open.find((x) => x.setting === `recordRestrictions.${seg}`);
        const step = f ? remediationStep(f, PLAIN) : undefined;
        changes.push({ action: 'remove', target: `recordRestrictions.${seg}`, label: `Records restricted by ${seg.toLowerCase()}`, from: line.restriction.restriction, because, line: lineOf(line.element.start), ...(step ? { afterDeploy: `${step.section}: ${step.text} (whether a deploy removes it is unconfirmed: check)` } : {}) });
        continue;
      }
      if (!line) {
        newLines.push({ segment: seg, restriction: rule.restriction, viewingAllowed: rule.viewingAllowed ?? false, itemsRestricted: rule.itemsRestricted ?? false, because });
        continue;
      }
      setRestrictionField(line.element, line.fields.get('restriction'), 'restriction', rule.restriction, line.restriction.restriction, seg, because);
      for (const box of ['viewingAllowed', 'itemsRestricted'] as const) {
        if (rule[box] === undefined || rule[box] === line.restriction[box]) continue;
        const element = box.toLowerCase();
        setRestrictionField(line.element, line.fields.get(element), element, rule[box] ? 'T' : 'F', line.restriction[box] === undefined ? undefined : line.restriction[box] ? 'T' : 'F', `${seg}.${box}`, because);
      }
    }
    if (newLines.length) addRestrictionLines(newLines);
  }

  function setRestrictionField(parent: XmlElement, e: XmlElement | undefined, element: string, value: string, from: string | undefined, target: string, because: string[]): void {
    let at: number;
    if (e) {
      edits.push(setTextEdit(e, xmlEscape(value)));
      at = lineOf(e.start);
    } else {
      const before = childElements(parent).find((c) => c.name > element);
      at = insert(insertEdit(doc.text, layout, parent, before, [{ depth: 0, text: `<${element}>${xmlEscape(value)}</${element}>` }]));
    }
    changes.push({ action: 'set', target: `recordRestrictions.${target}`, label: `Records restricted by ${target.toLowerCase()}`, ...(from !== undefined ? { from } : {}), to: value, because, line: at, xml: `<${element}>${value}</${element}>` });
  }

  function addRestrictionLines(lines: Array<RecordRestriction & { because: string[] }>): void {
    const rendered = lines.flatMap(({ because: _, ...r }) => restrictionLines(r));
    const at = doc.recordRestrictions
      ? insert(insertEdit(doc.text, layout, doc.recordRestrictions, undefined, rendered))
      : insert(insertEdit(doc.text, layout, doc.root, undefined, [{ depth: 0, text: '<recordrestrictions>' }, ...rendered.map((l) => ({ depth: l.depth + 1, text: l.text })), { depth: 0, text: '</recordrestrictions>' }]));
    for (const r of lines) changes.push({ action: 'add', target: `recordRestrictions.${r.segment}`, label: `Records restricted by ${r.segment.toLowerCase()}`, to: r.restriction, because: r.because, line: at, xml: `<segment>${r.segment}</segment> <restriction>${r.restriction}</restriction>` });
  }

  const text = edits.length ? applyEdits(doc.text, edits) : doc.text;
  return { file: doc.file, role: doc.role.scriptId ?? '', changes: changes.sort((a, b) => a.line - b.line), text, remaining: remainingAfter(policy, doc.file, text, opts, failOn) };
}

/** Reads the fixed text again, checks it as a deploy would and audits it: what still fails, and why no edit settled it. */
function remainingAfter(policy: Policy, file: string, text: string, opts: FixOptions, failOn: FailOn): FixPlan['remaining'] {
  const fixed = readSdfRoleDocument(file, text);
  const deploy = validateSdfRole(fixed, { recordTypes: opts.recordTypes }).map((i: InputIssue) => ({ code: i.code, message: `line ${i.loc.line}: ${i.message}`, why: whyNoEdit(i.code) }));
  const audit = diffRole(policy, fixed.role, { today: opts.today }).findings.filter((f) => toFix(f, failOn)).map((f) => ({ code: f.code, message: describeFinding(f), why: whyNoEdit(f.code, f) }));
  return [...deploy, ...audit];
}

function whyNoEdit(code: string, f?: Finding): string {
  switch (code) {
    case 'SOD_CONFLICT': return 'which side of a segregation-of-duties conflict to give up is a decision for people: remove one side, or waive it with a reason';
    case 'RISKY_PERMISSION': return 'a risk the policy neither requires nor lists as excess: remove it, or require it in the policy to acknowledge it';
    case 'PERMISSION_RESTRICTION_MISMATCH': return 'SDF takes <restriction> only on custom objects\' permissions: set it on the role page';
    case 'FIELD_REQUIRED': return 'a value only the role\'s owner knows: pin it in the policy (settings:) or write it into the file';
    case 'ONE_SIDED_CUSTOM_RECORD': return 'the custom record type file must grant the role the same level: change that file too';
    case 'SCRIPT_ID_INVALID': return 'a role\'s script id cannot change';
    case 'NOT_VERIFIABLE': return `${f?.detail ?? 'the file does not show it'}`;
    case 'SETTING_MISMATCH':
      if (f?.setting === 'centerType') return 'NetSuite does not let a saved role\'s center type change: make a new role with the center type the policy wants';
      return 'no edit of the role file settles it';
    default: return 'no edit of the role file settles it';
  }
}

