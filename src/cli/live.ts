import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AuditError } from '../core/errors';
import { secretsOf } from '../adapters/netsuite/credentials';
import { CONFIG_FILE, connectionFromConfig, connectionFromEnv, readConfig, type Connection } from '../adapters/config';
import { openSession, type Session } from '../adapters/netsuite/session';
import type { TraceEvent } from '../adapters/netsuite/transport';
import { createLiveSource, type LiveSourceKind } from '../adapters/sources/live-source';
import type { RoleSource } from '../adapters/sources/role-source';
import { oneOf } from './args';
import type { CliIo } from './io';
import type { RedactingIo } from './redact';

/** Options that choose a live NetSuite connection. */
export interface LiveOptions {
  connection?: string;
  source?: string;
  config?: string;
  verbose?: boolean;
}

/** Resolves the connection: `--connection` from the config file, else the NETSUITE_* environment. */
export function resolveConnection(opts: LiveOptions, io: CliIo): Connection {
  let conn: Connection;
  if (opts.connection) {
    const file = resolve(io.cwd, opts.config ?? CONFIG_FILE);
    conn = connectionFromConfig(readConfig(file), opts.connection, io.env);
  } else {
    if (opts.config && !existsSync(resolve(io.cwd, opts.config))) throw new AuditError('CONFIG_INVALID', `${opts.config}: no such config file`);
    try {
      conn = connectionFromEnv(io.env);
    } catch (e) {
      throw withConfigHint(e, resolve(io.cwd, opts.config ?? CONFIG_FILE), opts.config ?? CONFIG_FILE);
    }
  }
  (io as Partial<RedactingIo>).addSecrets?.(secretsOf(conn.credentials));
  return conn;
}

/**
 * Credentials missing from the environment while a config file lies at hand: the hint names its
 * connections, since a config is read only for `--connection`.
 */
function withConfigHint(e: unknown, file: string, shown: string): unknown {
  if (!(e instanceof AuditError) || e.code !== 'CREDENTIALS_MISSING' || !existsSync(file)) return e;
  let names: string[];
  try {
    names = Object.keys(readConfig(file).connections);
  } catch {
    return e;
  }
  if (!names.length) return e;
  const hint = `${shown} defines ${names.length === 1 ? 'the connection' : 'connections'} ${names.join(', ')}: pass --connection ${names[0]} to use ${names.length === 1 ? 'it' : 'one'} (a config file is read only with --connection)`;
  return new AuditError(e.code, e.message, { details: { ...e.details, hint } });
}

/** `--verbose`: one line per HTTP attempt on stderr, never a header or a body. */
export function traceTo(io: CliIo): (e: TraceEvent) => void {
  return (e) => io.stderr.write(`[${e.api}] ${e.method} ${e.url} ${e.label}${e.proxy ? ` via proxy ${e.proxy}` : ''} -> ${e.status ?? e.error} ${e.ms} ms${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}${e.retrying ? ', retrying' : ''}\n`);
}

/** Opens a session for the flags. */
export function openLiveSession(opts: LiveOptions, io: CliIo): Session {
  return openSession(resolveConnection(opts, io), { trace: opts.verbose ? traceTo(io) : undefined, env: io.env });
}

/** Builds the live source the flags and environment describe. */
export async function resolveLiveSource(opts: LiveOptions, io: CliIo): Promise<RoleSource> {
  const kind = oneOf<LiveSourceKind>('source', opts.source ?? 'auto', ['auto', 'suiteql', 'soap']);
  return createLiveSource(openLiveSession(opts, io), kind);
}
