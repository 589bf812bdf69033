import { getCatalog } from '../../core/catalog/catalog';
import { levelRank } from '../../core/catalog/levels';
import { ROLE_SETTINGS, SETTING_KEYS } from '../../core/model';
import type { SimAccount, SimRole } from '../account';

/** A SuiteQL table the simulator serves: its columns in this account, and its rows (all values strings). */
export interface SimTable {
  columns(account: SimAccount): string[];
  rows(account: SimAccount): Array<Record<string, string>>;
}

const tf = (b: boolean) => (b ? 'T' : 'F');

/** `role` columns: Oracle's examples, and the ones public code selects (netsuite.md 1, 3), unless the fixture hides them. */
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
  customrecordtype: {
    columns: () => ['id', 'scriptid'],
    rows: (account) => [...account.customRecordTypes].map(([scriptid, id]) => ({ id, scriptid: scriptid.toUpperCase() })),
  },
};
