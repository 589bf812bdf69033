import { AuditError } from '../../core/errors';
import { QUERY_ROW_CAP, sqlString, SUITEQL_PAGE, type SuiteQlClient } from '../netsuite/suiteql-client';
import type { RoleSnapshot } from '../../core/model';
import { permissionFromRow, queryRoles } from '../sources/suiteql-source';

/** Ids in one IN list (Oracle's limit, which SuiteQL inherits). */
const MAX_IN_LIST = 1000;
/** Aim below the cap, so a chunk that grew between estimate and read still fits. */
const TARGET_ROWS = 90_000;
/** Chunks of more roles than this, of unknown size, are sized with a one-row page first. */
const PROBE_ABOVE_ROLES = 300;

/** Every role of the account, one query paged (role rows only), with the columns the account would not give. */
export async function listRolesBulk(client: SuiteQlClient): Promise<{ roles: Array<Omit<RoleSnapshot, 'permissions' | 'evidence' | 'origin'>>; unread: string[] }> {
  const { rows, unread } = await queryRoles(client, undefined, 'list roles', true);
  return { roles: rows, unread };
}

/**
 * Reads the permissions of many roles in as few requests as the API allows: IN lists of role
 * ids ordered by (role, permkey), split so no query passes 100,000 rows, pages read in parallel
 * (the account's limiter caps them) once the first page has told the total. Each row is read once.
 */
export async function readPermissionsBulk(client: SuiteQlClient, roleIds: readonly string[], onProgress?: (rowsRead: number) => void): Promise<Map<string, RoleSnapshot['permissions']>> {
  const out = new Map<string, RoleSnapshot['permissions']>(roleIds.map((id) => [id, []]));
  let rowsRead = 0;
  let rowsPerRole: number | undefined; // learnt from the first chunk

  // Too big for one query: split by the rows each role holds on average, and read the parts.
  const split = (ids: readonly string[], total: number): Promise<unknown> => {
    // A single role that claims more rows than any query can return cannot be split further:
    // an error for that role, never an endless re-split.
    if (ids.length === 1) throw new AuditError('RESULT_TOO_LARGE', `read permissions of role ${ids[0]}: NetSuite announces ${total} permission rows, more than one query can return (${QUERY_ROW_CAP})`);
    rowsPerRole = total / ids.length;
    const parts = Math.ceil(total / TARGET_ROWS);
    return Promise.all(chunk(ids, Math.ceil(ids.length / parts)).map(readChunk));
  };

  const readChunk = async (ids: readonly string[]): Promise<void> => {
    const q = `SELECT role, permkey, permlevel, restriction FROM rolepermissions WHERE role IN (${ids.map(sqlString).join(', ')}) ORDER BY role, permkey`;
    const what = `read permissions of ${ids.length} roles`;
    // A big chunk of unknown size is sized first with a one-row page, so an oversized query costs
    // one row, not a thousand, before it is split.
    if (rowsPerRole === undefined && ids.length > PROBE_ABOVE_ROLES) {
      const probe = await client.page(q, what, 0, 1);
      if (probe.totalResults > QUERY_ROW_CAP) { await split(ids, probe.totalResults); return; }
    }
    const first = await client.page(q, what, 0);
    if (first.totalResults > QUERY_ROW_CAP) { await split(ids, first.totalResults); return; }
    rowsPerRole ??= first.totalResults / ids.length;
    const rest = [];
    for (let offset = SUITEQL_PAGE; offset < first.totalResults; offset += SUITEQL_PAGE) rest.push(offset);
    const pages = [first, ...(await Promise.all(rest.map((o) => client.page(q, what, o))))];
    let got = 0;
    for (const p of pages) {
      for (const row of p.items) {
        const list = out.get(row.role);
        if (!list) throw new AuditError('MALFORMED_RESPONSE', `${what}: a row for role ${JSON.stringify(row.role)}, which was not asked for`);
        list.push(permissionFromRow(row));
      }
      got += p.items.length;
    }
    if (got !== first.totalResults) throw new AuditError('MALFORMED_RESPONSE', `${what}: ${got} rows read of ${first.totalResults} announced (the data changed while paging?)`);
    rowsRead += got;
    onProgress?.(rowsRead);
  };

  // First chunk sized by the IN-list limit; later ones by what the first showed about row counts.
  const ids = [...roleIds];
  const first = ids.slice(0, MAX_IN_LIST);
  if (first.length) await readChunk(first);
  const pending: Promise<void>[] = [];
  for (let i = first.length; i < ids.length;) {
    const size = Math.max(1, Math.min(MAX_IN_LIST, Math.floor(TARGET_ROWS / Math.max(1, rowsPerRole ?? 1))));
    pending.push(readChunk(ids.slice(i, i + size)));
    i += size;
  }
  await Promise.all(pending);
  return out;
}

function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
