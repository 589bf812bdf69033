import { getCatalog } from '../../core/catalog/catalog';
import { levelRank } from '../../core/catalog/levels';
import { ROLE_SETTINGS, SETTING_KEYS } from '../../core/model';
import type { SimAccount, SimRole } from '../account';
import { roleHas } from '../access';

/** A SuiteQL table the simulator serves: its columns in this account, and its rows (all values strings). */
export interface SimTable {
  columns(account: SimAccount): string[];
  /** All values strings; dates as 'YYYY-MM-DD HH24:MI:SS' (what TO_CHAR gives). */
  rows(account: SimAccount, now: Date, caller?: Caller): Array<Record<string, string>>;
  /** Rows depend on the server's clock (never cached). */
  dated?: boolean;
  /** How a column reads when selected bare: NetSuite answers dates in the user's display format. */
  display?: Record<string, (v: string) => string>;
}

/** Who is asking (tables that answer per caller: system notes). */
export interface Caller {
  userId: string;
  role: SimRole;
}

/** 'YYYY-MM-DD HH24:MI:SS' in UTC. */
const sqlDate = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
/** A date as the default display format writes it (M/D/YYYY h:mm am): ambiguous, which is why clients use TO_CHAR. */
function displayDate(v: string): string {
  const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(v) ?? [];
  if (!y) return v;
  const hour = Number(h);
  return `${Number(mo)}/${Number(d)}/${y} ${hour % 12 || 12}:${mi} ${hour < 12 ? 'am' : 'pm'}`;
}

/** Role assignments in the form the account answers them (SuiteQlBehaviour.roleAssignments). */
function assignmentRows(account: SimAccount, table: 'employeerolesforsearch' | 'employeeroles'): Array<Record<string, string>> {
  const roleId = new Map(account.roles.map((r) => [r.scriptId, r.internalId]));
  const pairs = account.users.flatMap((u) => u.roles.map((r) => [u.internalId, roleId.get(r)!]));
  if (table === 'employeerolesforsearch' || account.suiteql.roleAssignments === 'employeeroles-selectedrole') {
    return pairs.map(([person, role]): Record<string, string> => (table === 'employeerolesforsearch' ? { entity: person, role } : { entity: person, selectedrole: role }));
  }
  return pairs.map(([person, role]) => ({ employee: person, role }));
}

/** Global permissions in the form the account answers them (SuiteQlBehaviour.globalPermissions). */
function globalPermissionRows(account: SimAccount): Array<Record<string, string>> {
  return account.users.flatMap((u) => [...u.globalPermissions].map(([permkey, level]): Record<string, string> => {
    const lvl = String(levelRank(level));
    switch (account.suiteql.globalPermissions) {
      case 'entity-permission': return { entity: u.internalId, permission: permkey, level: lvl };
      case 'other-columns': return { emp: u.internalId, perm: permkey, lvl };
      default: return { employee: u.internalId, permkey, permlevel: lvl };
    }
  }));
}

const GLOBAL_COLUMNS: Record<SimAccount['suiteql']['globalPermissions'], string[]> = {
  'employee-permkey': ['employee', 'permkey', 'permlevel'],
  'entity-permission': ['entity', 'level', 'permission'],
  'other-columns': ['emp', 'lvl', 'perm'],
  missing: [],
};

const tf = (b: boolean) => (b ? 'T' : 'F');

/** `role` columns: Oracle's examples, and the ones public code selects (docs/netsuite-facts.md §1, 3), unless the fixture hides them. */
const ROLE_COLUMNS = ['id', 'scriptid', 'name', 'isinactive', 'iswebserviceonlyrole', 'employeeselectionunrestricted',
  ...SETTING_KEYS.flatMap((k) => {
    const c = (ROLE_SETTINGS[k] as { suiteql?: string }).suiteql;
    return c ? [c] : [];
  })];

function roleRow(account: SimAccount, r: SimRole): Record<string, string> {
  const row: Record<string, string> = {
    id: r.internalId,
    scriptid: account.suiteql.scriptIdCase === 'upper' ? r.scriptId.toUpperCase() : r.scriptId,
    name: r.name,
    isinactive: tf(r.inactive),
    iswebserviceonlyrole: tf(r.webServicesOnly),
    employeeselectionunrestricted: tf(r.doNotRestrictEmployeeFields),
  };
  for (const k of SETTING_KEYS) {
    const def = ROLE_SETTINGS[k] as { suiteql?: string; type: string };
    if (!def.suiteql) continue;
    const v = r.settings[k];
    // Booleans NetSuite always answers (F by default); others may be null, which SuiteQL leaves out.
    if (def.type === 'boolean') row[def.suiteql] = tf(v === true);
    else if (v !== undefined) row[def.suiteql] = String(v);
  }
  return row;
}

function permissionRows(account: SimAccount, role: SimRole): Array<Record<string, string>> {
  const catalog = getCatalog();
  const entries: Array<[string, string]> = role.allPermissions
    // Administrator: every permission at the highest level the role page offers for it.
    ? catalog.all().filter((p) => p.levels.length).map((p) => [p.id, String(levelRank(p.levels[p.levels.length - 1]))])
    : [...role.permissions].map(([k, level]) => [k, String(levelRank(level))]);
  return entries.map(([id, permlevel]) => {
    // SuiteScript names custom-record permissions LIST_CUSTRECORDENTRY<record type id>; the account may answer that way.
    const typeId = account.suiteql.customRecordKeys === 'entry-id' ? account.customRecordTypes.get(id) : undefined;
    const permkey = typeId ? `LIST_CUSTRECORDENTRY${typeId}` : id;
    return { name: catalog.byId(id)?.name ?? id, permkey, permlevel, restriction: role.restrictions.get(id) ?? '-1', role: role.internalId };
  });
}

/** Segment ids, for the `segment-ids` reading of `rolerestrictions`. */
const SEGMENT_IDS: Record<string, string> = { DEPARTMENT: '1', CLASS: '2', LOCATION: '3' };

/** `rolerestrictions` rows in the form the account answers them (SuiteQlBehaviour.roleRestrictions). */
function restrictionRows(account: SimAccount): Array<Record<string, string>> {
  return account.roles.flatMap((r) => r.recordRestrictions.map((x) => {
    const flags = { viewingallowed: tf(x.viewingAllowed === true), itemsrestricted: tf(x.itemsRestricted === true), role: r.internalId };
    return account.suiteql.roleRestrictions === 'segment-ids'
      ? { segment: SEGMENT_IDS[x.segment.toUpperCase()] ?? '9', restriction: x.segment.toUpperCase(), ...flags }
      : { segment: x.segment.toUpperCase(), restriction: x.restriction.toUpperCase(), ...flags };
  }));
}

/** The tables, by name. */
export const TABLES: Record<string, SimTable> = {
  role: {
    columns: (account) => ROLE_COLUMNS.filter((c) => !account.suiteql.hiddenRoleColumns.includes(c)).sort(),
    rows: (account) => account.roles.map((r) => roleRow(account, r)),
  },
  rolepermissions: {
    columns: () => ['name', 'permkey', 'permlevel', 'restriction', 'role'],
    rows: (account) => account.roles.flatMap((r) => permissionRows(account, r)),
  },
  rolerestrictions: {
    columns: () => ['itemsrestricted', 'restriction', 'role', 'segment', 'viewingallowed'],
    rows: restrictionRows,
  },
  employee: {
    columns: () => ['email', 'entityid', 'giveaccess', 'id', 'isinactive'],
    rows: (account) => account.users.map((u) => ({ id: u.internalId, entityid: u.name, ...(u.email ? { email: u.email } : {}), giveaccess: tf(u.giveAccess), isinactive: tf(u.inactive) })),
  },
  employeerolesforsearch: {
    columns: () => ['entity', 'role'],
    rows: (account) => assignmentRows(account, 'employeerolesforsearch'),
  },
  employeeroles: {
    columns: (account) => (account.suiteql.roleAssignments === 'employeeroles-selectedrole' ? ['entity', 'selectedrole'] : ['employee', 'role']),
    rows: (account) => assignmentRows(account, 'employeeroles'),
  },
  loginaudit: {
    columns: () => ['date', 'detail', 'emailaddress', 'ipaddress', 'oauthaccesstokenname', 'oauthappname', 'requesturi', 'role', 'secchallenge', 'status', 'user', 'useragent'],
    dated: true,
    display: { date: displayDate },
    rows: (account, now) => account.logins.map((l, i) => {
      const user = account.users.find((u) => u.internalId === l.userId);
      // Logins at staggered minutes, so MAX(date) has one answer.
      const at = new Date(now.getTime() - l.daysAgo * 86_400_000 - i * 60_000);
      return {
        date: sqlDate(at), status: l.status, user: l.userId, role: l.roleId, ...(user?.email ? { emailaddress: user.email } : {}),
        ipaddress: '192.0.2.10', requesturi: l.token ? '/services/rest/query/v1/suiteql' : '/app/center/card.nl', secchallenge: 'F',
        ...(l.token ? { oauthaccesstokenname: l.token, oauthappname: l.app! } : {}),
      };
    }),
  },
  systemnote: {
    columns: () => ['context', 'date', 'field', 'name', 'newvalue', 'oldvalue', 'record', 'recordid', 'recordtypeid', 'role'],
    dated: true,
    display: { date: displayDate },
    // Without System Notes (for Analytics and REST), a caller sees only its own changes, and no error (docs/netsuite-facts.md §9).
    rows: (account, now, caller) => account.systemNotes
      .filter((n) => !caller || roleHas(caller.role, 'LIST_SYSTEMNOTES', 'VIEW') || n.by === caller.userId)
      .map((n, i) => {
        const role = account.roles.find((r) => r.internalId === n.roleId);
        const by = account.users.find((u) => u.internalId === n.by);
        return {
          context: 'UI', date: sqlDate(new Date(now.getTime() - n.daysAgo * 86_400_000 - i * 60_000)), field: n.field, name: by?.name ?? n.by,
          ...(n.newValue !== undefined ? { newvalue: n.newValue } : {}), ...(n.oldValue !== undefined ? { oldvalue: n.oldValue } : {}),
          record: role?.name ?? n.roleId, recordid: n.roleId, recordtypeid: account.suiteql.roleRecordType, role: by?.roles[0] ? account.roles.find((r) => r.scriptId === by.roles[0])!.internalId : '',
        };
      }),
  },
  employeeempperms: {
    columns: (account) => GLOBAL_COLUMNS[account.suiteql.globalPermissions],
    rows: globalPermissionRows,
  },
  customrecordtype: {
    columns: () => ['id', 'scriptid'],
    rows: (account) => [...account.customRecordTypes].map(([scriptid, id]) => ({ id, scriptid: scriptid.toUpperCase() })),
  },
};
