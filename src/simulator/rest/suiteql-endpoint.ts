import type { SimAccount, SimToken } from '../account';
import { permissionViolation, roleHas } from '../access';
import { verifyOAuth, type NonceStore, type RestRequestView } from '../auth';
import { INVALID_LOGIN_DETAIL, RestError } from './errors';
import { executeSuiteQl } from './suiteql-execute';
import { parseSuiteQl, SuiteQlError } from './suiteql-parse';

/** Rows one SuiteQL query can reach at most, however it is paged (docs/netsuite-facts.md §3). */
const MAX_QUERY_ROWS = 100_000;
/** Rows one page can hold at most. */
const MAX_PAGE_SIZE = 1000;

/**
 * The permission (and level) reading each table needs on the calling role: Setup > Bulk Manage
 * Roles for the role tables (docs/netsuite-facts.md §3); Custom Record Types for customrecordtype
 * (Oracle's record catalog: CustomRecordType needs ADMI_CUSTRECORD).
 */
const TABLE_PERMISSION: Record<string, [string, 'VIEW' | 'FULL']> = {
  role: ['ADMI_MANAGEROLES', 'FULL'],
  rolepermissions: ['ADMI_MANAGEROLES', 'FULL'],
  rolerestrictions: ['ADMI_MANAGEROLES', 'FULL'],
  customrecordtype: ['ADMI_CUSTRECORD', 'VIEW'],
  // Who holds roles (docs/netsuite-facts.md §8): Employee Record for employees and their roles, View Login Audit
  // Trail for logins, Lists > Employees for global permissions (the last two as published; the
  // assignment tables' permission is unconfirmed and taken to be the employee table's).
  employee: ['LIST_EMPLOYEE_RECORD', 'VIEW'],
  employeerolesforsearch: ['LIST_EMPLOYEE_RECORD', 'VIEW'],
  employeeroles: ['LIST_EMPLOYEE_RECORD', 'VIEW'],
  loginaudit: ['ADMI_AUDITLOGIN', 'FULL'],
  employeeempperms: ['LIST_EMPLOYEE', 'VIEW'],
};

/** The answer to one REST call, and the log's view of it. */
export interface RestOutcome {
  status: number;
  body: string;
  outcome: string;
  token?: string;
  role?: string;
  target?: string;
  detail?: string;
  /** Rows returned. */
  rows?: number;
}

/** A small LRU of query text -> rows (emptied when the account changes). */
export class QueryCache {
  private map = new Map<string, Array<Record<string, string>>>();
  constructor(private readonly size = 16) {}
  get(q: string) {
    const rows = this.map.get(q);
    if (rows) { this.map.delete(q); this.map.set(q, rows); }
    return rows;
  }
  clear() {
    this.map.clear();
  }
  set(q: string, rows: Array<Record<string, string>>) {
    this.map.set(q, rows);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}

/** POST /services/rest/query/v1/suiteql, as NetSuite answers it. */
export function handleSuiteQl(input: {
  account: SimAccount;
  req: RestRequestView;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  now: Date;
  nonces: NonceStore;
  /** Results of recent queries, so paging a big query does not re-run it for every page. */
  cache?: QueryCache;
}): RestOutcome {
  const { account, req } = input;
  let token: SimToken | undefined;
  let target: string | undefined;
  let detail: string | undefined;
  try {
    if (req.method !== 'POST') throw new RestError(405, 'METHOD_NOT_ALLOWED', `The ${req.method} method is not allowed on this resource; use POST.`);
    if (!account.features.restWebServices) throw new RestError(401, 'INVALID_LOGIN', INVALID_LOGIN_DETAIL);
    const auth = verifyOAuth(account, req, Math.floor(input.now.getTime() / 1000), input.nonces);
    if (!auth.ok) {
      detail = auth.reason;
      throw new RestError(401, 'INVALID_LOGIN', INVALID_LOGIN_DETAIL);
    }
    token = auth.token;
    for (const p of ['ADMI_RESTWEBSERVICES', 'REPO_ANALYTICS']) {
      if (!roleHas(token.role, p)) throw new RestError(403, 'INSUFFICIENT_PERMISSION', permissionViolation(p));
    }
    const prefer = String(input.headers.prefer ?? '');
    if (!/\btransient\b/i.test(prefer)) {
      throw new RestError(400, 'INVALID_HEADER', "The request is missing the required header 'Prefer: transient'.");
    }
    const contentType = String(input.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(contentType)) throw new RestError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content type '${contentType || 'none'}' is not supported; send application/json.`);
    const params = new Map(req.query);
    const limit = params.has('limit') ? Number(params.get('limit')) : MAX_PAGE_SIZE;
    const offset = params.has('offset') ? Number(params.get('offset')) : 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new RestError(400, 'INVALID_PARAMETER', `Invalid 'limit' parameter value: ${params.get('limit')}. Provide a value between 1 and ${MAX_PAGE_SIZE}.`, 'limit');
    if (!Number.isInteger(offset) || offset < 0) throw new RestError(400, 'INVALID_PARAMETER', `Invalid 'offset' parameter value: ${params.get('offset')}.`, 'offset');
    if (offset >= MAX_QUERY_ROWS) throw new RestError(400, 'INVALID_PARAMETER', `The offset must be less than ${MAX_QUERY_ROWS}: a query returns at most ${MAX_QUERY_ROWS} rows. Split the query.`, 'offset');

    let q: string;
    try {
      const parsed = JSON.parse(input.body) as unknown;
      if (!parsed || typeof parsed !== 'object' || typeof (parsed as { q?: unknown }).q !== 'string') throw new Error('no q');
      q = (parsed as { q: string }).q;
    } catch {
      throw new RestError(400, 'INVALID_CONTENT', 'The request body must be a JSON object with a string property "q".');
    }
    let rows: Array<Record<string, string>>;
    try {
      const query = parseSuiteQl(q);
      target = query.table;
      const needs = TABLE_PERMISSION[query.table];
      if (needs && !roleHas(token.role, needs[0], needs[1])) {
        // Public clients see a 400 "Record 'role' was not found." for tables the role may not
        // read (docs/netsuite-facts.md §3); a 403 is unconfirmed, so the fixture may choose it.
        if (account.suiteql.roleTablesDenied === 403) throw new RestError(403, 'INSUFFICIENT_PERMISSION', permissionViolation(needs[0]));
        throw new SuiteQlError(`Record '${query.table}' was not found.`);
      }
      // The login audit trail is dated by the server's clock, which tests move: never cached.
      const cache = query.table === 'loginaudit' || query.table === 'systemnote' ? undefined : input.cache;
      rows = cache?.get(q) ?? executeSuiteQl(account, query, input.now, { userId: token.userId, role: token.role });
      cache?.set(q, rows);
    } catch (e) {
      if (e instanceof SuiteQlError) {
        throw new RestError(400, 'INVALID_PARAMETER', `Invalid search query. Detailed unprocessed description follows. Search error occurred: ${e.message}`, 'q');
      }
      throw e;
    }
    const reachable = Math.min(rows.length, MAX_QUERY_ROWS);
    const items = rows.slice(offset, Math.min(offset + limit, reachable)).map((r) => ({ links: [], ...r }));
    const hasMore = offset + items.length < reachable;
    const base = `${req.scheme}://${req.host}${req.path}`;
    const href = (o: number) => `${base}?limit=${limit}&offset=${o}`;
    const links = [
      ...(offset > 0 ? [{ rel: 'previous', href: href(Math.max(0, offset - limit)) }] : []),
      { rel: 'first', href: href(0) },
      ...(hasMore ? [{ rel: 'next', href: href(offset + limit) }] : []),
      { rel: 'last', href: href(Math.max(0, Math.floor((reachable - 1) / limit) * limit)) },
      { rel: 'self', href: href(offset) },
    ];
    const body = JSON.stringify({ links, count: items.length, hasMore, items, offset, totalResults: rows.length });
    return { status: 200, body, outcome: 'ok', token: token.name, role: token.role.scriptId, target, rows: items.length };
  } catch (e) {
    const err = e instanceof RestError ? e : new RestError(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
    return { status: err.status, body: err.body(), outcome: err.code, token: token?.name, role: token?.role.scriptId, target, detail };
  }
}
