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
import { FAULTS, faultEnvelope } from './soap/envelope';
import { handleSoap } from './soap/handler';
import { SearchCache } from './soap/operations';
import { createSelfSignedCertificate } from './tls';

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
  /** Changes injected faults while running. */
  setFaults(faults: Partial<FaultSettings>): void;
  stop(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const WSDL_TEMPLATE_PATH = join(__dirname, '..', '..', 'wsdl', 'netsuite.wsdl');

/** Starts the NetSuite simulator on 127.0.0.1. */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const account = typeof opts.fixture === 'string' ? readAccountFixture(opts.fixture) : opts.fixture;
  let faults: FaultSettings = { ...account.faults, ...opts.faults };
  let random = createRandom(faults.seed);
  const now = opts.now ?? (() => new Date());
  const log = new RequestLog();
  const nonces = new NonceStore();
  const searches = new SearchCache();
  const queries = new QueryCache();
  const gate = new ConcurrencyGate(account.concurrencyLimit);
  const wsdlTemplate = readFileSync(WSDL_TEMPLATE_PATH, 'utf8');
  const tls = opts.tls ? createSelfSignedCertificate() : undefined;
  const scheme = tls ? 'https' : 'http';
  let baseUrl = '';

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    readBody(req).then(
      (body) => route(req, res, body),
      () => send(res, 413, 'text/plain', 'request body too large'),
    );
  };

  const route = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const path = url.pathname;
    const entry = (e: Omit<LoggedRequest, 'time' | 'durationMs'>) => log.add({ time: now().toISOString(), durationMs: Date.now() - started, ...e });

    const wsdl = /^\/wsdl\/v(\d{4}_\d)_0\/netsuite\.wsdl$/.exec(path);
    if (req.method === 'GET' && wsdl) {
      const location = `${baseUrl}/services/NetSuitePort_${wsdl[1]}`;
      entry({ api: 'wsdl', operation: 'GET wsdl', outcome: 'ok', status: 200, concurrent: gate.current });
      return send(res, 200, 'text/xml; charset=utf-8', wsdlTemplate.replace(/\{\{VERSION\}\}/g, wsdl[1]).replace(/\{\{LOCATION\}\}/g, location));
    }
    if (req.method === 'GET' && path === '/_simulator/stats') {
      // With node --expose-gc, collect first: the figures are then live memory, not lazy heap growth.
      (globalThis as { gc?: () => void }).gc?.();
      return send(res, 200, 'application/json', JSON.stringify({ memory: process.memoryUsage(), loggedRequests: log.entries.length }));
    }
    if (req.method === 'GET' && path === '/_simulator/requests') {
      return send(res, 200, 'application/json', JSON.stringify({ maxConcurrent: log.maxAcceptedConcurrent, requests: log.entries }));
    }
    const soap = /^\/services\/NetSuitePort_(\w+)$/.exec(path);
    const isRest = path.startsWith('/services/rest/');
    if (!soap && !isRest) {
      entry({ api: 'other', operation: `${req.method} ${path}`, outcome: 'NOT_FOUND', status: 404, concurrent: gate.current });
      return send(res, 404, 'application/json', new RestError(404, 'NONEXISTENT_ID', `No resource at ${path}.`).body());
    }

    const api = soap ? 'soap' : 'rest';
    const version = soap?.[1] ?? '';
    // What the log calls the request even when it is refused before being parsed.
    const opName = soap ? /<(?:[\w.-]+:)?Body[^>]*>\s*<(?:[\w.-]+:)?(\w+)/.exec(body)?.[1] ?? 'unknown' : `${req.method} ${path}`;
    const admitted = gate.enter();
    try {
      if (faults.latencyMs) await delay(faults.latencyMs);
      const refuse = !admitted.admitted || random() < faults.concurrencyRefusalRate;
      if (refuse) {
        if (api === 'soap') {
          const f = FAULTS.concurrency();
          entry({ api, operation: opName, outcome: f.code, status: 500, concurrent: admitted.concurrent });
          return send(res, 500, 'text/xml; charset=utf-8', faultEnvelope(version, f));
        }
        entry({ api, operation: opName, outcome: 'CONCURRENCY_LIMIT_EXCEEDED', status: 429, concurrent: admitted.concurrent });
        return send(res, 429, 'application/json', new RestError(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.').body());
      }
      if (random() < faults.serverErrorRate) {
        entry({ api, operation: opName, outcome: 'SERVICE_UNAVAILABLE', status: 503, concurrent: admitted.concurrent });
        return send(res, 503, 'text/html', '<html><body><h1>503 Service Unavailable</h1></body></html>');
      }
      const out = api === 'soap'
        ? handleSoap({ account, version, xml: body, now: now(), nonces, searches, baseUrl })
        : path === '/services/rest/query/v1/suiteql'
          ? handleSuiteQl({ account, req: restView(req, url, scheme), headers: req.headers, body, now: now(), nonces, cache: queries })
          : { status: 404, body: new RestError(404, 'NONEXISTENT_ID', `The simulator serves only /services/rest/query/v1/suiteql, not ${path}.`).body(), outcome: 'NOT_FOUND' };
      const op = 'operation' in out ? String(out.operation) : `${req.method} ${path}`;
      entry({ api, operation: op, outcome: out.outcome, status: out.status, concurrent: admitted.concurrent, ...pick(out) });
      const type = api === 'soap' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8';
      if (random() < faults.truncateRate) return sendTruncated(res, out.status, type, out.body);
      return send(res, out.status, type, out.body);
    } finally {
      if (admitted.admitted) gate.leave();
    }
  };

  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `${scheme}://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    accountId: account.id,
    account,
    log,
    certificate: tls?.cert,
    setFaults(f) {
      faults = { ...faults, ...f };
      random = createRandom(faults.seed);
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

