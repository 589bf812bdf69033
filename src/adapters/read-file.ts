import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { AuditError } from '../core/errors';

/**
 * How large each kind of input may be. Generous for real files (a role with 20,000 permissions is
 * about 3 MB of SDF XML), small enough that /dev/zero or a runaway file cannot exhaust memory.
 * NS_ROLE_AUDIT_MAX_FILE_MB raises or lowers every limit at once.
 */
export const FILE_LIMITS = { policy: 4, role: 64, config: 1, baseline: 64, fixture: 64 } as const;

/** The byte limit for one kind of input, after NS_ROLE_AUDIT_MAX_FILE_MB. */
function limitOf(kind: keyof typeof FILE_LIMITS, env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.NS_ROLE_AUDIT_MAX_FILE_MB);
  return (Number.isFinite(override) && override > 0 ? override : FILE_LIMITS[kind]) * 1024 * 1024;
}

/**
 * Reads a text file the user named: only a regular file (a folder, device, FIFO or socket is
 * refused by type), never more than its kind's limit (checked before reading, and while reading
 * for files that grow). Errors carry an errno-style `code` so callers can say "no such file".
 */
export function readTextFile(file: string, kind: keyof typeof FILE_LIMITS): string {
  const max = limitOf(kind);
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
    if (!st.isFile()) throw new AuditError('FILE_UNREADABLE', `${file}: not a regular file (a device, pipe or socket); give a file`);
    if (st.size > max) throw new AuditError('FILE_TOO_LARGE', `${file}: ${st.size} bytes, more than the ${max} a ${kind} file may have`, { details: { hint: 'set NS_ROLE_AUDIT_MAX_FILE_MB to read larger files' } });
    const buf = Buffer.alloc(Math.min(max + 1, Math.max(st.size, 0) + 1));
    let read = 0;
    for (;;) {
      const n = readSync(fd, buf, read, buf.length - read, null);
      if (n === 0) break;
      read += n;
      if (read > max) throw new AuditError('FILE_TOO_LARGE', `${file}: more than the ${max} bytes a ${kind} file may have`, { details: { hint: 'set NS_ROLE_AUDIT_MAX_FILE_MB to read larger files' } });
      if (read === buf.length) break;
    }
    const bytes = buf.subarray(0, read);
    // Decoding would turn bytes that are not UTF-8 into U+FFFD without a word: refuse them where they are.
    if (!isUtf8(bytes)) throw notUtf8(file, bytes);
    return bytes.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const [n, lo, hi] = c < 0x80 ? [0, 0, 0] : c >= 0xc2 && c <= 0xdf ? [1, 0x80, 0xbf] : c === 0xe0 ? [2, 0xa0, 0xbf] : c === 0xed ? [2, 0x80, 0x9f]
      : c >= 0xe1 && c <= 0xef ? [2, 0x80, 0xbf] : c === 0xf0 ? [3, 0x90, 0xbf] : c >= 0xf1 && c <= 0xf3 ? [3, 0x80, 0xbf] : c === 0xf4 ? [3, 0x80, 0x8f] : [-1, 0, 0];
    if (n < 0) return i;
    // The second byte has its own range (no overlong forms, no surrogates, nothing above U+10FFFF).
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** FILE_NOT_UTF8 at the line and column of the first byte that is not UTF-8. */
function notUtf8(file: string, bytes: Buffer): AuditError {
  const at = Math.max(0, firstInvalidUtf8(bytes));
  const before = bytes.subarray(0, at).toString('utf8');
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const byte = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  return new AuditError('FILE_NOT_UTF8', `${file}:${line}:${column}: byte 0x${byte} is not UTF-8; the file is read as UTF-8 (SDF, YAML and JSON files are)`, {
    details: { hint: 'save the file as UTF-8 (an editor\'s "Save with encoding", or iconv -f latin1 -t utf-8)' },
  });
}
