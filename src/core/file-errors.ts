/** Why a file could not be read, in words, from its errno-style code (ENOENT, EACCES, ...). */
const WHY: ReadonlyMap<string, string> = new Map(Object.entries({
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
}));

/** "no such file or folder", "permission denied", ...: what people see for an error with this code. */
export function fileErrorText(e: unknown): string {
  const code = (e as { code?: unknown } | undefined)?.code;
  // A Map: a code named like an object's property (`toString`) is not a known code.
  const why = typeof code === 'string' ? WHY.get(code) : undefined;
  return why ?? `cannot be read (${typeof code === 'string' ? code : 'error'})`;
}
