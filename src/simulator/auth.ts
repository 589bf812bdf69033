import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SimAccount, SimToken } from './account';

/**
 * NetSuite's token-based authentication, checked the way NetSuite checks it. The simulator has
 * its own implementation (independent of the client's signing code) so each can catch the other.
 */

/** How far a request's timestamp may be from the server's clock. */
const TIMESTAMP_WINDOW_SECONDS = 300;

/** Why a login was refused; kept in the request log like NetSuite's Login Audit Trail. Never a secret. */
type LoginFailure =
  | 'feature disabled' | 'account mismatch' | 'unknown consumer' | 'integration disabled' | 'unknown token'
  | 'token revoked' | 'token of another integration' | 'bad nonce' | 'nonce reused' | 'timestamp out of window'
  | 'unsupported signature method' | 'signature mismatch' | 'role inactive' | 'role lacks Log in using Access Tokens'
  | 'malformed credentials';

/** The outcome of checking credentials. */
export type AuthResult = { ok: true; token: SimToken } | { ok: false; reason: LoginFailure };

/** Remembers nonces per token for the timestamp window, so none is accepted twice. */
export class NonceStore {
  private seen = new Map<string, number>();
  /** Records the nonce; false when it was already used inside the window. */
  use(tokenId: string, nonce: string, nowSeconds: number): boolean {
    if (this.seen.size > 10_000) this.prune(nowSeconds);
    const key = `${tokenId}\u0000${nonce}`;
    const at = this.seen.get(key);
    if (at !== undefined && nowSeconds - at <= 2 * TIMESTAMP_WINDOW_SECONDS) return false;
    this.seen.set(key, nowSeconds);
    return true;
  }
  private prune(nowSeconds: number): void {
    for (const [k, at] of this.seen) if (nowSeconds - at > 2 * TIMESTAMP_WINDOW_SECONDS) this.seen.delete(k);
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const NONCE = /^[A-Za-z0-9]{6,64}$/;

/** The checks SOAP and REST share: consumer, token, nonce, timestamp, role. Signature is checked by the caller. */
function checkCommon(
  account: SimAccount, consumerKey: string, tokenId: string, nonce: string, timestamp: string,
  nowSeconds: number, nonces: NonceStore,
): { ok: true; token: SimToken } | { ok: false; reason: LoginFailure } {
  if (!account.features.tokenBasedAuthentication) return { ok: false, reason: 'feature disabled' };
  const integration = account.integrations.find((i) => i.consumerKey === consumerKey);
  if (!integration) return { ok: false, reason: 'unknown consumer' };
  if (!integration.enabled) return { ok: false, reason: 'integration disabled' };
  const token = account.tokens.find((t) => t.tokenId === tokenId);
  if (!token) return { ok: false, reason: 'unknown token' };
  if (token.integration !== integration) return { ok: false, reason: 'token of another integration' };
  if (token.revoked) return { ok: false, reason: 'token revoked' };
  if (!NONCE.test(nonce)) return { ok: false, reason: 'bad nonce' };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Number(timestamp) - nowSeconds) > TIMESTAMP_WINDOW_SECONDS) {
    return { ok: false, reason: 'timestamp out of window' };
  }
  return { ok: true, token };
}

function checkRole(token: SimToken): LoginFailure | undefined {
  if (token.role.inactive) return 'role inactive';
  const login = token.role.allPermissions || token.role.permissions.get('ADMI_LOGIN_OAUTH') === 'FULL';
  return login ? undefined : 'role lacks Log in using Access Tokens';
}

/** SOAP tokenPassport fields as sent. */
export interface Passport {
  account: string;
  consumerKey: string;
  token: string;
  nonce: string;
  timestamp: string;
  signature: string;
  algorithm?: string;
}

/** Checks a SOAP tokenPassport: HMAC-SHA256 over account&consumerKey&token&nonce&timestamp. */
export function verifyPassport(account: SimAccount, p: Passport, nowSeconds: number, nonces: NonceStore): AuthResult {
  if (p.account !== account.id) return { ok: false, reason: 'account mismatch' };
  const common = checkCommon(account, p.consumerKey, p.token, p.nonce, p.timestamp, nowSeconds, nonces);
  if (!common.ok) return common;
  if (p.algorithm !== 'HMAC-SHA256') return { ok: false, reason: 'unsupported signature method' };
  const { token } = common;
  const base = [p.account, p.consumerKey, p.token, p.nonce, p.timestamp].join('&');
  const expected = createHmac('sha256', `${token.integration.consumerSecret}&${token.tokenSecret}`).update(base).digest('base64');
  if (!safeEqual(expected, p.signature)) return { ok: false, reason: 'signature mismatch' };
  if (!nonces.use(token.tokenId, p.nonce, nowSeconds)) return { ok: false, reason: 'nonce reused' };
  const roleProblem = checkRole(token);
  return roleProblem ? { ok: false, reason: roleProblem } : { ok: true, token };
}

/** RFC 3986 percent-encoding, as OAuth 1.0a requires. */
function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parses an `Authorization: OAuth k="v", ...` header; undefined when it is not one. */
export function parseOAuthHeader(header: string | undefined): Record<string, string> | undefined {
  if (!header || !/^OAuth\s/i.test(header)) return undefined;
  const out: Record<string, string> = {};
  const re = /([A-Za-z0-9_]+)="([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header.slice(6)))) {
    try {
      out[m[1]] = decodeURIComponent(m[2]);
    } catch {
      return undefined;
    }
  }
  return out;
}

/** What the REST check needs to know about the request, as the client addressed it. */
export interface RestRequestView {
  method: string;
  /** `https` or `http`, as the connection was made. */
  scheme: string;
  /** The Host header. */
  host: string;
  /** Path without the query. */
  path: string;
  /** Decoded query parameters in order. */
  query: Array<[string, string]>;
  authorization?: string;
}

/** The OAuth 1.0a signature base string for a request (body not included: NetSuite's JSON bodies are not signed). */
export function oauthBaseString(req: RestRequestView, oauth: Record<string, string>): string {
  const [hostname, port] = req.host.toLowerCase().split(':');
  const defaultPort = (req.scheme === 'https' && port === '443') || (req.scheme === 'http' && port === '80');
  const baseUrl = `${req.scheme}://${hostname}${port && !defaultPort ? `:${port}` : ''}${req.path}`;
  const params: Array<[string, string]> = [
    ...req.query,
    ...Object.entries(oauth).filter(([k]) => k !== 'realm' && k !== 'oauth_signature'),
  ].map(([k, v]) => [rfc3986(k), rfc3986(v)]);
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return [req.method.toUpperCase(), rfc3986(baseUrl), rfc3986(params.map(([k, v]) => `${k}=${v}`).join('&'))].join('&');
}

/** Checks a REST request's OAuth 1.0a header: HMAC-SHA256, realm = the canonical account id. */
export function verifyOAuth(account: SimAccount, req: RestRequestView, nowSeconds: number, nonces: NonceStore): AuthResult {
  const oauth = parseOAuthHeader(req.authorization);
  if (!oauth || !oauth.oauth_consumer_key || !oauth.oauth_token || !oauth.oauth_signature || !oauth.oauth_nonce || !oauth.oauth_timestamp) {
    return { ok: false, reason: 'malformed credentials' };
  }
  if (oauth.realm !== account.id) return { ok: false, reason: 'account mismatch' };
  if (oauth.oauth_version !== undefined && oauth.oauth_version !== '1.0') return { ok: false, reason: 'malformed credentials' };
  const common = checkCommon(account, oauth.oauth_consumer_key, oauth.oauth_token, oauth.oauth_nonce, oauth.oauth_timestamp, nowSeconds, nonces);
  if (!common.ok) return common;
  if (oauth.oauth_signature_method !== 'HMAC-SHA256') return { ok: false, reason: 'unsupported signature method' };
  const { token } = common;
  const key = `${rfc3986(token.integration.consumerSecret)}&${rfc3986(token.tokenSecret)}`;
  const expected = createHmac('sha256', key).update(oauthBaseString(req, oauth)).digest('base64');
  if (!safeEqual(expected, oauth.oauth_signature)) return { ok: false, reason: 'signature mismatch' };
  if (!nonces.use(token.tokenId, oauth.oauth_nonce, nowSeconds)) return { ok: false, reason: 'nonce reused' };
  const roleProblem = checkRole(token);
  return roleProblem ? { ok: false, reason: roleProblem } : { ok: true, token };
}
