/** Why a file could not be read, in words, from its errno-style code (ENOENT, EACCES, ...). */
const WHY: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files open',
  EIO: 'an input/output error',
  EBUSY: 'the file is busy',
};

/** "no such file or folder", "permission denied", ...: what people see for an error with this code. */
export function fileErrorText(e: unknown): string {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && WHY[code] ? WHY[code] : `cannot be read (${typeof code === 'string' ? code : 'error'})`;
}
