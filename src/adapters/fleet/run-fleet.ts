import { auditSnapshot } from '../../core/audit';
import { AuditError, withContext } from '../../core/errors';
import { connectionFromConfig, type ConfigFile } from '../config';
import { createAccountLimiter, openSession, type SessionOptions } from '../netsuite/session';
import type { Limiter } from '../netsuite/limiter';
import { secretsOf } from '../netsuite/credentials';
import { readPolicy } from '../read-policy';
import type { Policy, RoleAudit, RoleSnapshot, RunError } from '../../core/model';
import { listRolesBulk, readPermissionsBulk } from './bulk-read';
import { mapCustomRecordEntries, readRecordRestrictions, restrictionsNote, unreadNote } from '../sources/suiteql-source';
import { roleMatcher } from '../../core/role/role-match';
import { roleAccessFacts } from '../../core/access/account';
import { withFirstSeen } from '../../core/history/history';
import type { HistoryHook } from '../audit-role';
import { readAccountAccess } from '../access/read-access';
import { parseRoleSelector } from '../../core/role/select';

/** Progress of a fleet run, for a status line. */
export interface FleetProgress {
  connection: string;
  phase: 'listing roles' | 'reading permissions' | 'done';
  rows?: number;
  roles?: number;
}

/** Options of a fleet run. */
export interface FleetOptions {
  today: string;
  env: NodeJS.ProcessEnv;
  session?: SessionOptions;
  onProgress?: (p: FleetProgress) => void;
  /** Called with each connection's credential values, so the caller can redact them. */
  onSecrets?: (values: string[]) => void;
  /** Keeps each role read in the history and gives its history back (findings get firstSeen). */
  history?: HistoryHook;
}

/**
 * Runs every audit of a config: accounts in parallel (each under its own limiter), each
 * account's roles listed once and the permissions of every role any audit wants read once, in bulk.
 */
export async function runFleet(config: ConfigFile, opts: FleetOptions): Promise<{ results: RoleAudit[]; errors: RunError[] }> {
  if (!config.audits.length) throw new AuditError('CONFIG_INVALID', `${config.file} has no audits`, { details: { hint: 'add audits: [{policy: policies/polytomic.yaml, roles: [customrole_polytomic]}]' } });
  const policies = new Map<string, Policy>();
  for (const a of config.audits) if (!policies.has(a.policy)) policies.set(a.policy, readPolicy(a.policy, { today: opts.today }));
  const allConnections = Object.keys(config.connections);
  const byConnection = new Map<string, typeof config.audits>();
  for (const a of config.audits) {
    for (const c of a.connections ?? allConnections) {
      if (!config.connections[c]) throw new AuditError('CONFIG_INVALID', `${config.file}: audit of ${a.policy} names connection '${c}', which is not defined`, { details: { hint: `connections: ${allConnections.join(', ') || '(none)'}` } });
      byConnection.set(c, [...(byConnection.get(c) ?? []), a]);
    }
  }

  // One limiter per account for this run: two connections to one account share it.
  const limiters = new Map<string, Limiter>();
  const errors: RunError[] = [];
  const perConnection = await Promise.all([...byConnection].map(async ([name, audits]): Promise<RoleAudit[]> => {
    let connection;
    try {
      connection = connectionFromConfig(config, name, opts.env);
    } catch (e) {
      if (!(e instanceof AuditError)) throw e;
      errors.push({ connection: name, code: e.code, message: e.message });
      return [];
    }
    opts.onSecrets?.(secretsOf(connection.credentials));
    if (!limiters.has(connection.accountId)) limiters.set(connection.accountId, createAccountLimiter(connection));
    const session = openSession(connection, { env: opts.env, ...opts.session, limiter: limiters.get(connection.accountId) });
    try {
      opts.onProgress?.({ connection: name, phase: 'listing roles' });
      const { roles, unread } = await listRolesBulk(session.suiteql);
      // Which roles each audit wants; the union is read once.
      const wanted = audits.map((a) => ({ audit: a, patterns: a.roles.map((p) => ({ p, match: roleMatcher(p) })) }));
      const ids = new Set<string>();
      for (const w of wanted) for (const r of roles) if (w.patterns.some((x) => x.match(r))) ids.add(r.internalId!);
      opts.onProgress?.({ connection: name, phase: 'reading permissions', roles: ids.size, rows: 0 });
      const perms = await readPermissionsBulk(session.suiteql, [...ids], (rows) => opts.onProgress?.({ connection: name, phase: 'reading permissions', roles: ids.size, rows }));
      // Custom records named by record type id are mapped for every role in one request.
      const order = [...perms.keys()];
      const wantedIds = [...new Set([...policies.values()].flatMap((p) => p.rules.map((r) => r.id)))];
      const mapped = await mapCustomRecordEntries(session.suiteql, order.flatMap((id) => perms.get(id)!), { permissions: wantedIds }, `connection '${name}'`);
      let at = 0;
      for (const id of order) { const n = perms.get(id)!.length; perms.set(id, mapped.permissions.slice(at, at + n)); at += n; }
      // Record restrictions of every role, in one query (paged), or a note saying why not.
      const restrictions = await readRecordRestrictions(session.suiteql, order, `connection '${name}'`);
      const notes = [...unreadNote(unread), ...mapped.notes, ...('unread' in restrictions ? [restrictionsNote(restrictions.unread)] : [])];
      const unverifiable = Object.keys(mapped.unverifiable).length ? { unverifiable: mapped.unverifiable } : {};
      const snapshots = new Map<string, RoleSnapshot>(roles.filter((r) => ids.has(r.internalId!)).map((r) => [r.internalId!, {
        ...r, permissions: perms.get(r.internalId!)!, evidence: 'definition', origin: `suiteql:${connection.accountId}`, ...unverifiable,
        ...('byRole' in restrictions ? { recordRestrictions: restrictions.byRole.get(r.internalId!)! } : {}),
      }]));
      // Who holds the roles, once for the account, when any policy has a holders: rule.
      const access = [...policies.values()].some((p) => p.holders) ? await readAccountAccess(session.suiteql, connection.accountId, { conflicts: false }) : undefined;
      opts.onProgress?.({ connection: name, phase: 'done', roles: ids.size });
      const results: RoleAudit[] = [];
      for (const w of wanted) {
        const policy = policies.get(w.audit.policy)!;
        for (const { p, match } of w.patterns) {
          const hits = roles.filter(match);
          const meta = { source: { kind: 'suiteql', location: `suiteql:${connection.accountId}`, connection: name, account: connection.accountId }, today: opts.today, notes };
          if (!hits.length) results.push(auditSnapshot(policy, undefined, { ...meta, selector: /[*?]/.test(p) ? { scriptId: p } : parseRoleSelector(p) }));
          for (const r of hits) {
            const facts = access && policy.holders ? { access: roleAccessFacts(access, r.internalId!), notes: [...notes, ...access.notes] } : {};
            const snapshot = snapshots.get(r.internalId!);
            const result = auditSnapshot(policy, snapshot, { ...meta, selector: { scriptId: r.scriptId, internalId: r.internalId }, ...facts });
            results.push(snapshot && opts.history ? withFirstSeen(result, snapshot, opts.history(snapshot, connection.accountId)) : result);
          }
        }
      }
      return results;
    } catch (e) {
      // One account that fails does not sink the others: it is an error result of its own.
      const err = withContext(`connection '${name}' (account ${connection.accountId})`, e);
      if (err.code === 'INTERNAL') throw err;
      errors.push({ connection: name, account: connection.accountId, code: err.code, message: err.message });
      return [];
    }
  }));
  errors.sort((a, b) => (a.connection < b.connection ? -1 : 1));
  return { results: dedupe(perConnection.flat()), errors };
}

/** A role two patterns of one audit both match is audited once. */
function dedupe(results: RoleAudit[]): RoleAudit[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const key = `${r.source.connection}|${r.policy.file}|${r.role.internalId ?? r.role.selector}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
