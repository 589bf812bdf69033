/**
 * A role written as an SDF `customrole` file, in the order NetSuite's own exports use (read off
 * real `suitecloud object:import` output): role fields in alphabetical order of element name, then
 * `<permissions>` grouped Transactions, Reports, Lists, Setup, then custom objects, by name within
 * each group, each line's fields alphabetical (permkey, permlevel, restriction), then
 * `<recordrestrictions>` with fields alphabetical (itemsrestricted, restriction, segment,
 * viewingallowed). Booleans are T/F, levels and words upper case, two-space indentation.
 */
import { formatPermkey, getCatalog, parsePermkey } from '../catalog';
import { FLAGS, ROLE_SETTINGS, SETTING_KEYS, type RecordRestriction, type RolePermission, type RoleSnapshot } from '../model';
import { xmlEscape } from '../xml/read-xml';
import { FLAG_ELEMENTS } from './sdf';

/** The SDF element of each flag (the reader's table, turned round). */
export const FLAG_SDF = Object.fromEntries(Object.entries(FLAG_ELEMENTS).map(([element, flag]) => [flag, element])) as Record<(typeof FLAGS)[number], string>;

const GROUPS = ['TRAN', 'REPO', 'LIST', 'ADMI'];
const GROUP_OF: Record<string, number> = { TRAN: 0, REPO: 1, GRAP: 1, LIST: 2, REGT: 2, ADMI: 3 };

/** Where an export puts a permission line: its group, then its name (custom objects last, by script id). */
export function exportKey(permkey: string): [number, string] {
  const prefix = /^([A-Z]+)_/.exec(permkey)?.[1];
  const group = prefix !== undefined && GROUP_OF[prefix] !== undefined ? GROUP_OF[prefix] : GROUPS.length;
  return [group, (getCatalog().byId(permkey)?.name ?? permkey).toLowerCase()];
}

/** Orders two keys as an export would. */
export function compareExportKeys(a: [number, string], b: [number, string]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

/** A permission line's `<permkey>` value as SDF writes it (custom objects in brackets, with their SuiteApp). */
export function sdfPermkey(p: Pick<RolePermission, 'permkey' | 'appId'>): string {
  const parsed = parsePermkey(p.permkey);
  return formatPermkey({ ...parsed, ...(p.appId ? { appId: p.appId } : {}) });
}

/** True for a permission on a custom object (custom record, transaction type or segment): SDF gives only these a `<restriction>`. */
export function isCustomObject(permkey: string): boolean {
  const kind = parsePermkey(permkey).kind;
  return kind === 'customrecord' || kind === 'customtransaction' || kind === 'customsegment';
}

/** A setting's value as SDF writes it. */
export function sdfSettingValue(type: 'boolean' | 'enum' | 'text', v: boolean | string): string {
  if (type === 'boolean') return v ? 'T' : 'F';
  if (type === 'enum' && typeof v === 'string' && /^custcenter/i.test(v)) return `[scriptid=${v}]`;
  return String(v);
}

/** The lines of one `<permission>`, relative to it (depth 1 = its children). */
export function permissionLines(p: Pick<RolePermission, 'permkey' | 'appId' | 'level' | 'restriction'>): Array<{ depth: number; text: string }> {
  const restriction = p.restriction && !/^-?\d+$/.test(p.restriction) && isCustomObject(p.permkey) ? p.restriction : undefined;
  return [
    { depth: 0, text: '<permission>' },
    { depth: 1, text: `<permkey>${xmlEscape(sdfPermkey(p))}</permkey>` },
    { depth: 1, text: `<permlevel>${p.level}</permlevel>` },
    ...(restriction ? [{ depth: 1, text: `<restriction>${xmlEscape(restriction)}</restriction>` }] : []),
    { depth: 0, text: '</permission>' },
  ];
}

/** A record restriction line's two boxes; each one's SDF element is its name in lower case. */
const RESTRICTION_BOXES = ['itemsRestricted', 'viewingAllowed'] as const;

/** The lines of one `<recordrestriction>`, fields alphabetical. A box the source did not show is left out, not written unchecked. */
export function restrictionLines(r: RecordRestriction): Array<{ depth: number; text: string }> {
  const fields: Array<[string, string]> = [['restriction', xmlEscape(r.restriction)], ['segment', xmlEscape(r.segment)]];
  for (const box of RESTRICTION_BOXES) if (r[box] !== undefined) fields.push([box.toLowerCase(), r[box] ? 'T' : 'F']);
  fields.sort(([a], [b]) => (a < b ? -1 : 1));
  return [{ depth: 0, text: '<recordrestriction>' }, ...fields.map(([e, v]) => ({ depth: 1, text: `<${e}>${v}</${e}>` })), { depth: 0, text: '</recordrestriction>' }];
}

/** What `formatSdfRole` could not write: fields the source did not show, restrictions given as codes, restriction boxes not shown. */
export interface SdfOmissions {
  fields: string[];
  restrictions: string[];
}

/**
 * Writes a role as an SDF `customrole` file (see above). Fields the source could not read are left
 * out and listed in `omitted`: whether a deploy resets a field the file leaves out is unconfirmed.
 */
export function formatSdfRole(role: RoleSnapshot): { text: string; omitted: SdfOmissions } {
  const fields = new Map<string, string>();
  const omitted: SdfOmissions = { fields: [], restrictions: [] };
  if (role.name !== undefined) fields.set('name', xmlEscape(role.name));
  for (const f of FLAGS) {
    const v = role.flags[f];
    if (v === undefined) omitted.fields.push(FLAG_SDF[f]);
    else fields.set(FLAG_SDF[f], v ? 'T' : 'F');
  }
  for (const k of SETTING_KEYS) {
    const def = ROLE_SETTINGS[k];
    const v = role.settings[k];
    if (v === undefined) omitted.fields.push(def.sdf);
    else fields.set(def.sdf, xmlEscape(sdfSettingValue(def.type, v)));
  }
  for (const [k, v] of Object.entries(role.customFields ?? {})) fields.set(k, xmlEscape(v));
  const lines = [`<role scriptid="${xmlEscape(role.scriptId ?? '')}">`];
  for (const name of [...fields.keys()].sort()) lines.push(`  <${name}>${fields.get(name)}</${name}>`);
  const perms = [...role.permissions].sort((a, b) => compareExportKeys(exportKey(a.permkey), exportKey(b.permkey)) || (a.permkey < b.permkey ? -1 : 1));
  if (perms.length) {
    lines.push('  <permissions>');
    for (const p of perms) {
      if (p.restriction && /^-?\d+$/.test(p.restriction)) omitted.restrictions.push(`${p.permkey} (given as code ${p.restriction})`);
      for (const l of permissionLines(p)) lines.push(`${'  '.repeat(2 + l.depth)}${l.text}`);
    }
    lines.push('  </permissions>');
  }
  if (role.recordRestrictions === undefined) omitted.fields.push('recordrestrictions');
  else if (role.recordRestrictions.length) {
    lines.push('  <recordrestrictions>');
    for (const r of role.recordRestrictions) {
      for (const box of RESTRICTION_BOXES) if (r[box] === undefined) omitted.restrictions.push(`<${box.toLowerCase()}> of the ${r.segment} restriction`);
      for (const l of restrictionLines(r)) lines.push(`${'  '.repeat(2 + l.depth)}${l.text}`);
    }
    lines.push('  </recordrestrictions>');
  }
  lines.push('</role>', '');
  return { text: lines.join('\n'), omitted };
}
