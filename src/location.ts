/** A place in a file people can jump to: `file:line:column` (1-based). */
export interface SourceLoc {
  file: string;
  line: number;
  column: number;
}

/** Formats a location as editors and CI annotations read it. */
export function formatLoc(loc: SourceLoc): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}
