import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatTerminal } from './terminal';
import type { Formatter } from './types';

/** Every output format by name (`--format NAME[=FILE]`). */
export const FORMATTERS: Record<string, Formatter> = {
  table: formatTerminal,
  json: formatJson,
  junit: formatJunit,
  markdown: formatMarkdown,
};

/** Format names, for help text and errors. */
export const FORMAT_NAMES = Object.keys(FORMATTERS);
