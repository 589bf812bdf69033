import { createHash } from 'node:crypto';

/** SHA-256 of a text (as UTF-8) or of bytes, as lower-case hex: what provenance and evidence files record. */
export function sha256Hex(data: string | Uint8Array): string {
  return typeof data === 'string' ? createHash('sha256').update(data, 'utf8').digest('hex') : createHash('sha256').update(data).digest('hex');
}
