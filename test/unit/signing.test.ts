import { createHmac } from 'node:crypto';
import vectors from '../fixtures/auth/netsuite-tba-vectors.json';
import { oauthHeader, passportSignature, tokenPassportXml } from '../../src/adapters/netsuite/signing';
import { oauthBaseString, parseOAuthHeader } from '../../src/simulator/auth';

// Known answers from Oracle's published TBA examples (copied from the team's reference set,
// with provenance kept inside the file).
describe('SOAP tokenPassport signature', () => {
  test.each(vectors.soap_tokenPassport.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const expected = 'expected_HMAC_SHA256_base64' in v ? v.expected_HMAC_SHA256_base64 : (v as { computed_only_HMAC_SHA256_base64: string }).computed_only_HMAC_SHA256_base64;
    const sig = passportSignature(
      { accountId: v.account, consumerKey: v.consumerKey, consumerSecret: v.consumerSecret, tokenId: v.token, tokenSecret: v.tokenSecret },
      { nonce: v.nonce, timestamp: v.timestamp },
    );
    expect(sig).toBe(expected);
  });

  test('the header carries the algorithm and the canonical account, in NetSuite\'s namespaces', () => {
    const v = vectors.soap_tokenPassport[0];
    const xml = tokenPassportXml({ accountId: '1234567-sb1', consumerKey: 'ck', consumerSecret: 'cs', tokenId: 'tk', tokenSecret: 'ts' }, { nonce: v.nonce, timestamp: v.timestamp }, '2024_2');
    expect(xml).toContain('xmlns:platformMsgs="urn:messages_2024_2.platform.webservices.netsuite.com"');
    expect(xml).toContain('xmlns:platformCore="urn:core_2024_2.platform.webservices.netsuite.com"');
    expect(xml).toContain('<platformCore:account>1234567_SB1</platformCore:account>');
    expect(xml).toMatch(/<platformCore:signature algorithm="HMAC-SHA256">[A-Za-z0-9+/=]{44}<\/platformCore:signature>/);
  });
});

describe('REST OAuth 1.0a header', () => {
  const c = vectors.rest_oauth1.credentials;
  const creds = { accountId: c.realm, consumerKey: c.consumerKey, consumerSecret: c.consumerSecret, tokenId: c.token, tokenSecret: c.tokenSecret };
  const ctx = { nonce: c.nonce, timestamp: Number(c.timestamp) };

  test.each(vectors.rest_oauth1.vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const header = oauthHeader(creds, v.method, v.url, ctx);
    const parsed = parseOAuthHeader(header)!;
    const expected = 'expected_signature_base64' in v ? v.expected_signature_base64 : (v as { computed_signature_base64: string }).computed_signature_base64;
    expect(parsed.oauth_signature).toBe(expected);
    expect(parsed.realm).toBe('123456');
    expect(parsed.oauth_signature_method).toBe('HMAC-SHA256');
  });

  test('the simulator\'s own base string reproduces Oracle\'s published one', () => {
    const v = vectors.rest_oauth1.vectors[0];
    const url = new URL(v.url);
    const oauth = { oauth_consumer_key: c.consumerKey, oauth_nonce: c.nonce, oauth_signature_method: 'HMAC-SHA256', oauth_timestamp: c.timestamp, oauth_token: c.token, oauth_version: '1.0' };
    const base = oauthBaseString({ method: v.method, scheme: 'https', host: url.host, path: url.pathname, query: [...url.searchParams] }, oauth);
    expect(base).toBe(v.baseString);
    const sig = createHmac('sha256', `${c.consumerSecret}&${c.tokenSecret}`).update(base).digest('base64');
    expect(sig).toBe(v.expected_signature_base64);
  });
});
