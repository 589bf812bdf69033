import { randomBytes } from 'node:crypto';
import type { Connection } from '../config';
import { limiterFor } from './limiter';
import { freshSigningContext } from './signing';
import { createSoapClient, type SoapClient } from './soap-client';
import { createSuiteQlClient, type SuiteQlClient } from './suiteql-client';
import { createTransport, type RetryPolicy, type TraceEvent, type Transport } from './transport';

/** Options of a session. */
export interface SessionOptions {
  trace?: (e: TraceEvent) => void;
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** Clock for signatures (tests move it to check skew handling). */
  now?: () => number;
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
  const limiter = limiterFor(connection.accountId, connection.concurrency);
  if (connection.concurrency) limiter.setLimit(connection.concurrency);
  const transport = createTransport({ limiter, trace: opts.trace, retry: opts.retry, timeoutMs: opts.timeoutMs });
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
