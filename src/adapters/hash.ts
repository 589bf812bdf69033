import { createHash } from 'node:crypto';

/** SHA-256 of a text (UTF-8), as lower-case hex: what provenance and evidence files record. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
