/** NetSuite account ids (netsuite.md 4): the one normaliser, used by the client and the simulator alike. */

/** The canonical account id: upper case with an underscore (`1234567-sb1` -> `1234567_SB1`). */
export function canonicalAccount(id: string): string {
  return id.trim().toUpperCase().replace(/-/g, '_');
}

/** The account's host label: lower case with a hyphen (`1234567_SB1` -> `1234567-sb1`). */
export function accountHost(id: string): string {
  return id.trim().toLowerCase().replace(/_/g, '-');
}
