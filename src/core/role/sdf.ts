import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseLevel, parsePermkey } from '../catalog';
import { AuditError, type InputIssue } from '../errors';
import { checkXmlText } from '../xml-tree';
import { FLAGS, ROLE_SETTINGS, SETTING_KEYS, type RecordRestriction, type RoleFlags, type RolePermission, type RoleSettings, type RoleSnapshot } from '../model';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Entities are never expanded: a role file cannot smuggle in a billion laughs or a file read.
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'permission' || name === 'recordrestriction',
});

/** SDF element -> flag. */
const FLAG_ELEMENTS: Record<string, (typeof FLAGS)[number]> = {
  iswebserviceonlyrole: 'webServicesOnly',
  employeeselectionunrestricted: 'doNotRestrictEmployeeFields',
  isinactive: 'inactive',
};
const SETTING_BY_ELEMENT = new Map(SETTING_KEYS.map((k) => [ROLE_SETTINGS[k].sdf as string, k]));
/** Elements read into their own fields; every other child of <role> is kept in customFields. */
const STRUCTURAL = new Set(['@scriptid', 'name', 'permissions', 'recordrestrictions']);

type Fail = (message: string, line?: number, column?: number, suggestion?: string) => never;

/** Line of each character offset, from one pass over the text (parsing stays linear). */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset < 0) return 1;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && '#text' in v) return str((v as { '#text': unknown })['#text']);
  return undefined;
}

/** SDF booleans are T/F; an absent field is false (NetSuite's default), an odd value unknown. */
function bool(v: unknown): boolean | undefined {
  const s = str(v);
  if (s === undefined) return false;
  if (/^(t|true)$/i.test(s)) return true;
  if (/^(f|false)$/i.test(s)) return false;
  return undefined;
}

/** A setting's value as the model keeps it: booleans, enum words in upper case, custom centers by script id. */
function settingValue(type: 'boolean' | 'enum' | 'text', v: unknown): boolean | string | undefined {
  if (type === 'boolean') return bool(v);
  const s = str(v);
  // A text field written empty is known to be empty (no parent role), unlike one left out.
  if (type === 'text') return s ?? '';
  if (s === undefined) return undefined;
  const custom = /^\[scriptid=(.+)\]$/i.exec(s);
  return custom ? custom[1].trim().toLowerCase() : s.toUpperCase();
}

function readPermissions(role: Record<string, any>, text: string, lineOf: (o: number) => number, fail: Fail): RolePermission[] {
  // The n-th <permkey> in the text is the n-th permission's: one scan finds every line number.
  const keyOffsets = [...text.matchAll(/<permkey\b/g)].map((m) => m.index!);
  const list = (role.permissions?.permission ?? []) as Array<Record<string, unknown>>;
  return list.map((p, i) => {
    const at = lineOf(keyOffsets[i] ?? text.indexOf('<permissions'));
    const rawKey = str(p.permkey);
    if (!rawKey) return fail('<permission> without a <permkey>', at);
    const level = parseLevel(p.permlevel);
    if (!level) return fail(`permission ${rawKey}: unknown <permlevel> ${JSON.stringify(p.permlevel ?? '')}`, at, 1, 'use NONE, VIEW, CREATE, EDIT or FULL');
    const key = parsePermkey(rawKey);
    const restriction = str(p.restriction);
    return { permkey: key.id, level, ...(restriction ? { restriction: restriction.toUpperCase() } : {}), ...(key.appId ? { appId: key.appId } : {}) };
  });
}

function readRecordRestrictions(role: Record<string, any>): RecordRestriction[] {
  const list = (role.recordrestrictions?.recordrestriction ?? []) as Array<Record<string, unknown>>;
  return list.flatMap((r) => {
    const segment = str(r.segment)?.toUpperCase();
    const restriction = str(r.restriction)?.toUpperCase();
    if (!segment || !restriction) return [];
    const out: RecordRestriction = { segment, restriction };
    if (str(r.viewingallowed) !== undefined) out.viewingAllowed = bool(r.viewingallowed);
    if (str(r.itemsrestricted) !== undefined) out.itemsRestricted = bool(r.itemsrestricted);
    return [out];
  });
}

const LINE_KEYS = new Map<string, string>([
  ...Object.entries(FLAG_ELEMENTS),
  ...SETTING_KEYS.map((k) => [ROLE_SETTINGS[k].sdf as string, k] as [string, string]),
  ['role', 'role'], ['permissions', 'permissions'], ['recordrestrictions', 'recordRestrictions'],
]);

/** The line of each element a fix changes, by the key findings use; permkeys by their own line. One pass. */
function elementLines(text: string, lineOf: (o: number) => number): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const m of text.matchAll(/<([a-z_]+)\b[^>]*>/gi)) {
    const key = LINE_KEYS.get(m[1].toLowerCase());
    if (key && !(key in lines)) lines[key] = lineOf(m.index!);
  }
  for (const m of text.matchAll(/<permkey>\s*([^<]*?)\s*<\/permkey>/g)) {
    const id = parsePermkey(m[1]).id;
    if (!(id in lines)) lines[id] = lineOf(m.index!);
  }
  return lines;
}

/** Parses one SDF `customrole` XML file into a role snapshot: every field it holds. Pure; throws AuditError ROLE_FILE_INVALID. */
export function parseSdfRole(file: string, text: string): RoleSnapshot {
  const fail: Fail = (message, line = 1, column = 1, suggestion) => {
    const issue: InputIssue = { code: 'ROLE_FILE_INVALID', message, loc: { file, line, column }, suggestion };
    throw new AuditError('ROLE_FILE_INVALID', `${file}:${line}:${column}: ${message}`, { issues: [issue] });
  };
  const lineOf = lineIndex(text);
  if (/<!DOCTYPE/i.test(text)) fail('DOCTYPE declarations are not allowed in SDF role files', lineOf(text.search(/<!DOCTYPE/i)));
  const strict = checkXmlText(text);
  if (strict) fail(`not well-formed XML: ${strict.error}`, lineOf(strict.offset));
  const valid = XMLValidator.validate(text);
  if (valid !== true) fail(`malformed XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
  const doc = parser.parse(text) as Record<string, any>;
  const role = doc.role;
  if (!role || typeof role !== 'object') {
    const root = Object.keys(doc).find((k) => !k.startsWith('?'));
    fail(`expected a <role> root element, found <${root ?? 'nothing'}>`, 1, 1, 'SDF role files look like <role scriptid="customrole_x">...</role>');
  }
  const scriptId = str(role['@scriptid']);
  if (!scriptId) fail('<role> has no scriptid attribute', lineOf(text.indexOf('<role')));

  const flags: RoleFlags = {};
  const settings: RoleSettings = {};
  const customFields: Record<string, string> = {};
  for (const [element, value] of Object.entries(role as Record<string, unknown>)) {
    if (STRUCTURAL.has(element) || element.startsWith('@')) continue;
    const flag = FLAG_ELEMENTS[element];
    const setting = SETTING_BY_ELEMENT.get(element);
    if (flag) flags[flag] = bool(value);
    else if (setting) (settings as Record<string, unknown>)[setting] = settingValue(ROLE_SETTINGS[setting].type, value);
    else customFields[element] = str(value) ?? '';
  }
  // Absent flags and boolean settings take NetSuite's default (unchecked), as an SDF deploy
  // would set them; an absent enum or text setting stays unknown.
  for (const f of FLAGS) if (!(f in flags)) flags[f] = false;
  for (const k of SETTING_KEYS) {
    if (!(k in settings) && ROLE_SETTINGS[k].type === 'boolean') (settings as Record<string, unknown>)[k] = false;
    if (settings[k] === undefined) delete settings[k];
  }
  return {
    scriptId: scriptId!.toLowerCase(),
    name: str(role.name),
    flags,
    settings,
    recordRestrictions: readRecordRestrictions(role),
    ...(Object.keys(customFields).length ? { customFields } : {}),
    permissions: readPermissions(role, text, lineOf, fail),
    evidence: 'definition',
    origin: file,
    lines: elementLines(text, lineOf),
  };
}
