import { readTextFile } from './read-file';
import { dirname, resolve } from 'node:path';
import { AuditError } from '../core/errors';
import { fileErrorText } from '../core/file-errors';
import { validateAgainstSchema } from '../core/input/schema';
import { parseYamlFile } from '../core/input/yaml-file';
import { accountIdProblem, canonicalAccount } from '../core/account-id';
import type { Credentials } from './netsuite/credentials';
import { baseUrlFor, DEFAULT_SOAP_VERSION } from './netsuite/endpoints';

/** A resolved connection: where, and with which token. */
export interface Connection {
  name: string;
  credentials: Credentials;
  /** Canonical account id. */
  accountId: string;
  baseUrl: string;
  soapVersion: string;
  concurrency?: number;
}

/** The environment variables a connection from the environment reads. */
const ENV_VARS = ['NETSUITE_ACCOUNT_ID', 'NETSUITE_CONSUMER_KEY', 'NETSUITE_CONSUMER_SECRET', 'NETSUITE_TOKEN_ID', 'NETSUITE_TOKEN_SECRET'] as const;

/** The shortest credential value accepted: NetSuite's keys, secrets and token ids are 64 hex characters. */
const MIN_CREDENTIAL_LENGTH = 16;

/**
 * Refuses credentials that cannot be NetSuite's before any request, naming the variable and
 * never the value: every secret is then long enough to be redacted wherever it is echoed.
 */
function checkCredentials(c: Credentials, vars: Record<'consumerKey' | 'consumerSecret' | 'tokenId' | 'tokenSecret', string>): void {
  const short = (Object.keys(vars) as Array<keyof typeof vars>).filter((k) => c[k].length < MIN_CREDENTIAL_LENGTH);
  if (short.length) {
    throw new AuditError('CREDENTIALS_INVALID', `${short.map((k) => vars[k]).join(', ')}: shorter than a NetSuite credential (${MIN_CREDENTIAL_LENGTH}+ characters; NetSuite's are 64)`, {
      details: { hint: 'copy the consumer key/secret from the integration record and the token id/secret from the access token, whole' },
    });
  }
}

/** The connection the NETSUITE_* environment variables describe; lists every missing one. */
export function connectionFromEnv(env: NodeJS.ProcessEnv): Connection {
  const missing = ENV_VARS.filter((k) => !env[k]?.trim());
  if (missing.length) {
    throw new AuditError('CREDENTIALS_MISSING', `no NetSuite credentials: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`, {
      details: { hint: 'set the NETSUITE_* variables (from the integration record and the access token), pass --connection <name> with a config file, or --role-file <path> for an offline audit' },
    });
  }
  const accountProblem = accountIdProblem(env.NETSUITE_ACCOUNT_ID!);
  if (accountProblem) throw new AuditError('CONFIG_INVALID', `NETSUITE_ACCOUNT_ID: ${accountProblem}`, { details: { hint: 'NetSuite shows it at Setup > Company > Company Information (Account ID)' } });
  const credentials: Credentials = {
    accountId: env.NETSUITE_ACCOUNT_ID!.trim(),
    consumerKey: env.NETSUITE_CONSUMER_KEY!.trim(),
    consumerSecret: env.NETSUITE_CONSUMER_SECRET!.trim(),
    tokenId: env.NETSUITE_TOKEN_ID!.trim(),
    tokenSecret: env.NETSUITE_TOKEN_SECRET!.trim(),
  };
  checkCredentials(credentials, { consumerKey: 'NETSUITE_CONSUMER_KEY', consumerSecret: 'NETSUITE_CONSUMER_SECRET', tokenId: 'NETSUITE_TOKEN_ID', tokenSecret: 'NETSUITE_TOKEN_SECRET' });
  return {
    name: 'env',
    credentials,
    accountId: canonicalAccount(credentials.accountId),
    baseUrl: baseUrlFor(credentials.accountId, env.NETSUITE_BASE_URL, 'NETSUITE_BASE_URL'),
    soapVersion: env.NETSUITE_SOAP_VERSION?.trim() || DEFAULT_SOAP_VERSION,
  };
}

interface RawConnection {
  accountId: string | number;
  baseUrl?: string;
  baseUrlEnv?: string;
  soapVersion?: string;
  concurrency?: number;
  consumerKeyEnv: string;
  consumerSecretEnv: string;
  tokenIdEnv: string;
  tokenSecretEnv: string;
}

/** A parsed config file: connections as written (secrets still names), audits. */
export interface ConfigFile {
  file: string;
  connections: Record<string, RawConnection>;
  audits: Array<{ name?: string; policy: string; connections?: string[]; roles: string[] }>;
  /** `acceptUnverified: true`: as --accept-unverified for every audit run with this config. */
  acceptUnverified?: boolean;
  /** `history: <dir>` (relative to the config file): as --history for every audit run with this config. */
  history?: string;
}

/** Default config file name, looked for in the working directory. */
export const CONFIG_FILE = 'ns-role-audit.config.yaml';

/** Reads and validates a config file (positioned errors, exit 2). */
export function readConfig(file: string): ConfigFile {
  let text: string;
  try {
    text = readTextFile(file, 'config');
  } catch (e) {
    if (e instanceof AuditError) throw e;
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AuditError('CONFIG_INVALID', `${file}: ${missing ? 'no such config file' : fileErrorText(e)}`, missing ? { details: { hint: `create ${CONFIG_FILE} (see docs/live.md, "Connections"), or pass --config <file>` } } : {});
  }
  const { yaml, issues } = parseYamlFile(file, text);
  const all = yaml ? [...issues, ...validateAgainstSchema('config', yaml)] : issues;
  if (!yaml || all.length) throw new AuditError('CONFIG_INVALID', `${file}: not a valid config file`, { issues: all });
  const v = yaml.value as Partial<ConfigFile>;
  return {
    file,
    connections: v.connections ?? {},
    audits: (v.audits ?? []).map((a) => ({ ...a, policy: resolve(dirname(file), a.policy) })),
    ...(v.acceptUnverified !== undefined ? { acceptUnverified: v.acceptUnverified } : {}),
    ...(typeof v.history === 'string' ? { history: resolve(dirname(file), v.history) } : {}),
  };
}

/** Resolves a named connection, reading its secrets from the environment variables it names. */
export function connectionFromConfig(config: ConfigFile, name: string, env: NodeJS.ProcessEnv): Connection {
  const raw = config.connections[name];
  if (!raw) {
    const names = Object.keys(config.connections);
    throw new AuditError('USAGE', `${config.file} has no connection '${name}'`, { details: { hint: names.length ? `connections: ${names.join(', ')}` : 'add one under connections:' } });
  }
  const read = (field: keyof RawConnection) => {
    const varName = raw[field] as string;
    const value = env[varName]?.trim();
    if (!value) throw new AuditError('CREDENTIALS_MISSING', `connection '${name}': environment variable ${varName} (${field.replace(/Env$/, '')}) is not set`, { details: { hint: `export ${varName}=...` } });
    return value;
  };
  const accountId = String(raw.accountId);
  const accountProblem = accountIdProblem(accountId);
  if (accountProblem) throw new AuditError('CONFIG_INVALID', `${config.file}: connection '${name}': accountId ${accountProblem}`, { details: { hint: 'NetSuite shows it at Setup > Company > Company Information (Account ID)' } });
  const credentials: Credentials = { accountId, consumerKey: read('consumerKeyEnv'), consumerSecret: read('consumerSecretEnv'), tokenId: read('tokenIdEnv'), tokenSecret: read('tokenSecretEnv') };
  const base = raw.baseUrlEnv ? env[raw.baseUrlEnv] : raw.baseUrl;
  checkCredentials(credentials, { consumerKey: raw.consumerKeyEnv, consumerSecret: raw.consumerSecretEnv, tokenId: raw.tokenIdEnv, tokenSecret: raw.tokenSecretEnv });
  const baseLabel = raw.baseUrlEnv ? `${raw.baseUrlEnv} (baseUrlEnv of connection '${name}')` : `baseUrl of connection '${name}'`;
  return { name, credentials, accountId: canonicalAccount(accountId), baseUrl: baseUrlFor(accountId, base, baseLabel), soapVersion: raw.soapVersion ?? DEFAULT_SOAP_VERSION, concurrency: raw.concurrency };
}
