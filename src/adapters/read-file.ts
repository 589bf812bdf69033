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
    return buf.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
