import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { historySteps, type HistoryStep } from '../../core/history/history';
import { AuditError } from '../../core/errors';
import { isCalendarDate } from '../../core/dates';
import { HISTORY_FORMATS, type Attribution, type HistoryReport } from '../../core/format/history';
import { CONFIG_FILE, readConfig } from '../../adapters/config';
import { loadHistory } from '../../adapters/history-store';
import type { SuiteQlClient } from '../../adapters/netsuite/suiteql-client';
import { sqlString } from '../../adapters/netsuite/suiteql-client';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { openLiveSession } from '../live';
import { writeOutputFile } from '../output';

/** Where history is kept unless --history or the config says. */
export const DEFAULT_HISTORY_DIR = '.ns-role-audit/history';

export const HISTORY_HELP = `Usage: ns-role-audit history --role <id> [options]

What changed in a role over time, from the dated reads audit --history (or
pull --history) kept: each permission added, removed or changed level, each
flag, setting and restriction change, with the last time the role was seen
the old way and the first time it was seen the new way.

Options:
  --role <id>               the role: script id, or internal id (required)
  --history <dir>           the history folder (default: the config's history:,
                            else ${DEFAULT_HISTORY_DIR})
  --account <id>            the account, when the folder holds several
  --since <YYYY-MM-DD>      changes first seen on or after this date
  --who                     ask NetSuite's system notes who changed the role's
                            main fields (live: NETSUITE_* or --connection);
                            NetSuite keeps no notes for the permission subtabs
  --connection <name>, --config <file>   as for audit
  --format <name>[=<file>]  table (default), json, markdown, html (a timeline)
  -h, --help                show this help

Exit codes: 0 the history was read, 2 it could not be (no such role or folder).
`;

/** The role's folder: a script id, or an internal id (folders of roles without a script id are id-<n>; else the snapshots say). */
function findRole(dir: string, account: string, role: string): string {
  const base = join(dir, account);
  const folders = existsSync(base) ? readdirSync(base) : [];
  const want = role.toLowerCase().replace(/^#/, '');
  if (folders.includes(want)) return want;
  if (/^\d+$/.test(want)) {
    if (folders.includes(`id-${want}`)) return `id-${want}`;
    const hit = folders.find((f) => loadHistory(dir, account, f).snapshots.some((s) => s.role.internalId === want));
    if (hit) return hit;
  }
  throw new AuditError('USAGE', `no history of ${role} in ${base}`, { details: { hint: folders.length ? `roles kept: ${folders.join(', ')}` : 'run audit --history first' } });
}

/**
 * Who NetSuite's system notes say changed the role's main fields between two reads. Notes are read
 * for the role, whichever record type id the account gives roles (-118 or -264; sources differ).
 */
async function attribute(client: SuiteQlClient, roleId: string | undefined, step: HistoryStep): Promise<Attribution> {
  const main = step.changes.filter((c) => c.inSystemNotes);
  if (!main.length) return { status: 'not-recorded', why: 'NetSuite keeps no system notes for changes on the permission subtabs or restrictions: the times above are what is known' };
  if (!roleId) return { status: 'not-verifiable', why: 'the history does not hold the role\'s internal id' };
  let rows: Array<Record<string, string>>;
  try {
    rows = await client.all(`SELECT TO_CHAR(date, 'YYYY-MM-DD HH24:MI:SS') AS at, name, field, oldvalue, newvalue, recordtypeid FROM systemnote WHERE recordid = ${sqlString(roleId)} ORDER BY at`, 'read system notes');
  } catch (e) {
    if (e instanceof AuditError && (e.code === 'PERMISSION_DENIED' || e.code === 'REQUEST_REJECTED')) return { status: 'not-verifiable', why: `system notes could not be read (${e.message.replace(/^[^:]+: /, '')})` };
    throw e;
  }
  const from = step.lastSeenBefore.replace('T', ' ').replace('Z', '');
  const to = step.firstSeenAfter.replace('T', ' ').replace('Z', '');
  const notes = rows.filter((r) => (r.recordtypeid === '-118' || r.recordtypeid === '-264') && r.at > from && r.at <= to);
  if (!notes.length) return { status: 'not-verifiable', why: 'no system note for the role in that window visible to this token (without System Notes, NetSuite shows a token only its own changes)' };
  return { status: 'found', notes: notes.map((n) => ({ at: `${n.at.replace(' ', 'T')}Z`, by: n.name ?? '(unknown)', field: n.field ?? '(field not named)', ...(n.oldvalue !== undefined ? { from: n.oldvalue } : {}), ...(n.newvalue !== undefined ? { to: n.newvalue } : {}) })) };
}

/** `ns-role-audit history`. */
export async function runHistory(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('history', argv, {
    role: { type: 'string' },
    history: { type: 'string' },
    account: { type: 'string' },
    since: { type: 'string' },
    who: { type: 'boolean', default: false },
    connection: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string', multiple: true },
    verbose: { type: 'boolean', default: false },
  });
  if (values.help) { io.stdout.write(HISTORY_HELP); return EXIT.OK; }
  if (!values.role) throw new AuditError('USAGE', 'history: --role is required', { details: { hint: "run 'ns-role-audit history --help'" } });
  if (values.since !== undefined && !isCalendarDate(values.since)) throw new AuditError('USAGE', `--since ${JSON.stringify(values.since)}: expected a date as YYYY-MM-DD`);
  const configFile = resolve(io.cwd, values.config ?? CONFIG_FILE);
  const dir = resolve(io.cwd, values.history ?? (existsSync(configFile) ? readConfig(configFile).history : undefined) ?? DEFAULT_HISTORY_DIR);
  if (!existsSync(dir)) throw new AuditError('USAGE', `no history folder at ${dir}`, { details: { hint: 'keep history with audit --history <dir> (or history: in the config)' } });
  const accounts = readdirSync(dir).filter((a) => /^[A-Z0-9_]+$/.test(a));
  const account = values.account?.toUpperCase().replace(/-/g, '_') ?? (accounts.length === 1 ? accounts[0] : undefined);
  if (!account || !accounts.includes(account)) throw new AuditError('USAGE', values.account ? `no history of account ${values.account} in ${dir}` : `${dir} holds ${accounts.length ? `several accounts (${accounts.join(', ')}): pass --account` : 'no account yet'}`);
  const role = findRole(dir, account, values.role);
  const h = loadHistory(dir, account, role);
  const steps: HistoryReport['steps'] = historySteps(h, values.since);
  const notes: string[] = [];
  if (values.who) {
    const session = openLiveSession({ connection: values.connection, config: values.config, verbose: values.verbose }, io);
    if (session.connection.accountId !== account) throw new AuditError('USAGE', `the history is of account ${account}; this connection is account ${session.connection.accountId}`);
    const roleId = h.snapshots[h.snapshots.length - 1]?.role.internalId;
    for (const s of steps) s.attribution = await attribute(session.suiteql, roleId, s);
    notes.push('Who: best effort from NetSuite\'s system notes, which track a role\'s main fields only.');
  }
  const report: HistoryReport = {
    account, role, folder: join(dir, account, role), snapshots: h.snapshots.length, reads: h.reads.length,
    ...(h.reads.length ? { firstRead: h.reads[0], lastRead: h.reads[h.reads.length - 1] } : {}),
    ...(values.since ? { since: values.since } : {}), steps, notes,
  };
  const outputs = (values.format as string[] | undefined)?.length ? (values.format as string[]) : ['table'];
  for (const o of outputs) {
    const [name, file] = o.split(/=(.*)/s);
    const format = HISTORY_FORMATS[oneOf('format', name, Object.keys(HISTORY_FORMATS) as Array<keyof typeof HISTORY_FORMATS>)];
    if (file) writeOutputFile(io, file, format(report));
    else io.stdout.write(format(report));
  }
  return EXIT.OK;
}
