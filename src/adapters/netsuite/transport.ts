import { AuditError } from '../../core/errors';
import { createProxyFetch, proxyFor, type ProxySettings } from './proxy';
import type { Limiter } from './limiter';

/** How hard to retry transient failures. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No new attempt starts after this much time since the first. */
  maxTotalMs: number;
}

/** Defaults: 6 attempts, 250 ms doubling to 4 s with full jitter, 60 s in all. */
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 4000, maxTotalMs: 60_000 };

/** One line of `--verbose`: never a header value or a body. */
export interface TraceEvent {
  api: 'soap' | 'rest';
  method: string;
  /** URL without credentials (none of our URLs carry any). */
  url: string;
  label: string;
  status?: number;
  error?: string;
  attempt: number;
  ms: number;
  retrying: boolean;
  /** The proxy the request went through (without credentials), when one did. */
  proxy?: string;
}

/** A response as the transport hands it on. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** What the caller says about a response: done, or worth another try. */
type Verdict = 'done' | 'retry';

/** The transport's options. */
export interface TransportOptions {
  limiter: Limiter;
  retry?: RetryPolicy;
  /** The deadline of one attempt, body included (default 30 s): a body that drips slowly cannot hang a run. */
  timeoutMs?: number;
  /** The largest response body read (default 32 MiB); a larger one is RESPONSE_TOO_LARGE, never read into memory. */
  maxResponseBytes?: number;
  /** Proxies (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), from the environment the caller was given. */
  proxy?: ProxySettings;
  trace?: (e: TraceEvent) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** An HTTP request of ours. */
export interface HttpRequest {
  api: 'soap' | 'rest';
  method: 'GET' | 'POST';
  url: string;
  /** Built per attempt: signatures need a fresh nonce and timestamp each time. */
  headers: () => Record<string, string>;
  /** A string, or built per attempt (a SOAP passport is signed afresh for each attempt). */
  body?: string | (() => string);
  /** Short name for traces (`search CustomerSearchBasic`, `suiteql role`). */
  label: string;
  /** Default: retry 429 and 5xx. */
  classify?: (r: HttpResponse) => Verdict;
}

const defaultClassify = (r: HttpResponse): Verdict => (r.status === 429 || r.status >= 500 ? 'retry' : 'done');

const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED', 'EAI_AGAIN']);

/** Requires HTTPS, except on loopback (the simulator): credentials never cross a network in clear. */
export function checkEndpointUrl(url: string, label = 'the base URL'): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // The value is never quoted: a variable named by mistake may hold a secret.
    throw new AuditError('CONFIG_INVALID', `${label} is not a URL`, { details: { hint: 'a base URL looks like https://1234567-sb1.suitetalk.api.netsuite.com' } });
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || /^127\./.test(u.hostname);
  if (u.protocol === 'https:' || (u.protocol === 'http:' && loopback)) return u;
  throw new AuditError('CONFIG_INVALID', `refusing ${u.protocol}//${u.host}: NetSuite is reached over HTTPS only (plain HTTP only to loopback)`, { details: { hint: 'use an https:// base URL' } });
}

/** A proxy URL as it may be shown: without user and password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(a proxy)';
  }
}

function describeNetworkError(e: unknown, url: string, proxy?: string): { code: string; message: string; transient: boolean } {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string; port?: number; address?: string } };
  const code = err.cause?.code ?? (err.name === 'TimeoutError' ? 'ETIMEDOUT' : err.name === 'AbortError' ? 'ETIMEDOUT' : 'ENETWORK');
  if (proxy) {
    // Through a proxy, a connection that fails at the proxy is the proxy's failure: say so, not DNS.
    const p = new URL(proxy);
    const atProxy = /proxy/i.test(`${err.message} ${err.cause?.message ?? ''}`) || (code === 'ECONNREFUSED' && String(err.cause?.port ?? '') === (p.port || '80'))
      || (code === 'ENOTFOUND' && (err.cause?.message ?? '').includes(p.hostname));
    if (atProxy) return { code: 'PROXY_FAILED', message: `the proxy ${redactUrl(proxy)} failed (${code}: ${(err.cause?.message ?? err.message ?? '').slice(0, 200)})`, transient: false };
  }
  const host = new URL(url).host;
  if (code === 'ENOTFOUND') return { code: 'DNS_FAILED', message: `cannot resolve ${host}: check the account id (its host form is like 1234567-sb1) or NETSUITE_BASE_URL`, transient: false };
  if (code === 'ECONNREFUSED') return { code: 'CONNECTION_REFUSED', message: `${host} refused the connection: is the address right, and is the server (or simulator) running?`, transient: false };
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/i.test(code) || /certificate/i.test(err.cause?.message ?? '')) {
    return { code: 'TLS_FAILED', message: `TLS with ${host} failed (${code}): the certificate is not trusted`, transient: false };
  }
  if (code === 'ETIMEDOUT') return { code: 'TIMEOUT', message: `${host} did not answer in time`, transient: true };
  return { code: 'NETWORK_ERROR', message: `${host}: ${err.cause?.message ?? err.message ?? 'connection failed'}`, transient: TRANSIENT_CODES.has(code) || /terminated|other side closed|socket/i.test(`${err.message} ${err.cause?.message ?? ''}`) };
}

/** Largest body read by default: a SuiteQL page of 1,000 rows is well under 1 MiB. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Reads a body as text within a deadline and a size limit; either one exceeded cancels the read. */
async function readBody(r: Response, deadline: number, maxBytes: number, abort: () => void): Promise<string> {
  const declared = Number(r.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) { abort(); throw new BodyError('RESPONSE_TOO_LARGE', `the response declares ${declared} bytes, more than the ${maxBytes} this tool reads`); }
  const reader = r.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) { abort(); throw new BodyError('TIMEOUT', 'the response body did not arrive in time'); }
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      reader.read(),
      new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), left); }),
    ]).finally(() => clearTimeout(timer));
    if (next === 'late') { abort(); throw new BodyError('TIMEOUT', 'the response body did not arrive in time'); }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > maxBytes) { abort(); throw new BodyError('RESPONSE_TOO_LARGE', `the response is larger than the ${maxBytes} bytes this tool reads`); }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A body that could not be read within the limits. */
class BodyError extends Error {
  constructor(readonly code: 'TIMEOUT' | 'RESPONSE_TOO_LARGE', message: string) {
    super(message);
  }
}

/** Sends requests through the account's limiter, with a deadline per attempt (body included), a size limit and bounded retries. */
export function createTransport(opts: TransportOptions) {
  const retry = opts.retry ?? DEFAULT_RETRY;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxBytes = opts.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const send_ = createProxyFetch(opts.proxy);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = opts.random ?? Math.random;
  let requests = 0;

  async function send(req: HttpRequest): Promise<HttpResponse> {
    const classify = req.classify ?? defaultClassify;
    const first = Date.now();
    for (let attempt = 1; ; attempt++) {
      let started = Date.now();
      let response: HttpResponse | undefined;
      let failure: ReturnType<typeof describeNetworkError> | undefined;
      await opts.limiter.run(async () => {
        started = Date.now(); // time on the wire, not in the limiter's queue
        requests++;
        const controller = new AbortController();
        const deadline = Date.now() + timeoutMs;
        const timer = setTimeout(() => controller.abort(new DOMException('deadline', 'TimeoutError')), timeoutMs);
        try {
          const body = typeof req.body === 'function' ? req.body() : req.body;
          const r = await send_(req.url, { method: req.method, headers: req.headers(), body, signal: controller.signal, redirect: 'error' });
          const text = await readBody(r, deadline, maxBytes, () => controller.abort());
          const headers: Record<string, string> = {};
          r.headers.forEach((v, k) => { headers[k] = v; });
          response = { status: r.status, headers, text };
        } catch (e) {
          failure = e instanceof BodyError
            ? { code: e.code, message: `${new URL(req.url).host}: ${e.message}`, transient: e.code === 'TIMEOUT' }
            : describeNetworkError(e, req.url, proxyFor(opts.proxy, req.url));
        } finally {
          clearTimeout(timer);
        }
      });
      const verdict = response ? classify(response) : failure!.transient ? 'retry' : 'done';
      const delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)) * random();
      const canRetry = verdict === 'retry' && attempt < retry.maxAttempts && Date.now() - first + delay < retry.maxTotalMs;
      const via = proxyFor(opts.proxy, req.url);
      opts.trace?.({ api: req.api, method: req.method, url: req.url, label: req.label, status: response?.status, error: failure?.code, attempt, ms: Date.now() - started, retrying: canRetry, ...(via ? { proxy: redactUrl(via) } : {}) });
      if (canRetry) {
        await sleep(delay);
        continue;
      }
      if (response) return response;
      const f = failure!;
      const after = attempt > 1 ? ` (after ${attempt} attempts)` : '';
      throw new AuditError(f.code, `${f.message}${after}`);
    }
  }

  return {
    send,
    /** HTTP requests sent so far (retries included). */
    get requestCount() { return requests; },
    limiter: opts.limiter,
  };
}

/** A transport made by createTransport. */
export type Transport = ReturnType<typeof createTransport>;
