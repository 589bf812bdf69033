import type { AuditReport, RoleComparison } from '../model';
import { formatComparisonJson, formatComparisonJunit, formatComparisonMarkdown, formatComparisonTable } from './comparison';
import { formatComparisonCsv, formatCsv } from './csv';
import { formatComparisonGithub, formatGithub } from './github';
import { formatComparisonHtml, formatHtml } from './html';
import { formatComparisonSarif, formatSarif } from './sarif';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatTable } from './table';

/** What formatters may know besides what they format. */
export interface FormatContext {
  /** ANSI colour (a TTY without NO_COLOR). */
  color: boolean;
  /**
   * The files the same run writes in other formats (`--format sarif=results.sarif`): where an
   * output that must stay short (GitHub annotations, the job summary) sends readers for the rest.
   */
  artifacts?: readonly string[];
  /** A size the output must stay under, in bytes (GitHub's job summary: 1 MiB); the most important first, then what was left out. */
  maxBytes?: number;
  /** The terminal's width in columns, for the table (COLUMNS or the TTY); none: lines are not wrapped. */
  width?: number;
  /** Every detail in full (`--verbose`): the table does not shorten accepted findings to one line. */
  verbose?: boolean;
}

/** A formatter: pure, returns the whole output, never writes. */
export type Formatter<T> = (value: T, ctx: FormatContext) => string;

/** One output format: how it renders an audit report and a role comparison. */
export interface OutputFormat {
  report: Formatter<AuditReport>;
  comparison: Formatter<RoleComparison>;
}

/** Every output format by name (`--format NAME[=FILE]`), for `audit` and `compare` alike. */
export const FORMATS = {
  table: { report: formatTable, comparison: formatComparisonTable },
  json: { report: formatJson, comparison: formatComparisonJson },
  junit: { report: formatJunit, comparison: formatComparisonJunit },
  markdown: { report: formatMarkdown, comparison: formatComparisonMarkdown },
  sarif: { report: formatSarif, comparison: formatComparisonSarif },
  github: { report: formatGithub, comparison: formatComparisonGithub },
  csv: { report: formatCsv, comparison: formatComparisonCsv },
  html: { report: formatHtml, comparison: formatComparisonHtml },
} as const satisfies Record<string, OutputFormat>;

/** The name of an output format. */
export type FormatName = keyof typeof FORMATS;

/** Format names, for help text and errors. */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
