import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { customRecordScriptId, parseLevel } from '../catalog';
import { AuditError, type InputIssue } from '../errors';
import type { RolePermission, RoleSnapshot } from '../model';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Entities are never expanded: a role file cannot smuggle in a billion laughs or a file read.
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'permission',
});

/** Parses one SDF `customrole` XML file into a role snapshot. Pure; throws AuditError ROLE_FILE_INVALID. */
export function parseSdfRole(file: string, text: string): RoleSnapshot {
  const fail = (message: string, line = 1, column = 1, suggestion?: string): never => {
    const issue: InputIssue = { code: 'ROLE_FILE_INVALID', message, loc: { file, line, column }, suggestion };
    throw new AuditError('ROLE_FILE_INVALID', `${file}:${line}:${column}: ${message}`, { issues: [issue] });
  };
  if (/<!DOCTYPE/i.test(text)) fail('DOCTYPE declarations are not allowed in SDF role files', lineOf(text, text.search(/<!DOCTYPE/i)));
  const valid = XMLValidator.validate(text);
  if (valid !== true) fail(`malformed XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
  const doc = parser.parse(text) as Record<string, any>;
  const role = doc.role;
  if (!role || typeof role !== 'object') {
    const root = Object.keys(doc).find((k) => !k.startsWith('?'));
    fail(`expected a <role> root element, found <${root ?? 'nothing'}>`, 1, 1, 'SDF role files look like <role scriptid="customrole_x">...</role>');
  }
  const scriptId = str(role['@scriptid']);
  if (!scriptId) fail('<role> has no scriptid attribute', lineOf(text, text.indexOf('<role')));
  const perms: RolePermission[] = [];
  const list = role.permissions?.permission ?? [];
  for (const p of list as Array<Record<string, unknown>>) {
    const rawKey = str(p.permkey);
    const at = lineOf(text, text.indexOf(`>${rawKey ?? ''}<`));
    if (!rawKey) fail('<permission> without a <permkey>', at);
    const level = parseLevel(p.permlevel);
    if (!level) fail(`permission ${rawKey}: unknown <permlevel> ${JSON.stringify(p.permlevel ?? '')}`, at, 1, 'use NONE, VIEW, CREATE, EDIT or FULL');
    const permkey = customRecordScriptId(rawKey!) ?? rawKey!.toUpperCase();
    const restriction = str(p.restriction);
    perms.push({ permkey, level: level!, ...(restriction ? { restriction } : {}) });
  }
  return {
    scriptId: scriptId!.toLowerCase(),
    name: str(role.name),
    flags: {
      webServicesOnly: bool(role.iswebserviceonlyrole),
      doNotRestrictEmployeeFields: bool(role.employeeselectionunrestricted),
      inactive: bool(role.isinactive) ?? false,
    },
    permissions: perms,
    evidence: 'definition',
    origin: file,
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

function lineOf(text: string, index: number): number {
  if (index < 0) return 1;
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
