import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { oauthHeader, tokenPassportXml, type SigningContext } from '../../src/adapters/netsuite/signing';
import type { Credentials } from '../../src/adapters/netsuite/credentials';
import { parseAccountFixture, type Simulator, type SimAccount } from '../../src/simulator';

/** The bundled demo fixture, as YAML text. */
export const DEMO_TEXT = readFileSync(join(__dirname, '..', '..', 'fixtures', 'accounts', 'demo.yaml'), 'utf8');

/** The demo account with changes applied to its YAML document first. */
export function demoAccount(change?: (doc: any) => void): SimAccount {
  const doc = parse(DEMO_TEXT);
  change?.(doc);
  return parseAccountFixture('demo.yaml', stringify(doc));
}

/** Credentials of a fixture token, as a client would hold them. */
export function credentialsFor(sim: { account: SimAccount; accountId: string }, tokenName: string): Credentials {
  const t = sim.account.tokens.find((x) => x.name === tokenName);
  if (!t) throw new Error(`no token ${tokenName}`);
  return { accountId: sim.accountId, consumerKey: t.integration.consumerKey, consumerSecret: t.integration.consumerSecret, tokenId: t.tokenId, tokenSecret: t.tokenSecret };
}

/** A fresh nonce and the current time. */
export function freshCtx(): SigningContext {
  return { nonce: randomBytes(10).toString('hex'), timestamp: Math.floor(Date.now() / 1000) };
}

/** A SOAP envelope with a tokenPassport header (or a header given as XML) and a body. */
export function envelope(version: string, body: string, header = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:platformMsgs="urn:messages_${version}.platform.webservices.netsuite.com" xmlns:platformCore="urn:core_${version}.platform.webservices.netsuite.com" xmlns:platformCommon="urn:common_${version}.platform.webservices.netsuite.com"><soap:Header>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** Posts a SOAP request; returns status and text. */
export async function postSoap(sim: Simulator, xml: string, version = '2024_2', action = 'search') {
  const r = await fetch(`${sim.url}/services/NetSuitePort_${version}`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: action }, body: xml });
  return { status: r.status, text: await r.text() };
}

/** A signed SOAP call of the given body. */
export async function soapCall(sim: Simulator, creds: Credentials, body: string, opts: { version?: string; ctx?: SigningContext; extraHeader?: string } = {}) {
  const version = opts.version ?? '2024_2';
  const header = tokenPassportXml(creds, opts.ctx ?? freshCtx(), version) + (opts.extraHeader ?? '');
  return postSoap(sim, envelope(version, body, header), version);
}

/** A signed SuiteQL call; returns status and parsed JSON. */
export async function suiteql(sim: Simulator, creds: Credentials, q: string, opts: { limit?: number; offset?: number; headers?: Record<string, string>; ctx?: SigningContext; signUrl?: string } = {}) {
  const params = new URLSearchParams();
  if (opts.limit !== undefined) params.set('limit', String(opts.limit));
  if (opts.offset !== undefined) params.set('offset', String(opts.offset));
  const url = `${sim.url}/services/rest/query/v1/suiteql${params.size ? `?${params}` : ''}`;
  const auth = oauthHeader(creds, 'POST', opts.signUrl ?? url, opts.ctx ?? freshCtx());
  const r = await fetch(url, { method: 'POST', headers: { authorization: auth, prefer: 'transient', 'content-type': 'application/json', ...opts.headers }, body: JSON.stringify({ q }) });
  const text = await r.text();
  return { status: r.status, body: JSON.parse(text) };
}
