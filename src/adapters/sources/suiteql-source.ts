import { parseLevel, parsePermkey } from '../../core/catalog';
import { AuditError } from '../../core/errors';
import { ROLE_SETTINGS, SETTING_KEYS, type FetchedRole, type RecordRestriction, type RolePermission, type RoleSelector, type RoleSettings, type RoleSnapshot, type RoleSummary } from '../../core/model';
import { describeSelector } from '../../core/role/select';
import { sqlString, type SuiteQlClient } from '../netsuite/suiteql-client';
import type { FetchHints, RoleSource } from './role-source';

/** Columns every role read needs (docs/netsuite-facts.md §3: Oracle's own SuiteQL examples). */
const BASE_COLUMNS = ['id', 'scriptid', 'name', 'isinactive', 'iswebserviceonlyrole'];
/**
 * Columns public code selects but no capture of the REST endpoint confirms in every account
 * (docs/netsuite-facts.md §1 and §3). One NetSuite rejects costs one retry without it; what it holds is then
 * reported as not verifiable, never guessed.
 */
const OPTIONAL_COLUMNS = ['employeeselectionunrestricted', ...SETTING_KEYS.flatMap((k) => {
  const c = (ROLE_SETTINGS[k] as { suiteql?: string }).suiteql;
  return c ? [c] : [];
})];

/** A role row as the source reads it, with the columns NetSuite would not give. */
type RoleRow = Omit<RoleSnapshot, 'permissions' | 'evidence' | 'origin'>;

function bool(v: string | undefined, what: string): boolean {
  if (v === 'T') return true;
  if (v === 'F') return false;
  throw new AuditError('MALFORMED_RESPONSE', `${what}: expected T or F, got ${JSON.stringify(v)}`);
}

/** An optional boolean column: absent or rejected means unknown; anything but T/F is malformed. */
function optionalBool(row: Record<string, string>, column: string, what: string): boolean | undefined {
  return row[column] === undefined ? undefined : bool(row[column], what);
}

/** Maps one validated `role` row: identity, flags and every setting the row holds. */
function roleFromRow(row: Record<string, string>): RoleRow {
  if (!/^\d+$/.test(row.id ?? '')) throw new AuditError('MALFORMED_RESPONSE', `role row without a numeric id: ${JSON.stringify(row.id)}`);
  const what = (c: string) => `role ${row.id} ${c}`;
  const settings: RoleSettings = {};
  for (const key of SETTING_KEYS) {
    const def = ROLE_SETTINGS[key] as { suiteql?: string; type: string };
    if (!def.suiteql || row[def.suiteql] === undefined || row[def.suiteql] === '') continue;
    const v = row[def.suiteql];
    (settings as Record<string, unknown>)[key] = def.type === 'boolean' ? bool(v, what(def.suiteql)) : /^custcenter/i.test(v) ? v.toLowerCase() : v.toUpperCase();
  }
  return {
    internalId: row.id,
    scriptId: row.scriptid?.toLowerCase(),
    name: row.name,
    flags: {
      webServicesOnly: bool(row.iswebserviceonlyrole, what('iswebserviceonlyrole')),
      inactive: bool(row.isinactive, what('isinactive')),
      // Public code selects role.employeeselectionunrestricted (docs/netsuite-facts.md §1); unknown when not given.
      doNotRestrictEmployeeFields: optionalBool(row, 'employeeselectionunrestricted', what('employeeselectionunrestricted')),
    },
    settings,
  };
}

/** Maps one validated `rolepermissions` row; the key may come in any of NetSuite's forms. */
export function permissionFromRow(row: Record<string, string>): RolePermission {
  const level = /^[0-4]$/.test(row.permlevel ?? '') ? parseLevel(row.permlevel) : undefined;
  if (!row.permkey || !level) throw new AuditError('MALFORMED_RESPONSE', `rolepermissions row with permkey ${JSON.stringify(row.permkey)} and permlevel ${JSON.stringify(row.permlevel)}`);
  const key = parsePermkey(row.permkey);
  const restriction = row.restriction && row.restriction !== '-1' ? row.restriction : undefined;
  return { permkey: key.id, level, ...(restriction ? { restriction } : {}), ...(key.appId ? { appId: key.appId } : {}) };
}

/** The optional column a 400 names ("Field 'x' for record 'role' was not found"), if any. */
function rejectedColumn(e: unknown, candidates: readonly string[]): string | undefined {
  if (!(e instanceof AuditError) || e.code !== 'REQUEST_REJECTED') return undefined;
  const named = candidates.filter((c) => new RegExp(`['"\`]${c}['"\`]`, 'i').test(e.message));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Reads role rows with every optional column the account offers: a column NetSuite rejects is
 * dropped and the query sent again (at most once per optional column), and reported back.
 */
export async function queryRoles(client: SuiteQlClient, where: string | undefined, what: string, paged: boolean): Promise<{ rows: RoleRow[]; unread: string[] }> {
  let optional = [...OPTIONAL_COLUMNS];
  const unread: string[] = [];
  for (;;) {
    const q = `SELECT ${[...BASE_COLUMNS, ...optional].join(', ')} FROM role${where ? ` WHERE ${where}` : ''} ORDER BY id`;
    try {
      const rows = paged ? await client.all(q, what) : (await client.page(q, what)).items;
      return { rows: rows.map(roleFromRow), unread };
    } catch (e) {
      const column = rejectedColumn(e, optional);
      if (!column) throw e;
      optional = optional.filter((c) => c !== column);
      unread.push(column);
    }
  }
}

/** What the notes say about columns NetSuite would not give. */
export function unreadNote(unread: readonly string[]): string[] {
  if (!unread.length) return [];
  return [`SuiteQL did not offer the role column${unread.length === 1 ? '' : 's'} ${unread.join(', ')} in this account: what ${unread.length === 1 ? 'it holds' : 'they hold'} is reported as not verifiable.`];
}

function where(sel: RoleSelector): string {
  // Script ids and names compared without regard to case: SuiteQL compares strings
  // case-sensitively and some tables store script ids in upper case (docs/netsuite-facts.md §3).
  if (sel.scriptId) return `UPPER(scriptid) = ${sqlString(sel.scriptId.toUpperCase())}`;
  if (sel.internalId) return `id = ${sqlString(sel.internalId)}`;
  return `UPPER(name) = ${sqlString((sel.name ?? '').toUpperCase())}`;
}

/**
 * Custom-record permissions SuiteQL names by record type id (`LIST_CUSTRECORDENTRY<n>`, as
 * SuiteScript does) are mapped to script ids through `customrecordtype`, in one request. If that
 * table cannot be read, the policy's custom records are not verifiable, never "missing".
 */
export async function mapCustomRecordEntries(client: SuiteQlClient, permissions: RolePermission[], hints: FetchHints | undefined, what: string): Promise<{ permissions: RolePermission[]; unverifiable: Record<string, string>; notes: string[] }> {
  const ids = [...new Set(permissions.map((p) => parsePermkey(p.permkey).recordTypeId).filter((x): x is string => x !== undefined))];
  if (!ids.length) return { permissions, unverifiable: {}, notes: [] };
  let byId: Map<string, string>;
  try {
    const rows = await client.all(`SELECT id, scriptid FROM customrecordtype WHERE id IN (${ids.map(sqlString).join(', ')}) ORDER BY id`, `${what}: custom record types`);
    byId = new Map(rows.filter((r) => r.id && r.scriptid).map((r) => [r.id, r.scriptid.toLowerCase()]));
  } catch (e) {
    if (!(e instanceof AuditError)) throw e;
    const why = `custom record permissions came back by record type id (LIST_CUSTRECORDENTRY<n>) and customrecordtype could not be read (${e.code})`;
    const unverifiable = Object.fromEntries((hints?.permissions ?? []).filter((p) => parsePermkey(p).kind === 'customrecord').map((p) => [p, why]));
    return { permissions, unverifiable, notes: [`${why}: custom records are shown by record type id and not verified by script id.`] };
  }
  const mapped = permissions.map((p) => {
    const id = parsePermkey(p.permkey).recordTypeId;
    const scriptId = id === undefined ? undefined : byId.get(id);
    return scriptId ? { ...p, permkey: scriptId } : p;
  });
  return { permissions: mapped, unverifiable: {}, notes: [] };
}

/** Words the Restrictions subtab names segments by; a `restriction` column holding one of them is not the restriction. */
const SEGMENT_WORDS = new Set(['DEPARTMENT', 'CLASS', 'LOCATION', 'SUBSIDIARY', 'ACCOUNT', 'ITEM']);
const WORD = /^[A-Z][A-Z_]*$/;

/** One `rolerestrictions` row read in the form SDF writes (segment DEPARTMENT, restriction OWNONLY), or why it cannot be read so. */
function restrictionFromRow(row: Record<string, string>): RecordRestriction | string {
  const segment = row.segment?.trim().toUpperCase() ?? '';
  const restriction = row.restriction?.trim().toUpperCase() ?? '';
  if (!WORD.test(segment) || !WORD.test(restriction) || SEGMENT_WORDS.has(restriction)) {
    return `rolerestrictions answered segment ${JSON.stringify(row.segment ?? null)} and restriction ${JSON.stringify(row.restriction ?? null)}, a form whose meaning is unconfirmed`;
  }
  const flag = (v: string | undefined) => (v === 'T' ? true : v === 'F' ? false : undefined);
  return { segment, restriction, viewingAllowed: flag(row.viewingallowed), itemsRestricted: flag(row.itemsrestricted) };
}

/**
 * The Restrictions subtab of each role, from `rolerestrictions` (public SuiteQL code reads it;
 * which column holds the segment and which the restriction is unconfirmed, so only the form SDF
 * writes is read, and anything else leaves the restrictions not verifiable). A table NetSuite
 * refuses or does not have leaves them not verifiable too, with a note; never "no restrictions".
 */
export async function readRecordRestrictions(client: SuiteQlClient, roleIds: readonly string[], what: string): Promise<{ byRole: Map<string, RecordRestriction[]> } | { unread: string }> {
  const byRole = new Map<string, RecordRestriction[]>(roleIds.map((id) => [id, []]));
  try {
    for (let i = 0; i < roleIds.length; i += 1000) {
      const ids = roleIds.slice(i, i + 1000);
      const rows = await client.all(`SELECT role, segment, restriction, viewingallowed, itemsrestricted FROM rolerestrictions WHERE role IN (${ids.map(sqlString).join(', ')}) ORDER BY role, segment`, `${what}: record restrictions`);
      for (const row of rows) {
        const list = byRole.get(row.role);
        if (!list) throw new AuditError('MALFORMED_RESPONSE', `${what}: a rolerestrictions row for role ${JSON.stringify(row.role)}, which was not asked for`);
        const read = restrictionFromRow(row);
        if (typeof read === 'string') return { unread: read };
        list.push(read);
      }
    }
  } catch (e) {
    if (e instanceof AuditError && (e.code === 'PERMISSION_DENIED' || e.code === 'REQUEST_REJECTED')) return { unread: `rolerestrictions could not be read (${e.code}: ${e.message.replace(/^[^:]+: /, '')})` };
    throw e;
  }
  return { byRole };
}

/** The note for record restrictions that could not be read. */
export function restrictionsNote(why: string): string {
  return `Record restrictions (the Restrictions subtab) are not verifiable: ${why}.`;
}

/** Reads role definitions over REST SuiteQL: three requests a role (the role row, its permissions, its record restrictions), a fourth only to map custom records. */
export function createSuiteQlSource(opts: { client: SuiteQlClient; accountId: string }): RoleSource {
  const location = `suiteql:${opts.accountId}`;
  return {
    kind: 'suiteql',
    location,
    account: opts.accountId,
    async listRoles(): Promise<RoleSummary[]> {
      return (await queryRoles(opts.client, undefined, 'list roles', true)).rows;
    },
    async fetchRole(sel, hints): Promise<FetchedRole> {
      const what = `read role ${describeSelector(sel)}`;
      const { rows, unread } = await queryRoles(opts.client, where(sel), what, false);
      if (!rows.length) return { role: undefined, notes: unreadNote(unread) };
      if (rows.length > 1) {
        const candidates = rows.map((r) => [r.scriptId, `#${r.internalId}`, r.name && `"${r.name}"`].filter(Boolean).join(' '));
        throw new AuditError('AMBIGUOUS_ROLE', `${what}: ${rows.length} roles match: ${candidates.join(', ')}`, { details: { hint: 'name the role by script id or internal id', candidates } });
      }
      const role = rows[0];
      const perms = await opts.client.all(`SELECT permkey, permlevel, restriction FROM rolepermissions WHERE role = ${sqlString(role.internalId!)} ORDER BY permkey`, `read permissions of ${role.scriptId ?? role.internalId}`);
      const mapped = await mapCustomRecordEntries(opts.client, perms.map(permissionFromRow), hints, what);
      const restrictions = await readRecordRestrictions(opts.client, [role.internalId!], what);
      return {
        role: {
          ...role, permissions: mapped.permissions, evidence: 'definition', origin: location,
          ...('byRole' in restrictions ? { recordRestrictions: restrictions.byRole.get(role.internalId!)! } : {}),
          ...(Object.keys(mapped.unverifiable).length ? { unverifiable: mapped.unverifiable } : {}),
        },
        notes: [...unreadNote(unread), ...mapped.notes, ...('unread' in restrictions ? [restrictionsNote(restrictions.unread)] : [])],
      };
    },
  };
}
