import type { SimAccount } from '../account';
import { SuiteQlError, type Condition, type SuiteQlQuery } from './suiteql-parse';
import { TABLES } from './suiteql-tables';

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
  if (!rows) byTable.set(name, (rows = TABLES[name].rows(account)));
  return rows;
}

/** Runs a parsed query: checks table and columns, filters, orders, projects. Every value is a string. */
export function executeSuiteQl(account: SimAccount, q: SuiteQlQuery): Array<Record<string, string>> {
  const table = TABLES[q.table];
  if (!table || (q.table === 'rolerestrictions' && account.suiteql.roleRestrictions === 'missing')) throw new SuiteQlError(`Record '${q.table}' was not found.`);
  const columns = table.columns(account);
  const known = new Set(columns);
  const used = [...(q.columns === '*' ? [] : q.columns), ...q.where.map((w) => w.column), ...q.orderBy.map((o) => o.column)];
  const unknown = used.find((c) => !known.has(c));
  if (unknown) throw new SuiteQlError(`Field '${unknown}' for record '${q.table}' was not found. Reason: NOT_EXPOSED - Not available for channel SEARCH`);
  const tests = q.where.map(compile);
  let rows = tableRows(account, q.table).filter((r) => tests.every((t) => t(r)));
  if (q.orderBy.length) {
    rows = [...rows].sort((a, b) => {
      for (const o of q.orderBy) {
        const d = compare(a[o.column], b[o.column]);
        if (d) return o.desc ? -d : d;
      }
      return 0;
    });
  }
  const cols = q.columns === '*' ? columns : q.columns;
  return rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c]])));
}
