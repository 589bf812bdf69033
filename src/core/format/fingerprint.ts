/**
 * FNV-1a, 64-bit, over UTF-16 code units, as 16 hex digits: a stable, dependency-free fingerprint
 * for identities SARIF consumers track across runs. Not for security.
 */
export function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}
