import { AuditError } from '../../core/errors';
import type { Credentials } from './credentials';
import { suiteQlUrl } from './endpoints';
import { restError } from './rest-errors';
import { oauthHeader, type SigningContext } from './signing';
import type { Transport } from './transport';

/** One validated page of SuiteQL results. Every value is a string (as NetSuite sends them). */
export interface SuiteQlPage {
  items: Array<Record<string, string>>;
  hasMore: boolean;
  totalResults: number;
  offset: number;
  /** The answer's Date header (NetSuite's clock, to the second), when it had one. */
  serverDate?: string;
}

/** Rows in one page at most. */
export const SUITEQL_PAGE = 1000;
/** Rows one query can reach at most (docs/netsuite-facts.md §3). */
export const QUERY_ROW_CAP = 100_000;

function invalid(what: string, why: string): AuditError {
  return new AuditError('MALFORMED_RESPONSE', `${what}: NetSuite's SuiteQL response is not what the API documents (${why})`);
}

/** Checks a SuiteQL response body before anything maps it: malformed data is an error, never "no rows". */
function parseSuiteQlPage(text: string, what: string): SuiteQlPage {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid(what, 'not JSON');
  }
  const b = body as Record<string, unknown>;
  if (!b || typeof b !== 'object' || !Array.isArray(b.items)) throw invalid(what, 'no items array');
  if (typeof b.hasMore !== 'boolean') throw invalid(what, 'hasMore is not a boolean');
  if (typeof b.count !== 'number' || b.count !== b.items.length) throw invalid(what, 'count does not match the items');
  if (typeof b.offset !== 'number' || typeof b.totalResults !== 'number') throw invalid(what, 'offset/totalResults missing');
  const items = b.items.map((it, i) => {
    if (!it || typeof it !== 'object' || Array.isArray(it)) throw invalid(what, `item ${i} is not an object`);
    const row: Record<string, string> = {};
    for (const [k, v] of Object.entries(it as Record<string, unknown>)) {
      if (k === 'links') continue;
      if (v === null || v === undefined) continue; // SuiteQL leaves out or nulls empty values
      if (typeof v !== 'string' && typeof v !== 'number') throw invalid(what, `item ${i}.${k} is not a value`);
      row[k] = String(v);
    }
    return row;
  });
  return { items, hasMore: b.hasMore, totalResults: b.totalResults, offset: b.offset };
}

/** A SuiteQL client over the shared transport (limiter, retries, timeouts). */
export function createSuiteQlClient(opts: { credentials: Credentials; baseUrl: string; transport: Transport; signingContext: () => SigningContext }) {
  const endpoint = suiteQlUrl(opts.baseUrl);

  async function page(q: string, what: string, offset = 0, limit = SUITEQL_PAGE): Promise<SuiteQlPage> {
    const url = `${endpoint}?limit=${limit}&offset=${offset}`;
    const r = await opts.transport.send({
      api: 'rest',
      method: 'POST',
      url,
      label: what,
      body: JSON.stringify({ q }),
      headers: () => ({
        authorization: oauthHeader(opts.credentials, 'POST', url, opts.signingContext()),
        prefer: 'transient',
        'content-type': 'application/json',
        accept: 'application/json',
      }),
    });
    if (r.status !== 200) throw restError(r, what);
    const parsed = parseSuiteQlPage(r.text, what);
    return r.headers.date ? { ...parsed, serverDate: r.headers.date } : parsed;
  }

  /**
   * Every row of a query, paging while hasMore (the query must order by a unique key). Bounded:
   * never more rows than the first page announced, never past the 100,000-row cap.
   */
  async function all(q: string, what: string): Promise<Array<Record<string, string>>> {
    const rows: Array<Record<string, string>> = [];
    let announced: number | undefined;
    for (let offset = 0; ; offset += SUITEQL_PAGE) {
      if (offset >= QUERY_ROW_CAP) throw invalid(what, `still paging at row ${offset}, past the ${QUERY_ROW_CAP}-row cap a query has`);
      const p = await page(q, what, offset);
      announced ??= p.totalResults;
      for (const item of p.items) rows.push(item); // no spread: a huge page must not overflow the stack
      if (rows.length > announced) throw invalid(what, `${rows.length} rows read, more than the ${announced} announced`);
      if (!p.hasMore) {
        // Past 100,000 rows NetSuite stops paging: the rows we hold are then fewer than the total.
        if (p.totalResults > rows.length) throw new AuditError('RESULT_TOO_LARGE', `${what}: ${p.totalResults} rows, more than one query may return; the query must be split`);
        return rows;
      }
      if (!p.items.length) throw invalid(what, 'hasMore with an empty page');
    }
  }

  return { page, all };
}

/** A SuiteQL client. */
export type SuiteQlClient = ReturnType<typeof createSuiteQlClient>;

/** Quotes a value for SuiteQL: single quotes doubled. */
export function sqlString(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}
