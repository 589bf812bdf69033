/**
 * The history folder: `<dir>/<account>/<role>/<time>.json` role snapshots, kept only when the
 * role changed, and `reads.txt`, one line per read (the time). Git-friendly: snapshots are written
 * once and never rewritten, keys in a stable order, nothing volatile or secret in them.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditError } from '../core/errors';
import { roleContent, type RoleHistory } from '../core/history/history';
import type { RoleSnapshot } from '../core/model';
import { canonicalRole } from '../core/role/canonical';
import { formatSnapshot, parseSnapshot } from '../core/role/snapshot';
import { fileErrorText } from '../core/file-errors';
import { readTextFile } from './read-file';

/** The folder of one role: its script id, else its internal id. */
export function roleKey(role: Pick<RoleSnapshot, 'scriptId' | 'internalId'>): string {
  const key = role.scriptId?.toLowerCase() ?? (role.internalId ? `id-${role.internalId}` : undefined);
  if (!key || !/^[a-z0-9_-]+$/.test(key)) throw new AuditError('USAGE', `a role with script id ${JSON.stringify(role.scriptId)} cannot be kept in the history folder`);
  return key;
}

/** A time as a file name: colons are not allowed everywhere. */
const fileOf = (at: string) => `${at.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`;
const atOf = (file: string) => file.replace(/\.json$/, '').replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3');

function folder(dir: string, account: string, role: string): string {
  if (!/^[A-Z0-9_]+$/.test(account)) throw new AuditError('USAGE', `account ${JSON.stringify(account)} cannot name a history folder`);
  return join(dir, account, role);
}

/** Reads what the history holds for one role (empty when nothing yet). */
export function loadHistory(dir: string, account: string, role: string): RoleHistory {
  const where = folder(dir, account, role);
  if (!existsSync(where)) return { account, role, snapshots: [], reads: [] };
  let files: string[];
  try {
    files = readdirSync(where).filter((f) => /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.json$/.test(f)).sort();
  } catch (e) {
    throw new AuditError('HISTORY_UNREADABLE', `${where}: ${fileErrorText(e)}`);
  }
  const snapshots = files.map((f) => {
    const path = join(where, f);
    const roles = parseSnapshot(path, readTextFile(path, 'role'));
    if (roles.length !== 1) throw new AuditError('HISTORY_UNREADABLE', `${path}: a history snapshot holds one role, not ${roles.length}`);
    return { at: atOf(f), file: path, role: roles[0] };
  });
  const readsFile = join(where, 'reads.txt');
  const reads = existsSync(readsFile) ? readTextFile(readsFile, 'role').split('\n').map((l) => l.trim()).filter((l) => /^\d{4}-\d{2}-\d{2}T[\d:]+Z$/.test(l)).sort() : [];
  return { account, role, snapshots, reads };
}

/**
 * Records one read: a new snapshot when the role differs from the last one kept (or none is),
 * and the read's time in reads.txt either way. Returns the history after it.
 */
export function recordRead(dir: string, account: string, role: RoleSnapshot, readAt: string): { history: RoleHistory; written?: string } {
  const key = roleKey(role);
  const at = readAt.replace(/\.\d+Z$/, 'Z');
  const before = loadHistory(dir, account, key);
  const last = before.snapshots[before.snapshots.length - 1];
  const where = folder(dir, account, key);
  let written: string | undefined;
  try {
    mkdirSync(where, { recursive: true });
    if (!last || roleContent(last.role) !== roleContent(role)) {
      written = join(where, fileOf(at));
      const c = canonicalRole(role);
      const stable: RoleSnapshot = { ...role, flags: c.flags as RoleSnapshot['flags'], settings: c.settings as RoleSnapshot['settings'], permissions: c.permissions, ...(c.recordRestrictions ? { recordRestrictions: c.recordRestrictions as RoleSnapshot['recordRestrictions'] } : {}) };
      writeFileSync(written, formatSnapshot([stable], { capturedAt: at, account, source: `suiteql:${account}` }, 'json'));
    }
    if (!before.reads.includes(at)) appendFileSync(join(where, 'reads.txt'), `${at}\n`);
  } catch (e) {
    if (e instanceof AuditError) throw e;
    throw new AuditError('OUTPUT_UNWRITABLE', `cannot write the history under ${where}: ${fileErrorText(e)}`);
  }
  return { history: loadHistory(dir, account, key), ...(written ? { written } : {}) };
}
