/** NetSuite account ids (docs/netsuite-facts.md §4): the one normaliser, used by the client and the simulator alike. */

/**
 * Why an account id is not one, or undefined when it is: digits (`1234567`), a sandbox or release
 * preview (`1234567_SB1`, `1234567-sb1`, `1234567_RP2`), a test drive (`TSTDRV1234567`).
 */
export function accountIdProblem(id: string): string | undefined {
  const t = id.trim();
  if (/^https?:\/\//i.test(t) || t.includes('.')) return `'${t}' is a URL or host name, not an account id: give the id alone (the part before .suitetalk.api.netsuite.com, e.g. 1234567 or 1234567_SB1), or the URL as NETSUITE_BASE_URL`;
  if (!/^[A-Za-z0-9]+([_-][A-Za-z0-9]+)?$/.test(t)) return `'${t}' is not an account id: it is digits (1234567), with a suffix for sandboxes (1234567_SB1), or a test drive (TSTDRV1234567)`;
  return undefined;
}

/** The canonical account id: upper case with an underscore (`1234567-sb1` -> `1234567_SB1`). */
export function canonicalAccount(id: string): string {
  return id.trim().toUpperCase().replace(/-/g, '_');
}

/** The account's host label: lower case with a hyphen (`1234567_SB1` -> `1234567-sb1`). */
export function accountHost(id: string): string {
  return id.trim().toLowerCase().replace(/_/g, '-');
}
