/**
 * Reads who holds roles in one account over SuiteQL, in one query per table (paged): employees,
 * role assignments, logins (grouped in the query: the last success per person, role and token),
 * global permissions, and the permissions of roles that people hold together. A table the token
 * may not read, or that answers with columns whose meaning is unconfirmed, is not read: the parts
 * that depend on it are not verifiable, and the notes say which tables answered (docs/netsuite-facts.md §8:
 * which assignment table and columns answer over REST is unconfirmed).
 */
import { AuditError } from '../../core/errors';
import { parseLevel, type Level } from '../../core/catalog';
import { parsePermkey } from '../../core/catalog/permkey';
import type { AccessPerson, AccountAccess, LoginGroup } from '../../core/access/account';
import type { Known } from '../../core/access/facts';
import { readPermissionsBulk } from '../fleet/bulk-read';
import type { SuiteQlClient } from '../netsuite/suiteql-client';
import { queryRoles } from '../sources/suiteql-source';

/** Role assignment tables and columns, tried in this order (docs/netsuite-facts.md §8). */
const ASSIGNMENT_QUERIES = [
  { table: 'employeerolesforsearch', person: 'entity', role: 'role' },
  { table: 'employeeroles', person: 'employee', role: 'role' },
  { table: 'employeeroles', person: 'entity', role: 'selectedrole' },
] as const;

/** Global permission columns a client can interpret: (person, permission, level). */
const GLOBAL_COLUMNS = [
  { person: 'employee', permission: 'permkey', level: 'permlevel' },
  { person: 'entity', permission: 'permission', level: 'level' },
];

/** The last successful login per person, role and token; dates as TO_CHAR writes them (HH24: HH is 12-hour). */
const LOGINS_QUERY = "SELECT user, role, oauthaccesstokenname, oauthappname, TO_CHAR(MAX(date), 'YYYY-MM-DD HH24:MI:SS') AS lastlogin FROM loginaudit WHERE status = 'Success' GROUP BY user, role, oauthaccesstokenname, oauthappname ORDER BY user, role, oauthaccesstokenname, oauthappname";

/** A query NetSuite refused for this token or account (a missing permission, a table or column it does not have): why, in a sentence. */
function refused(e: unknown, table: string): string | undefined {
  if (!(e instanceof AuditError) || (e.code !== 'PERMISSION_DENIED' && e.code !== 'REQUEST_REJECTED')) return undefined;
  const netsuite = /Record '[^']+' was not found\.|Field '[^']+' for record '[^']+' was not found/.exec(e.message)?.[0];
  return `${table}: ${netsuite ? `NetSuite answered "${netsuite}"` : e.message.replace(/^[^:]+: /, '')}`;
}

/** Reads a table, or says why it could not be read; errors other than a refusal (network, auth) are thrown. */
async function attempt<T>(table: string, read: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; why: string }> {
  try {
    return { ok: true, value: await read() };
  } catch (e) {
    const why = refused(e, table);
    if (why === undefined) throw e;
    return { ok: false, why };
  }
}

const bool = (v: string | undefined) => (v === 'T' ? true : v === 'F' ? false : undefined);

/** An id column: digits, or the row is not what the API documents. */
function id(row: Record<string, string>, column: string, what: string): string {
  const v = row[column];
  if (!/^-?\d+$/.test(v ?? '')) throw new AuditError('MALFORMED_RESPONSE', `${what}: ${column} ${JSON.stringify(v)} is not an internal id`);
  return v;
}

/**
 * Reads the account's access data. `permissionsFor` decides which roles' permissions are read
 * (those people hold together, for segregation of duties); none when it returns nothing.
 */
export async function readAccountAccess(client: SuiteQlClient, account: string, opts: { conflicts: boolean }): Promise<AccountAccess> {
  const notes: string[] = [];
  const roleRead = await attempt('role', async () => (await queryRoles(client, undefined, 'list roles', true)).rows);
  let roles: AccountAccess['roles'] = roleRead.ok ? roleRead.value.map((r) => ({ internalId: r.internalId!, ...(r.scriptId ? { scriptId: r.scriptId } : {}), ...(r.name ? { name: r.name } : {}), ...(r.flags.inactive !== undefined ? { inactive: r.flags.inactive } : {}) })) : [];

  const peopleRead = await attempt('employee', () => client.all('SELECT id, entityid, email, giveaccess, isinactive FROM employee ORDER BY id', 'read employees'));
  const people: Known<{ list: AccessPerson[] }> = peopleRead.ok
    ? { ok: true, list: peopleRead.value.map((r) => ({ id: id(r, 'id', 'read employees'), ...(r.entityid ? { name: r.entityid } : {}), ...(r.email ? { email: r.email } : {}), ...(bool(r.giveaccess) !== undefined ? { hasAccess: bool(r.giveaccess) } : {}), ...(bool(r.isinactive) !== undefined ? { inactive: bool(r.isinactive) } : {}) })) }
    : { ok: false, why: peopleRead.why };
  if (!people.ok) notes.push(`Employees could not be read (${people.why}): holders are named by internal id, and whether they may log in is unknown (counted as may).`);

  // Role assignments: the first table and columns that answer.
  const refusals: string[] = [];
  let assignments: AccountAccess['assignments'] | undefined;
  for (const q of ASSIGNMENT_QUERIES) {
    const what = `read role assignments (${q.table})`;
    const r = await attempt(`${q.table} (${q.person}, ${q.role})`, () => client.all(`SELECT ${q.person}, ${q.role} FROM ${q.table} ORDER BY ${q.person}, ${q.role}`, what));
    if (!r.ok) { refusals.push(r.why); continue; }
    assignments = { ok: true, list: r.value.map((row) => ({ personId: id(row, q.person, what), roleId: id(row, q.role, what) })) };
    notes.push(`Role assignments read from ${q.table} (${q.person}, ${q.role})${refusals.length ? `; tried first: ${refusals.join('; ')}` : ''}.`);
    break;
  }
  assignments ??= { ok: false, why: `no role assignment table answered: ${refusals.join('; ')}` };

  const loginRead = await attempt('loginaudit', () => client.all(LOGINS_QUERY, 'read the login audit trail'));
  let logins: AccountAccess['logins'];
  if (loginRead.ok) {
    const list: LoginGroup[] = [];
    for (const r of loginRead.value) {
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r.lastlogin ?? '')) throw new AuditError('MALFORMED_RESPONSE', `read the login audit trail: lastlogin ${JSON.stringify(r.lastlogin)} is not 'YYYY-MM-DD HH24:MI:SS'`);
      list.push({ ...(r.user ? { personId: r.user } : {}), ...(r.role ? { roleId: r.role } : {}), ...(r.oauthaccesstokenname ? { token: r.oauthaccesstokenname } : {}), ...(r.oauthappname ? { app: r.oauthappname } : {}), last: r.lastlogin.replace(' ', 'T') });
    }
    logins = { ok: true, list };
    notes.push('Last use read from the Login Audit Trail (successful logins). How long NetSuite keeps its rows is not published; a token never used leaves no row.');
  } else {
    logins = { ok: false, why: `the Login Audit Trail could not be read (${loginRead.why}); the token's role needs View Login Audit Trail` };
  }

  if (!roleRead.ok) {
    // Without the role table (it needs Bulk Manage Roles), roles are known by the ids people hold.
    if (!assignments.ok) throw new AuditError('PERMISSION_DENIED', `read who holds roles in ${account}: neither roles (${roleRead.why}) nor role assignments (${assignments.why}) could be read`, { details: { hint: "use a token whose role has 'Bulk Manage Roles' and 'Employee Record' (see docs/access.md)" } });
    roles = [...new Set(assignments.list.map((a) => a.roleId))].sort((a, b) => Number(a) - Number(b)).map((internalId) => ({ internalId }));
    notes.push(`Roles could not be read (${roleRead.why}): roles are named by internal id, and only those someone holds are listed.`);
  }

  // Global permissions: columns not published, so read them all and interpret only known ones.
  const globalRead = await attempt('employeeempperms', () => client.all('SELECT * FROM employeeempperms', 'read global permissions'));
  let globalPermissions: AccountAccess['globalPermissions'];
  if (!globalRead.ok) globalPermissions = { ok: false, why: `global permissions could not be read (${globalRead.why})` };
  else {
    const seen = new Set(globalRead.value.flatMap((r) => Object.keys(r)));
    const cols = GLOBAL_COLUMNS.find((c) => !globalRead.value.length || (seen.has(c.person) && seen.has(c.permission) && seen.has(c.level)));
    if (!cols) globalPermissions = { ok: false, why: `employeeempperms answered with columns ${[...seen].sort().join(', ')}, whose meaning is unconfirmed` };
    else {
      const list = globalRead.value.map((r) => {
        const level = /^[0-4]$/.test(r[cols.level] ?? '') ? parseLevel(r[cols.level]) as Level : undefined;
        if (!level || !r[cols.permission]) throw new AuditError('MALFORMED_RESPONSE', `read global permissions: a row with ${cols.permission} ${JSON.stringify(r[cols.permission])} and ${cols.level} ${JSON.stringify(r[cols.level])}`);
        return { personId: id(r, cols.person, 'read global permissions'), permkey: parsePermkey(r[cols.permission]).id, level };
      });
      globalPermissions = { ok: true, list };
    }
  }

  // Permissions of the roles people hold together (segregation of duties across a person's roles).
  let rolePermissions: AccountAccess['rolePermissions'] = { ok: true, byRole: new Map() };
  if (opts.conflicts && assignments.ok) {
    const byPerson = new Map<string, string[]>();
    for (const a of assignments.list) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a.roleId]);
    const ids = [...new Set([...byPerson.values()].filter((r) => r.length > 1).flat())].sort();
    if (ids.length) {
      const read = await attempt('rolepermissions', () => readPermissionsBulk(client, ids));
      rolePermissions = read.ok ? { ok: true, byRole: read.value } : { ok: false, why: `the permissions of roles people hold together could not be read (${read.why})` };
    }
  }
  return { account, sandbox: /_SB\d*$/i.test(account), roles, people, assignments, logins, globalPermissions, rolePermissions, notes };
}
