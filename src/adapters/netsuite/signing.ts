import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { xmlEscape } from '../../core/xml-tree';
import { canonicalAccount } from '../../core/account-id';
import type { Credentials } from './credentials';

/** Clock and nonce, injected so signing is pure and testable against published vectors. */
export interface SigningContext {
  /** Unix seconds. */
  timestamp: number;
  /** 6-64 alphanumerics. */
  nonce: string;
}

/** NetSuite's TBA signature: base64(HMAC-SHA256(consumerSecret&tokenSecret, account&consumerKey&token&nonce&timestamp)). */
export function passportSignature(c: Credentials, ctx: SigningContext): string {
  const account = canonicalAccount(c.accountId);
  const base = [account, c.consumerKey, c.tokenId, ctx.nonce, String(ctx.timestamp)].join('&');
  return createHmac('sha256', `${c.consumerSecret}&${c.tokenSecret}`).update(base).digest('base64');
}


/**
 * The SOAP `tokenPassport` header, written as XML: node-soap does not namespace header children
 * from the schema (docs/netsuite-facts.md §4). Messages namespace for the element, core for its children.
 */
export function tokenPassportXml(c: Credentials, ctx: SigningContext, version: string): string {
  const msgs = `urn:messages_${version}.platform.webservices.netsuite.com`;
  const core = `urn:core_${version}.platform.webservices.netsuite.com`;
  const f = (name: string, value: string, attrs = '') => `<platformCore:${name}${attrs}>${xmlEscape(value)}</platformCore:${name}>`;
  return `<platformMsgs:tokenPassport xmlns:platformMsgs="${msgs}" xmlns:platformCore="${core}">`
    + f('account', canonicalAccount(c.accountId))
    + f('consumerKey', c.consumerKey)
    + f('token', c.tokenId)
    + f('nonce', ctx.nonce)
    + f('timestamp', String(ctx.timestamp))
    + f('signature', passportSignature(c, ctx), ' algorithm="HMAC-SHA256"')
    + '</platformMsgs:tokenPassport>';
}

/**
 * The REST `Authorization` header: OAuth 1.0a, HMAC-SHA256, realm = canonical account id
 * (not signed). Only the URL's query parameters are signed; a JSON body never is.
 */
export function oauthHeader(c: Credentials, method: string, url: string, ctx: SigningContext): string {
  const oauth = new OAuth({
    consumer: { key: c.consumerKey, secret: c.consumerSecret },
    signature_method: 'HMAC-SHA256',
    realm: canonicalAccount(c.accountId),
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
  });
  // oauth-1.0a takes its clock and nonce from these hooks; inject ours.
  oauth.getTimeStamp = () => ctx.timestamp;
  oauth.getNonce = () => ctx.nonce;
  const data = oauth.authorize({ url, method }, { key: c.tokenId, secret: c.tokenSecret });
  return oauth.toHeader(data).Authorization;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh signing context from the real clock and a random 20-character nonce. */
export function freshSigningContext(random: (n: number) => Buffer, nowMs: number): SigningContext {
  const bytes = random(20);
  let nonce = '';
  for (const b of bytes) nonce += ALNUM[b % ALNUM.length];
  return { timestamp: Math.floor(nowMs / 1000), nonce };
}
