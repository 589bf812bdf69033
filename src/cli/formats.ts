import type { FormatName, Formatter, OutputFormat } from '../core/format';

/**
 * The output formats as the CLI uses them: each formatter's module is loaded on first use, so a
 * run that prints a table never loads the HTML, SARIF or CSV code (the start-up cost measured by
 * bench/cold-start.js). The same formatters as core/format/registry.ts's FORMATS (the library's,
 * loaded at once); `satisfies` keeps the two lists of names the same. Each module is named
 * literally, so the bundler (scripts/bundle.js) follows it.
 */
function onUse<T>(load: () => Formatter<T>): Formatter<T> {
  let fn: Formatter<T> | undefined;
  return (value, ctx) => (fn ??= load())(value, ctx);
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const CLI_FORMATS = {
  table: {
    report: onUse(() => (require('../core/format/table') as typeof import('../core/format/table')).formatTable),
    comparison: onUse(() => (require('../core/format/comparison') as typeof import('../core/format/comparison')).formatComparisonTable),
  },
  json: {
    report: onUse(() => (require('../core/format/json') as typeof import('../core/format/json')).formatJson),
    comparison: onUse(() => (require('../core/format/comparison') as typeof import('../core/format/comparison')).formatComparisonJson),
  },
  junit: {
    report: onUse(() => (require('../core/format/junit') as typeof import('../core/format/junit')).formatJunit),
    comparison: onUse(() => (require('../core/format/comparison') as typeof import('../core/format/comparison')).formatComparisonJunit),
  },
  markdown: {
    report: onUse(() => (require('../core/format/markdown') as typeof import('../core/format/markdown')).formatMarkdown),
    comparison: onUse(() => (require('../core/format/comparison') as typeof import('../core/format/comparison')).formatComparisonMarkdown),
  },
  sarif: {
    report: onUse(() => (require('../core/format/sarif') as typeof import('../core/format/sarif')).formatSarif),
    comparison: onUse(() => (require('../core/format/sarif') as typeof import('../core/format/sarif')).formatComparisonSarif),
  },
  github: {
    report: onUse(() => (require('../core/format/github') as typeof import('../core/format/github')).formatGithub),
    comparison: onUse(() => (require('../core/format/github') as typeof import('../core/format/github')).formatComparisonGithub),
  },
  csv: {
    report: onUse(() => (require('../core/format/csv') as typeof import('../core/format/csv')).formatCsv),
    comparison: onUse(() => (require('../core/format/csv') as typeof import('../core/format/csv')).formatComparisonCsv),
  },
  html: {
    report: onUse(() => (require('../core/format/html') as typeof import('../core/format/html')).formatHtml),
    comparison: onUse(() => (require('../core/format/html') as typeof import('../core/format/html')).formatComparisonHtml),
  },
} as const satisfies Record<FormatName, OutputFormat>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** Format names, for help text and errors. */
export const CLI_FORMAT_NAMES = Object.keys(CLI_FORMATS) as FormatName[];
