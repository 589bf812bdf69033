/**
 * Checks an SDF role file as a deploy would, offline (`suitecloud project:validate` needs an
 * account): what Oracle's SDF reference for `customrole` requires, and what imported roles are
 * known to fail on (docs/netsuite-facts.md §7). Pure: the project's custom record type
 * files, when there are any, come in as text.
 */
import { getCatalog, levelLabel, parsePermkey, type Catalog } from '../catalog';
import type { InputIssue } from '../errors';
import { childElements, ownText, positionOf, readXml, type XmlElement } from '../xml/read-xml';
import type { SdfRoleDocument } from './sdf';
import { isCustomObject } from './format-sdf';

/** Script ids of custom roles: `customrole` and lower-case letters, digits and underscores, at most 40 characters. */
const SCRIPT_ID = /^customrole[a-z0-9_]*$/;
const MAX_SCRIPT_ID = 40;

/** A custom record type in the same project: its script id, and each role it grants with its level. */
export interface ProjectRecordType {
  file: string;
  scriptId: string;
  /** Role script id (lower case) -> the level the record type grants it. */
  roles: Map<string, string>;
}

/** Reads a `customrecordtype` object's script id and the roles its `<permissions>` list names (`[scriptid=customrole_x]` or a standard role). */
export function readRecordType(file: string, text: string): ProjectRecordType | undefined {
  const read = readXml(text);
  if (read.error || read.root.name !== 'customrecordtype') return undefined;
  const scriptId = read.root.attributes.find((a) => a.name === 'scriptid')?.value.trim().toLowerCase();
  if (!scriptId) return undefined;
  const roles = new Map<string, string>();
  const list = childElements(read.root).find((e) => e.name === 'permissions');
  for (const p of list ? childElements(list) : []) {
    const field = (n: string) => childElements(p).find((e) => e.name === n);
    const role = field('permittedrole') && ownText(field('permittedrole')!).trim();
    const level = field('permittedlevel') && ownText(field('permittedlevel')!).trim().toUpperCase();
    if (role && level) roles.set((/^\[scriptid=(.+)\]$/i.exec(role)?.[1] ?? role).trim().toLowerCase(), level);
  }
  return { file, scriptId, roles };
}

/**
 * What a deploy of this role file would refuse, each at its line: a script id a custom role cannot
 * have, a missing name or center type, 2FA without its duration, a level the permission does not
 * offer, a permission listed twice, a restriction on a standard permission, and a custom record
 * type in the same project whose permission list does not grant this role the same level.
 */
export function validateSdfRole(doc: SdfRoleDocument, opts: { recordTypes?: readonly ProjectRecordType[]; catalog?: Catalog } = {}): InputIssue[] {
  const catalog = opts.catalog ?? getCatalog();
  const issues: InputIssue[] = [];
  const at = (e: XmlElement) => positionOf(doc.text, e.start);
  const issue = (code: string, e: XmlElement, message: string, suggestion?: string) => issues.push({ code, message, loc: { file: doc.file, ...at(e) }, ...(suggestion ? { suggestion } : {}) });
  const scriptId = doc.root.attributes.find((a) => a.name === 'scriptid')?.value.trim() ?? '';
  if (!SCRIPT_ID.test(scriptId)) {
    issue('SCRIPT_ID_INVALID', doc.root, `script id '${scriptId}' is not a custom role's: it starts with 'customrole' and holds lower-case letters, digits and underscores`, 'standard roles cannot be SDF objects: audit them from a live account or a snapshot');
  } else if (scriptId.length > MAX_SCRIPT_ID) {
    issue('SCRIPT_ID_INVALID', doc.root, `script id '${scriptId}' has ${scriptId.length} characters; SDF allows ${MAX_SCRIPT_ID}`);
  }
  for (const field of ['name', 'centertype']) {
    const e = doc.fields.get(field);
    if (!e || !ownText(e).trim()) issue('FIELD_REQUIRED', e ?? doc.root, `<${field}> is required in a customrole object${e ? ' and is empty' : ''}`, field === 'centertype' ? 'carry the role\'s current center type: NetSuite does not let it change once the role is saved' : undefined);
  }
  const tfa = doc.fields.get('tfarequired');
  const duration = doc.fields.get('tfaduration');
  if (tfa && ownText(tfa).trim().toUpperCase() !== 'OFF' && !(duration && ownText(duration).trim())) {
    issue('FIELD_REQUIRED', tfa, '<tfaduration> is required when <tfarequired> is not OFF', 'add <tfaduration> (hours a trusted device stays trusted, e.g. 720)');
  }
  const first = new Map<string, XmlElement>();
  for (const line of doc.permissionLines) {
    const key = `${line.permission.appId ?? ''}|${line.permission.permkey}`;
    const seen = first.get(key);
    if (seen) issue('DUPLICATE_PERMISSION', line.element, `${line.permission.permkey} is listed twice (first at line ${at(seen).line})`, 'keep one line: imported roles with duplicate rows fail validation');
    else first.set(key, line.element);
    const offered = catalog.byId(line.permission.permkey)?.levels;
    if (offered?.length && !offered.includes(line.permission.level)) {
      issue('IMPOSSIBLE_LEVEL', line.permlevel, `${catalog.byId(line.permission.permkey)!.name} (${line.permission.permkey}) cannot be ${levelLabel(line.permission.level)}; NetSuite offers ${offered.map(levelLabel).join(', ')}`, 'imported roles can carry such levels; a deploy refuses them (oracle/netsuite-suitecloud-sdk issue 183)');
    }
    if (line.restriction && ownText(line.restriction).trim() && !isCustomObject(line.permission.permkey)) {
      issue('RESTRICTION_NOT_ALLOWED', line.restriction, `${line.permission.permkey} is a standard permission: SDF takes <restriction> only on custom objects' permissions`, 'remove the <restriction> element');
    }
  }
  // Both sides of a custom record permission in one project must agree (a deploy of both fails otherwise).
  const types = new Map((opts.recordTypes ?? []).map((t) => [t.scriptId, t]));
  for (const line of doc.permissionLines) {
    const key = parsePermkey(line.permission.permkey);
    const type = key.kind === 'customrecord' ? types.get(key.id) : undefined;
    if (!type || line.permission.level === 'NONE') continue;
    const granted = type.roles.get(scriptId.toLowerCase());
    if (granted !== line.permission.level) {
      issue('ONE_SIDED_CUSTOM_RECORD', line.element, `${key.id} (${type.file}) ${granted ? `grants this role ${levelLabel(granted as never)}` : 'does not list this role'}, but the role holds it at ${levelLabel(line.permission.level)}: deploying both with disagreeing lists fails`, `make both sides say ${levelLabel(line.permission.level)}, or deploy one side and let NetSuite adjust the other`);
    }
  }
  return issues.sort((a, b) => a.loc.line - b.loc.line || a.loc.column - b.loc.column);
}
