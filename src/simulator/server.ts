import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FaultSettings, SimAccount } from './account';
import { NonceStore } from './auth';
import { ConcurrencyGate, createRandom } from './governance';
import { readAccountFixture } from './read-fixture';
import { RequestLog, type LoggedRequest } from './request-log';
import { RestError } from './rest/errors';
import { handleSuiteQl, QueryCache } from './rest/suiteql-endpoint';
import { forgetTables } from './rest/suiteql-execute';
import { FAULTS, faultEnvelope } from './soap/envelope';
import { handleSoap } from './soap/handler';
import { SearchCache } from './soap/operations';
import { createSelfSignedCertificate } from './tls';
import { packagePath } from '../package-root';

/** Options for a simulator instance. */
export interface SimulatorOptions {
  /** Fixture file path, or an account already read. */
  fixture: string | SimAccount;
  /** 0 (default) = any free port. */
  port?: number;
  /** Serve HTTPS with a self-signed certificate made at start. */
  tls?: boolean;
  /** Faults to inject, over the fixture's own. */
  faults?: Partial<FaultSettings>;
  /** The server's clock (tests move it). */
  now?: () => Date;
}

/** A running simulator. */
export interface Simulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (what NETSUITE_BASE_URL is set to). */
  url: string;
  accountId: string;
  account: SimAccount;
  log: RequestLog;
  /** The self-signed certificate (PEM) when serving HTTPS. */
  certificate?: string;
  /**
   * Changes the account while running, as an administrator editing a role in NetSuite's UI would:
   * later requests see the change (fix --check, history and access reviews are tested with it).
   */
  changeAccount(change: (account: SimAccount) => void): void;
  /** Changes injected faults while running. */
  setFaults(faults: Partial<FaultSettings>): void;
  /**
   * Holds every admitted SOAP/REST request in flight until the returned function is called:
   * concurrency can then be tested by counts, not by timing.
   */
  hold(): () => void;
  /** Requests admitted and not yet answered. */
  readonly inFlight: number;
  stop(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const WSDL_TEMPLATE_PATH = packagePath('wsdl', 'netsuite.wsdl');

/** What one simulator instance keeps between requests. */
interface SimState {
  account: SimAccount;
  faults: FaultSettings;
  random: () => number;
  now: () => Date;
  log: RequestLog;
  nonces: NonceStore;
  searches: SearchCache;
  queries: QueryCache;
  gate: ConcurrencyGate;
  wsdlTemplate: string;
  scheme: 'http' | 'https';
  baseUrl: string;
  /** While set, admitted requests wait for it (Simulator.hold). */
  held?: Promise<void>;
}

type LogEntry = Omit<LoggedRequest, 'time' | 'durationMs'>;

/** The simulator's own pages: the WSDL, live statistics and the request log. True when it answered. */
function serveUtility(state: SimState, req: IncomingMessage, res: ServerResponse, path: string, entry: (e: LogEntry) => void): boolean {
  const wsdl = /^\/wsdl\/v(\d{4}_\d)_0\/netsuite\.wsdl$/.exec(path);
  if (req.method === 'GET' && wsdl) {
    const location = `${state.baseUrl}/services/NetSuitePort_${wsdl[1]}`;
    entry({ api: 'wsdl', operation: 'GET wsdl', outcome: 'ok', status: 200, concurrent: state.gate.current });
    send(res, 200, 'text/xml; charset=utf-8', state.wsdlTemplate.replace(/\{\{VERSION\}\}/g, wsdl[1]).replace(/\{\{LOCATION\}\}/g, location));
    return true;
  }
  if (req.method === 'GET' && path === '/_simulator/stats') {
    // With node --expose-gc, collect first: the figures are then live memory, not lazy heap growth.
    (globalThis as { gc?: () => void }).gc?.();
    send(res, 200, 'application/json', JSON.stringify({ memory: process.memoryUsage(), loggedRequests: state.log.entries.length }));
    return true;
  }
  if (req.method === 'GET' && path === '/_simulator/requests') {
    send(res, 200, 'application/json', JSON.stringify({ maxConcurrent: state.log.maxAcceptedConcurrent, requests: state.log.entries }));
    return true;
  }
  return false;
}

/** Refuses a request as NetSuite does past the concurrency limit: a SOAP fault, or a REST 429. */
function refuse(res: ServerResponse, api: 'soap' | 'rest', version: string, opName: string, concurrent: number, entry: (e: LogEntry) => void): void {
  if (api === 'soap') {
    const f = FAULTS.concurrency();
    entry({ api, operation: opName, outcome: f.code, status: 500, concurrent });
    return send(res, 500, 'text/xml; charset=utf-8', faultEnvelope(version, f));
  }
  entry({ api, operation: opName, outcome: 'CONCURRENCY_LIMIT_EXCEEDED', status: 429, concurrent });
  send(res, 429, 'application/json', new RestError(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.').body());
}

/** A SOAP or REST request, under the account's concurrency gate and the injected faults. */
async function serveApi(state: SimState, req: IncomingMessage, res: ServerResponse, url: URL, body: string, entry: (e: LogEntry) => void): Promise<void> {
  const path = url.pathname;
  const soap = /^\/services\/NetSuitePort_(\w+)$/.exec(path);
  const api = soap ? 'soap' : 'rest';
  const version = soap?.[1] ?? '';
  // What the log calls the request even when it is refused before being parsed.
  const opName = soap ? /<(?:[\w.-]+:)?Body[^>]*>\s*<(?:[\w.-]+:)?(\w+)/.exec(body)?.[1] ?? 'unknown' : `${req.method} ${path}`;
  const { faults, random } = state;
  const admitted = state.gate.enter();
  try {
    if (faults.latencyMs) await delay(faults.latencyMs);
    if (!admitted.admitted || random() < faults.concurrencyRefusalRate) return refuse(res, api, version, opName, admitted.concurrent, entry);
    if (state.held) await state.held;
    if (random() < faults.serverErrorRate) {
      entry({ api, operation: opName, outcome: 'SERVICE_UNAVAILABLE', status: 503, concurrent: admitted.concurrent });
      return send(res, 503, 'text/html', '<html><body><h1>503 Service Unavailable</h1></body></html>');
    }
    const { account, nonces, searches, baseUrl } = state;
    const out = api === 'soap'
      ? handleSoap({ account, version, xml: body, now: state.now(), nonces, searches, baseUrl })
      : path === '/services/rest/query/v1/suiteql'
        ? handleSuiteQl({ account, req: restView(req, url, state.scheme), headers: req.headers, body, now: state.now(), nonces, cache: state.queries })
        : { status: 404, body: new RestError(404, 'NONEXISTENT_ID', `The simulator serves only /services/rest/query/v1/suiteql, not ${path}.`).body(), outcome: 'NOT_FOUND' };
    const op = 'operation' in out ? String(out.operation) : `${req.method} ${path}`;
    const truncate = random() < faults.truncateRate;
    // A truncated answer is logged as such: the client never saw the outcome the handler reached.
    entry({ api, operation: op, outcome: truncate ? 'TRUNCATED' : out.outcome, status: out.status, concurrent: admitted.concurrent, ...pick(out) });
    const type = api === 'soap' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8';
    if (truncate) return sendTruncated(res, out.status, type, out.body);
    send(res, out.status, type, out.body);
  } finally {
    if (admitted.admitted) state.gate.leave();
  }
}

/** One request, start to end: read the body, answer, log. */
async function route(state: SimState, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  const started = Date.now();
  const url = new URL(req.url ?? '/', 'http://placeholder');
  const path = url.pathname;
  const entry = (e: LogEntry) => state.log.add({ time: state.now().toISOString(), durationMs: Date.now() - started, ...e });
  if (serveUtility(state, req, res, path, entry)) return;
  if (!/^\/services\/NetSuitePort_\w+$/.test(path) && !path.startsWith('/services/rest/')) {
    entry({ api: 'other', operation: `${req.method} ${path}`, outcome: 'NOT_FOUND', status: 404, concurrent: state.gate.current });
    return send(res, 404, 'application/json', new RestError(404, 'NONEXISTENT_ID', `No resource at ${path}.`).body());
  }
  return serveApi(state, req, res, url, body, entry);
}

/** Starts the NetSuite simulator on 127.0.0.1. */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const account = typeof opts.fixture === 'string' ? readAccountFixture(opts.fixture) : opts.fixture;
  const faults: FaultSettings = { ...account.faults, ...opts.faults };
  const tls = opts.tls ? createSelfSignedCertificate() : undefined;
  const state: SimState = {
    account,
    faults,
    random: createRandom(faults.seed),
    now: opts.now ?? (() => new Date()),
    log: new RequestLog(),
    nonces: new NonceStore(),
    searches: new SearchCache(),
    queries: new QueryCache(),
    gate: new ConcurrencyGate(account.concurrencyLimit),
    wsdlTemplate: readFileSync(WSDL_TEMPLATE_PATH, 'utf8'),
    scheme: tls ? 'https' : 'http',
    baseUrl: '',
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    readBody(req).then(
      (body) => route(state, req, res, body),
      () => send(res, 413, 'text/plain', 'request body too large'),
    );
  };
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `${state.scheme}://127.0.0.1:${port}`;
  return {
    url: state.baseUrl,
    accountId: account.id,
    account,
    log: state.log,
    certificate: tls?.cert,
    changeAccount(change) {
      change(state.account);
      forgetTables(state.account);
      state.queries.clear();
    },
    setFaults(f) {
      state.faults = { ...state.faults, ...f };
      state.random = createRandom(state.faults.seed);
    },
    hold() {
      let release!: () => void;
      state.held = new Promise<void>((r) => { release = r; });
      return () => { state.held = undefined; release(); };
    },
    get inFlight() {
      return state.gate.current;
    },
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function pick(o: { token?: string; role?: string; target?: string; detail?: string; rows?: number }) {
  const out: Partial<LoggedRequest> = {};
  if (o.rows !== undefined) out.rows = o.rows;
  if (o.token) out.token = o.token;
  if (o.role) out.role = o.role;
  if (o.target) out.target = o.target;
  if (o.detail) out.detail = o.detail;
  return out;
}

function restView(req: IncomingMessage, url: URL, scheme: string) {
  return {
    method: req.method ?? 'GET',
    scheme,
    host: req.headers.host ?? '',
    path: url.pathname,
    query: [...url.searchParams.entries()],
    authorization: req.headers.authorization,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is read and dropped, so the client still gets its 413.
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => (size > MAX_BODY ? reject(new Error('too large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Sends the headers and half the body, then drops the connection (a truncated response). */
function sendTruncated(res: ServerResponse, status: number, type: string, body: string): void {
  const buf = Buffer.from(body);
  res.writeHead(status, { 'content-type': type, 'content-length': buf.length });
  res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => res.destroy());
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

