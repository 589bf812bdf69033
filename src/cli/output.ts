import { terminalLines } from '../core/format/escape';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AuditError } from '../core/errors';
import type { FormatContext, FormatName, OutputFormat } from '../core/format';
import { CLI_FORMATS as FORMATS, CLI_FORMAT_NAMES as FORMAT_NAMES } from './formats';
import { oneOf } from './args';
import type { CliIo } from './io';
import type { RedactingIo } from './redact';

/** One `--format NAME[=FILE]`: a format and where its output goes (undefined = stdout). */
export interface OutputSpec {
  format: FormatName;
  file?: string;
}

/** True when output to this stream may be coloured: a TTY, and NO_COLOR unset or empty (no-color.org). */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Parses repeated `--format` values; the default is the table on stdout. At most one may use stdout. */
export function parseOutputs(values: string[] | undefined): OutputSpec[] {
  const specs = (values?.length ? values : ['table']).map((v) => {
    const eq = v.indexOf('=');
    const format = oneOf('format', eq < 0 ? v : v.slice(0, eq), FORMAT_NAMES);
    const given = eq < 0 ? undefined : v.slice(eq + 1);
    if (given === '') throw new AuditError('USAGE', `--format ${v}: the file name after '=' is empty`, { details: { hint: `write --format ${format} for standard output, or --format ${format}=<file>` } });
    // `-` is standard output, as in most command-line tools.
    const file = given === '-' ? undefined : given;
    if (file !== undefined) checkFileName(`--format ${format}`, file);
    return file === undefined ? { format } : { format, file };
  });
  if (specs.filter((s) => !s.file).length > 1) {
    throw new AuditError('USAGE', 'only one --format can go to standard output', { details: { hint: 'send the others to files: --format junit=report.xml' } });
  }
  return specs;
}

/**
 * Renders each output with its format (colour only for the table on a colour-capable stdout)
 * and writes it to stdout or its file. `render` chooses what the format renders: a report or a comparison.
 */
export function writeOutputs(specs: readonly OutputSpec[], io: CliIo, render: (format: OutputFormat, ctx: FormatContext) => string, summary?: string, opts: { verbose?: boolean } = {}): void {
  const width = terminalWidth(io);
  for (const spec of specs) {
    const color = !spec.file && spec.format === 'table' && shouldColor(io.stdout, io.env);
    // The other files of the run: where a shortened output (annotations, job summary) sends readers.
    const artifacts = specs.filter((s) => s !== spec && s.file && ARTIFACT_FORMATS.has(s.format)).map((s) => s.file!);
    const ctx: FormatContext = { color, artifacts, ...(!spec.file && width ? { width } : {}), ...(opts.verbose ? { verbose: true } : {}) };
    const text = render(FORMATS[spec.format], ctx);
    // The github format writes workflow commands on purpose: they may start a line with `::`.
    if (!spec.file) (spec.format === 'github' ? (io as Partial<RedactingIo>).commandStdout ?? io.stdout : io.stdout).write(text);
    else writeOutputFile(io, spec.file, text);
    // In GitHub Actions the job summary shows the checklist (docs: "Adding a job summary"), kept
    // under GitHub's 1 MiB limit for one step's summary.
    const jobSummary = io.env.GITHUB_STEP_SUMMARY;
    if (spec.format === 'github' && jobSummary) appendOutputFile(io, jobSummary, render(FORMATS.markdown, { color: false, artifacts, maxBytes: JOB_SUMMARY_MAX_BYTES }));
  }
  // Everything went to files: one line on stderr says what was written and what it came to.
  if (summary && specs.length && specs.every((s) => s.file)) io.stderr.write(`wrote ${specs.map((s) => s.file).join(', ')}: ${terminalLines(summary)}\n`);
}

/** GitHub shows a step's job summary up to 1 MiB; a little is kept for what other steps append. */
export const JOB_SUMMARY_MAX_BYTES = 1024 * 1024 - 16 * 1024;

/** Formats that hold every finding, so a shortened output can point at them. */
const ARTIFACT_FORMATS = new Set<FormatName>(['sarif', 'html', 'json', 'csv', 'junit', 'markdown']);

/** The width of the terminal the table is printed on: COLUMNS, else the TTY's; none when piped. */
function terminalWidth(io: CliIo): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  const columns = (io.stdout as { columns?: number }).columns;
  return io.stdout.isTTY && typeof columns === 'number' && columns > 0 ? columns : undefined;
}

/** Appends to a file the environment names (GITHUB_STEP_SUMMARY), redacted like every output. */
function appendOutputFile(io: CliIo, file: string, text: string): void {
  try {
    appendFileSync(resolve(io.cwd, file), (io as Partial<RedactingIo>).redact?.(text) ?? text);
  } catch (e) {
    throw new AuditError('OUTPUT_UNWRITABLE', `cannot append the job summary to ${file}: ${(e as NodeJS.ErrnoException).code ?? 'it cannot be written'}`);
  }
}

/** A file name that ends in `/` names a folder: a usage error before anything runs. */
export function checkFileName(what: string, file: string): void {
  if (/[/\\]$/.test(file)) throw new AuditError('USAGE', `${what}: ${file} names a folder; give a file name, e.g. ${file}report.json`);
}

/**
 * Writes a file the user asked for (a report, a baseline, a snapshot, a policy): missing folders
 * are created; a name ending in `/` or naming a folder, or a place that cannot be written, is a
 * named error (exit 2), never an internal one.
 */
export function writeOutputFile(io: CliIo, file: string, text: string): void {
  checkFileName('output', file);
  const path = resolve(io.cwd, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Files pass the same redaction as the terminal: a secret echoed by a server never lands in a report.
    writeFileSync(path, (io as Partial<RedactingIo>).redact?.(text) ?? text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on the device' : code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : code ?? 'it cannot be written';
    throw new AuditError('OUTPUT_UNWRITABLE', `cannot write ${file}: ${why}`);
  }
}
