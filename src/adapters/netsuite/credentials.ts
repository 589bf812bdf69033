/** What token-based authentication needs: NetSuite's setup produces these five values. */
export interface Credentials {
  /** Account id in any form (1234567_SB1, 1234567-sb1); normalized where used. */
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

/** The secret values of a credential set, for redaction. */
export function secretsOf(c: Credentials): string[] {
  return [c.consumerKey, c.consumerSecret, c.tokenId, c.tokenSecret].filter((s) => s.length >= 4);
}
