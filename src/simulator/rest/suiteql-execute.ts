import type { SimAccount } from '../account';
import { SuiteQlError, type Condition, type SuiteQlQuery } from './suiteql-parse';
import { TABLES, type Caller } from './suiteql-tables';
import { ownEntry } from '../../core/own-entry';

const isNum = (s: string) => /^-?\d+(\.\d+)?$/.test(s);

/** Compares two SuiteQL values: numerically when both are numbers, else as text (case-sensitive). */
function compare(a: string, b: string): number {
  if (isNum(a) && isNum(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A condition compiled once per query: IN lists become sets, so big reads stay fast. */
function compile(c: Condition): (row: Record<string, string>) => boolean {
  const fold = c.fn === 'UPPER' ? (v: string) => v.toUpperCase() : c.fn === 'LOWER' ? (v: string) => v.toLowerCase() : (v: string) => v;
  const key = (v: string) => (isNum(v) ? String(Number(v)) : fold(v));
  if (c.op === 'IN' || c.op === '=') {
    const set = new Set(c.values.map(key));
    return (r) => r[c.column] !== undefined && set.has(key(r[c.column]));
  }
  const x = c.values[0];
  const test = { '!=': (d: number) => d !== 0, '<': (d: number) => d < 0, '<=': (d: number) => d <= 0, '>': (d: number) => d > 0, '>=': (d: number) => d >= 0 }[c.op];
  return (r) => r[c.column] !== undefined && test(compare(fold(r[c.column]), x));
}

const cache = new WeakMap<SimAccount, Map<string, Array<Record<string, string>>>>();

/** Drops the tables built for an account: the account changed (Simulator.changeAccount). */
export function forgetTables(account: SimAccount): void {
  cache.delete(account);
}

/** A table's rows, built once per account (rebuilt after Simulator.changeAccount). */
function tableRows(account: SimAccount, name: string): Array<Record<string, string>> {
  let byTable = cache.get(account);
  if (!byTable) cache.set(account, (byTable = new Map()));
  let rows = byTable.get(name);
  if (!rows) byTable.set(name, (rows = TABLES[name].rows(account, new Date(0))));
  return rows;
}

/** A value as TO_CHAR writes it: the simulator stores dates as 'YYYY-MM-DD HH24:MI:SS' already. */
const toChar = (v: string | undefined) => v;

/** Runs a parsed query: checks table and columns, filters, groups, orders, projects. Every value is a string. */
export function executeSuiteQl(account: SimAccount, q: SuiteQlQuery, now: Date = new Date(), caller?: Caller): Array<Record<string, string>> {
  const table = ownEntry(TABLES, q.table);
  if (!table || ownEntry(MISSING, q.table)?.(account)) throw new SuiteQlError(`Record '${q.table}' was not found.`);
  const columns = table.columns(account);
  const known = new Set(columns);
  const selected = q.columns === '*' ? [] : q.columns.filter((c) => c.column !== '*').map((c) => c.column);
  const aliases = new Set(q.columns === '*' ? [] : q.columns.map((c) => c.as));
  const used = [...selected, ...q.where.map((w) => w.column), ...q.groupBy, ...q.orderBy.map((o) => o.column).filter((c) => !aliases.has(c) || known.has(c))];
  const unknown = used.find((c) => !known.has(c));
  if (unknown) throw new SuiteQlError(`Field '${unknown}' for record '${q.table}' was not found. Reason: NOT_EXPOSED - Not available for channel SEARCH`);
  const tests = q.where.map(compile);
  const rows = (table.dated ? table.rows(account, now, caller) : tableRows(account, q.table)).filter((r) => tests.every((t) => t(r)));
  const shown = (column: string, v: string | undefined) => (v !== undefined && table.display?.[column] ? table.display[column](v) : v);
  const items = q.columns === '*' ? columns.map((c) => ({ column: c, as: c })) : q.columns;
  if (q.groupBy.length || items.some((i) => 'agg' in i && i.agg)) {
    // One row per group (one group when there is no GROUP BY); nulls group together, as in SQL.
    const groups = new Map<string, Array<Record<string, string>>>();
    for (const r of rows) {
      const key = JSON.stringify(q.groupBy.map((c) => r[c] ?? null));
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(r);
    }
    if (!q.groupBy.length && !groups.size) groups.set('[]', []);
    const out = [...groups.values()].map((g) => Object.fromEntries(items.flatMap((i) => {
      const agg = 'agg' in i ? i.agg : undefined;
      let v: string | undefined;
      if (agg === 'COUNT') v = String(i.column === '*' ? g.length : g.filter((r) => r[i.column] !== undefined).length);
      else if (agg) {
        const vals = g.map((r) => r[i.column]).filter((x): x is string => x !== undefined);
        v = vals.length ? vals.reduce((a, b) => (compare(a, b) * (agg === 'MAX' ? 1 : -1) >= 0 ? a : b)) : undefined;
      } else v = g[0]?.[i.column];
      v = 'toChar' in i && i.toChar ? toChar(v) : agg === 'COUNT' ? v : shown(i.column, v);
      return v === undefined ? [] : [[i.as, v]];
    })));
    return sortBy(out, q.orderBy);
  } else {
    return sortBy(rows, q.orderBy).map((r) => Object.fromEntries(items.flatMap((i) => {
      const v = 'toChar' in i && i.toChar ? toChar(r[i.column]) : shown(i.column, r[i.column]);
      return v === undefined ? [] : [[i.as, v]];
    })));
  }
}

/** Rows in ORDER BY order (stable: ties keep the table's order). */
function sortBy(rows: Array<Record<string, string>>, orderBy: SuiteQlQuery['orderBy']): Array<Record<string, string>> {
  if (!orderBy.length) return rows;
  return [...rows].sort((a, b) => {
    for (const o of orderBy) {
      const d = compareNullable(a[o.column], b[o.column]);
      if (d) return o.desc ? -d : d;
    }
    return 0;
  });
}

/** Nulls sort last (Oracle's default for ascending order). */
function compareNullable(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compare(a, b);
}

/** Tables an account may lack for every caller (fixture switches). */
const MISSING: Record<string, (a: SimAccount) => boolean> = {
  rolerestrictions: (a) => a.suiteql.roleRestrictions === 'missing',
  loginaudit: (a) => a.suiteql.loginAudit === 'missing',
  employeeempperms: (a) => a.suiteql.globalPermissions === 'missing',
  employeerolesforsearch: (a) => a.suiteql.roleAssignments !== 'employeerolesforsearch',
  employeeroles: (a) => a.suiteql.roleAssignments !== 'employeeroles' && a.suiteql.roleAssignments !== 'employeeroles-selectedrole',
};
