import { LEVELS, parsePermkey, permkeyProblem, wordProblem, type Level } from '../catalog';
import { AuditError, type InputIssue } from '../errors';
import { FLAGS, ROLE_SETTINGS, SETTING_KEYS, type FlagName, type RecordRestriction, type RoleFlags, type RolePermission, type RoleSettings, type RoleSnapshot, type SettingKey } from '../model';
import { childElements, ownText, readXml, xmlTrim, type XmlElement } from '../xml/read-xml';

/** SDF element -> flag. */
export const FLAG_ELEMENTS: Record<string, FlagName> = {
  iswebserviceonlyrole: 'webServicesOnly',
  employeeselectionunrestricted: 'doNotRestrictEmployeeFields',
  isinactive: 'inactive',
};
const SETTING_BY_ELEMENT = new Map<string, SettingKey>(SETTING_KEYS.map((k) => [ROLE_SETTINGS[k].sdf, k]));
/** What a `<permission>` and a `<recordrestriction>` may hold, each at most once. */
const PERMISSION_FIELDS = new Set(['permkey', 'permlevel', 'restriction']);
const RESTRICTION_FIELDS = new Set(['segment', 'restriction', 'viewingallowed', 'itemsrestricted']);

/** One `<permission>` line of a role file, with the elements a fix rewrites. */
export interface SdfPermissionLine {
  element: XmlElement;
  permkey: XmlElement;
  permlevel: XmlElement;
  restriction?: XmlElement;
  /** The permission as the role snapshot holds it. */
  permission: RolePermission;
}

/** One `<recordrestriction>` of a role file. */
interface SdfRestrictionLine {
  element: XmlElement;
  fields: Map<string, XmlElement>;
  restriction: RecordRestriction;
}

/**
 * A role file as read: the snapshot, and where each part stands in the text (for findings that
 * point at a line, and for `fix`, which rewrites parts in place and keeps every other byte).
 */
export interface SdfRoleDocument {
  file: string;
  text: string;
  role: RoleSnapshot;
  root: XmlElement;
  /** Role-level leaf elements (name, flags, settings, custom fields) by element name. */
  fields: Map<string, XmlElement>;
  permissions?: XmlElement;
  permissionLines: SdfPermissionLine[];
  recordRestrictions?: XmlElement;
  restrictionLines: SdfRestrictionLine[];
}

type Fail = (message: string, offset: number, suggestion?: string) => never;
/** What the readers below share: how to fail at an offset, and the line of an offset. */
interface Ctx {
  fail: Fail;
  lineOf(offset: number): number;
}

/** SDF booleans are T/F; an absent field is false (NetSuite's default); anything else is unknown. */
function bool(e: XmlElement | undefined): boolean | undefined {
  if (!e) return false;
  const s = xmlTrim(ownText(e));
  if (/^(t|true)$/i.test(s)) return true;
  if (/^(f|false)$/i.test(s)) return false;
  return undefined;
}

/** A setting's value as the model keeps it: booleans, enum words in upper case, custom centers by script id. */
function settingValue(type: 'boolean' | 'enum' | 'text', e: XmlElement): boolean | string | undefined {
  if (type === 'boolean') return bool(e);
  const s = xmlTrim(ownText(e));
  // A text field written empty is known to be empty (no parent role), unlike one left out.
  if (type === 'text') return s;
  if (!s) return undefined;
  const custom = /^\[scriptid=(.+)\]$/i.exec(s);
  return custom ? xmlTrim(custom[1]).toLowerCase() : s.toUpperCase();
}

/**
 * The child elements of `parent`, each name at most once: a repeated element is an error at the
 * second one (NetSuite keeps one value; which one is not ours to guess). Text beside elements
 * and names outside `allowed` (when given) are errors too.
 */
function fieldsOf(parent: XmlElement, { fail, lineOf }: Ctx, allowed?: ReadonlySet<string>): Map<string, XmlElement> {
  const fields = new Map<string, XmlElement>();
  for (const c of parent.children) {
    if (c.kind === 'text' && xmlTrim(c.value)) fail(`text directly inside <${parent.name}>`, c.start, 'put values inside their elements');
    if (c.kind !== 'element') continue;
    const first = fields.get(c.name);
    if (first) fail(`<${c.name}> appears twice in <${parent.name}> (first at line ${lineOf(first.start)})`, c.start, 'keep one: a role holds one value for each field');
    if (allowed && !allowed.has(c.name)) fail(`<${c.name}> is not a field of <${parent.name}>; it holds ${[...allowed].map((a) => `<${a}>`).join(', ')}`, c.start);
    fields.set(c.name, c);
  }
  return fields;
}

/** A word NetSuite writes (a segment, a restriction) is letters, digits and underscores: anything else is refused. */
function word(e: XmlElement, fail: Fail): string {
  const value = leafText(e, fail).toUpperCase();
  const problem = value ? wordProblem(value) : undefined;
  if (problem) fail(`<${e.name}> ${problem.message}`, e.start, problem.suggestion);
  return value;
}

/** A leaf field's text; an element inside it is an error. */
function leafText(e: XmlElement, fail: Fail): string {
  const inner = childElements(e)[0];
  if (inner) fail(`<${e.name}> holds an element <${inner.name}>; it takes a value`, inner.start);
  return xmlTrim(ownText(e));
}

function readPermissionLine(e: XmlElement, ctx: Ctx): SdfPermissionLine {
  const { fail } = ctx;
  if (e.name !== 'permission') fail(`<${e.name}> inside <permissions>; it holds <permission> elements`, e.start);
  const f = fieldsOf(e, ctx, PERMISSION_FIELDS);
  const keyEl = f.get('permkey');
  const levelEl = f.get('permlevel');
  if (!keyEl) return fail('<permission> without a <permkey>', e.start);
  const rawKey = leafText(keyEl, fail);
  if (!rawKey) fail('an empty <permkey>', keyEl.start);
  if (!levelEl) return fail(`permission ${rawKey}: no <permlevel>`, e.start, 'add <permlevel>NONE|VIEW|CREATE|EDIT|FULL</permlevel>');
  const levelWord = leafText(levelEl, fail).toUpperCase();
  if (!(LEVELS as readonly string[]).includes(levelWord)) fail(`permission ${rawKey}: unknown <permlevel> ${JSON.stringify(xmlTrim(ownText(levelEl)))}`, levelEl.start, 'use NONE, VIEW, CREATE, EDIT or FULL');
  const restrictionEl = f.get('restriction');
  const restriction = restrictionEl ? word(restrictionEl, fail) : '';
  const key = parsePermkey(rawKey);
  // A key of no known form would be an uncatalogued permission of its own: a reference, an
  // invisible character or a look-alike letter would move a banned permission out of its rule.
  const problem = permkeyProblem(rawKey, key);
  if (problem) fail(`<permkey> ${problem.message}`, keyEl.start, problem.suggestion);
  const permission: RolePermission = { permkey: key.id, level: levelWord as Level, ...(restriction ? { restriction } : {}), ...(key.appId ? { appId: key.appId } : {}) };
  return { element: e, permkey: keyEl, permlevel: levelEl, ...(restrictionEl ? { restriction: restrictionEl } : {}), permission };
}

function readRestrictionLine(e: XmlElement, ctx: Ctx): SdfRestrictionLine {
  const { fail } = ctx;
  if (e.name !== 'recordrestriction') fail(`<${e.name}> inside <recordrestrictions>; it holds <recordrestriction> elements`, e.start);
  const fields = fieldsOf(e, ctx, RESTRICTION_FIELDS);
  for (const [, el] of fields) leafText(el, fail);
  const segment = fields.get('segment') && word(fields.get('segment')!, fail);
  const restriction = fields.get('restriction') && word(fields.get('restriction')!, fail);
  // A line without its segment or restriction would otherwise vanish: fewer restrictions read than written.
  if (!segment) fail('<recordrestriction> without a <segment>', e.start, 'add <segment>DEPARTMENT|CLASS|LOCATION</segment>');
  if (!restriction) fail(`<recordrestriction> for ${segment} without a <restriction>`, e.start);
  // Absent booleans are unchecked, as everywhere else in an SDF file.
  return { element: e, fields, restriction: { segment: segment!, restriction: restriction!, viewingAllowed: bool(fields.get('viewingallowed')), itemsRestricted: bool(fields.get('itemsrestricted')) } };
}

/** The line of each part a fix changes, by the key findings use (the first line of each permission). */
function elementLines(doc: Omit<SdfRoleDocument, 'role'>, lineOf: (o: number) => number): Record<string, number> {
  const lines: Record<string, number> = { role: lineOf(doc.root.start) };
  if (doc.permissions) lines.permissions = lineOf(doc.permissions.start);
  if (doc.recordRestrictions) lines.recordRestrictions = lineOf(doc.recordRestrictions.start);
  for (const [name, e] of doc.fields) {
    const key = FLAG_ELEMENTS[name] ?? SETTING_BY_ELEMENT.get(name);
    if (key) lines[key] = lineOf(e.start);
  }
  for (const l of doc.permissionLines) if (!(l.permission.permkey in lines)) lines[l.permission.permkey] = lineOf(l.permkey.start);
  return lines;
}

/**
 * Reads one SDF `customrole` XML file: every field it holds, and where each stands. Pure; throws
 * AuditError ROLE_FILE_INVALID with a positioned issue for anything it would have to guess at:
 * XML that is not well-formed, a DOCTYPE, an undefined entity, a repeated field, a field inside a
 * field, a permission or restriction without its key parts.
 */
export function readSdfRoleDocument(file: string, text: string): SdfRoleDocument {
  const failAt = (message: string, line: number, column: number, suggestion?: string): never => {
    const issue: InputIssue = { code: 'ROLE_FILE_INVALID', message, loc: { file, line, column }, ...(suggestion ? { suggestion } : {}) };
    throw new AuditError('ROLE_FILE_INVALID', `${file}:${line}:${column}: ${message}`, { issues: [issue] });
  };
  const starts = lineStarts(text);
  const lineOf = (offset: number) => lineAtOffset(starts, offset);
  const fail: Fail = (message, offset, suggestion) => {
    const line = lineOf(offset);
    return failAt(message, line, offset - starts[line - 1] + 1, suggestion);
  };
  const ctx: Ctx = { fail, lineOf };
  const read = readXml(text);
  if (read.error) return failAt(`not well-formed XML: ${read.error.message}`, read.error.line, read.error.column);
  const root = read.root;
  if (root.name !== 'role') fail(`expected a <role> root element, found <${root.name}>`, root.start, 'SDF role files look like <role scriptid="customrole_x">...</role>');
  const scriptId = xmlTrim(root.attributes.find((a) => a.name === 'scriptid')?.value ?? '') || undefined;
  if (!scriptId) fail('<role> has no scriptid attribute', root.start);

  const all = fieldsOf(root, ctx);
  const fields = new Map<string, XmlElement>();
  const flags: RoleFlags = {};
  const settings: RoleSettings = {};
  const customFields: Record<string, string> = {};
  for (const [name, e] of all) {
    if (name === 'permissions' || name === 'recordrestrictions') continue;
    const value = leafText(e, fail);
    fields.set(name, e);
    const flag = FLAG_ELEMENTS[name];
    const setting = SETTING_BY_ELEMENT.get(name);
    if (flag) flags[flag] = bool(e);
    else if (setting) (settings as Record<string, unknown>)[setting] = settingValue(ROLE_SETTINGS[setting].type, e);
    else if (name !== 'name') customFields[name] = value;
  }
  // Absent flags and boolean settings take NetSuite's default (unchecked), as an SDF deploy
  // would set them; an absent enum or text setting stays unknown.
  for (const f of FLAGS) if (!(f in flags)) flags[f] = false;
  for (const k of SETTING_KEYS) {
    if (!(k in settings) && ROLE_SETTINGS[k].type === 'boolean') (settings as Record<string, unknown>)[k] = false;
    if (settings[k] === undefined) delete settings[k];
  }
  const permissions = all.get('permissions');
  const recordRestrictions = all.get('recordrestrictions');
  const section = (e: XmlElement | undefined) => {
    if (e) for (const c of e.children) if (c.kind === 'text' && xmlTrim(c.value)) fail(`text directly inside <${e.name}>`, c.start);
    return e ? childElements(e) : [];
  };
  const permissionLines = section(permissions).map((e) => readPermissionLine(e, ctx));
  const restrictionLines = section(recordRestrictions).map((e) => readRestrictionLine(e, ctx));
  const name = fields.get('name') && xmlTrim(ownText(fields.get('name')!));
  const parts = { file, text, root, fields, permissionLines, restrictionLines, ...(permissions ? { permissions } : {}), ...(recordRestrictions ? { recordRestrictions } : {}) };
  const role: RoleSnapshot = {
    scriptId: scriptId!.toLowerCase(),
    ...(name ? { name } : {}),
    flags,
    settings,
    recordRestrictions: restrictionLines.map((l) => l.restriction),
    ...(Object.keys(customFields).length ? { customFields } : {}),
    permissions: permissionLines.map((l) => l.permission),
    evidence: 'definition',
    origin: file,
    lines: elementLines(parts, lineOf),
  };
  return { ...parts, role };
}

/** Parses one SDF `customrole` XML file into a role snapshot: every field it holds. Pure; throws AuditError ROLE_FILE_INVALID. */
export function parseSdfRole(file: string, text: string): RoleSnapshot {
  return readSdfRoleDocument(file, text).role;
}

/** Where each line starts, from one pass (parsing stays linear). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAtOffset(starts: readonly number[], offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}
