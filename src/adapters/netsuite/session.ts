import { randomBytes } from 'node:crypto';
import type { Connection } from '../config';
import { DEFAULT_CONCURRENCY, Limiter } from './limiter';
import { freshSigningContext } from './signing';
import { createSoapClient, type SoapClient } from './soap-client';
import { createSuiteQlClient, type SuiteQlClient } from './suiteql-client';
import { proxyFromEnv } from './proxy';
import { createTransport, type RetryPolicy, type TraceEvent, type Transport } from './transport';

/** Options of a session. */
export interface SessionOptions {
  trace?: (e: TraceEvent) => void;
  retry?: RetryPolicy;
  /** The deadline of one attempt, body included. */
  timeoutMs?: number;
  /** The largest response body read. */
  maxResponseBytes?: number;
  /** The environment proxies are read from (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, any case). */
  env?: NodeJS.ProcessEnv;
  /** Clock for signatures (tests move it to check skew handling). */
  now?: () => number;
  /** The account's limiter, when several sessions of one run share an account. */
  limiter?: Limiter;
}

/** One account's clients, sharing one transport and the account's one limiter. */
export interface Session {
  connection: Connection;
  transport: Transport;
  suiteql: SuiteQlClient;
  /** Loaded on first use (node-soap is only paid for when SOAP is used). */
  soap(): Promise<SoapClient>;
}

/** Opens a session to an account: nothing is sent until a client is used. */
export function openSession(connection: Connection, opts: SessionOptions = {}): Session {
  // The limiter belongs to this session (or to the run that shares it between sessions of one
  // account); a configured concurrency is a ceiling nothing raises.
  const limiter = opts.limiter ?? createAccountLimiter(connection);
  const transport = createTransport({ limiter, trace: opts.trace, retry: opts.retry, timeoutMs: opts.timeoutMs, maxResponseBytes: opts.maxResponseBytes, proxy: opts.env ? proxyFromEnv(opts.env) : undefined });
  const now = opts.now ?? Date.now;
  const signingContext = () => freshSigningContext(randomBytes, now());
  let soap: Promise<SoapClient> | undefined;
  return {
    connection,
    transport,
    suiteql: createSuiteQlClient({ credentials: connection.credentials, baseUrl: connection.baseUrl, transport, signingContext }),
    soap: () => (soap ??= createSoapClient({ credentials: connection.credentials, baseUrl: connection.baseUrl, version: connection.soapVersion, transport, signingContext })),
  };
}

/** A limiter for one account: the configured concurrency as start and ceiling, else NetSuite's default. */
export function createAccountLimiter(connection: Pick<Connection, 'concurrency'>): Limiter {
  return new Limiter(connection.concurrency ?? DEFAULT_CONCURRENCY, connection.concurrency);
}
