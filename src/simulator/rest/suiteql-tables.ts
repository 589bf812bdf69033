import { getCatalog } from '../../core/catalog/catalog';
import { levelRank } from '../../core/catalog/levels';
import type { SimAccount, SimRole } from '../account';

/** A SuiteQL table the simulator serves: columns, the permission reading it needs, and its rows (all values strings). */
export interface SimTable {
  columns: string[];
  rows(account: SimAccount): Array<Record<string, string>>;
}

const tf = (b: boolean) => (b ? 'T' : 'F');

function permissionRows(role: SimRole): Array<Record<string, string>> {
  const catalog = getCatalog();
  const entries: Array<[string, string]> = role.allPermissions
    ? catalog.all().map((p) => [p.id, '4'])
    : [...role.permissions].map(([k, level]) => [k, String(levelRank(level))]);
  return entries.map(([permkey, permlevel]) => ({
    name: catalog.byId(permkey)?.name ?? permkey,
    permkey,
    permlevel,
    restriction: '-1',
    role: role.internalId,
  }));
}

/**
 * The tables, by name. Columns follow Oracle's SuiteQL examples (netsuite.md 3). The role table
 * does not offer "Do Not Restrict Employee Fields": its SuiteQL column is unconfirmed, so the
 * simulator does not invent one.
 */
export const TABLES: Record<string, SimTable> = {
  role: {
    columns: ['centertype', 'id', 'isinactive', 'iswebserviceonlyrole', 'name', 'scriptid'],
    rows: (account) => account.roles.map((r) => ({
      centertype: r.centerType,
      id: r.internalId,
      isinactive: tf(r.inactive),
      iswebserviceonlyrole: tf(r.webServicesOnly),
      name: r.name,
      scriptid: r.scriptId,
    })),
  },
  rolepermissions: {
    columns: ['name', 'permkey', 'permlevel', 'restriction', 'role'],
    rows: (account) => account.roles.flatMap(permissionRows),
  },
};
