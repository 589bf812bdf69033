import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AuditError } from '../errors';
import { FORMATTERS, FORMAT_NAMES, shouldColor, type AuditReport } from '../report';
import { oneOf } from './args';
import type { CliIo } from './io';

/** One `--format NAME[=FILE]`: a formatter and where its output goes (undefined = stdout). */
export interface OutputSpec {
  format: string;
  file?: string;
}

/** Parses repeated `--format` values; the default is the table on stdout. At most one may use stdout. */
export function parseOutputs(values: string[] | undefined, names: readonly string[] = FORMAT_NAMES, fallback = 'table'): OutputSpec[] {
  const specs = (values?.length ? values : [fallback]).map((v) => {
    const eq = v.indexOf('=');
    const format = oneOf('format', eq < 0 ? v : v.slice(0, eq), names);
    const file = eq < 0 ? undefined : v.slice(eq + 1);
    if (file === '') throw new AuditError('USAGE', `--format ${v}: the file name after '=' is empty`);
    return { format, file };
  });
  if (specs.filter((s) => !s.file).length > 1) {
    throw new AuditError('USAGE', 'only one --format can go to standard output', { details: { hint: 'send the others to files: --format junit=report.xml' } });
  }
  return specs;
}

/** Formats the report once per output and writes each to stdout or its file. */
export function writeOutputs(report: AuditReport, specs: OutputSpec[], io: CliIo): void {
  emitOutputs(specs, io, (format, color) => FORMATTERS[format](report, { color }));
}

/** Renders each output (colour only for the table on a colour-capable stdout) and writes it. */
export function emitOutputs(specs: OutputSpec[], io: CliIo, render: (format: string, color: boolean) => string): void {
  for (const spec of specs) {
    const color = !spec.file && spec.format === 'table' && shouldColor(io.stdout, io.env);
    const text = render(spec.format, color);
    if (!spec.file) { io.stdout.write(text); continue; }
    const path = resolve(io.cwd, spec.file);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    } catch (e) {
      throw new AuditError('OUTPUT_UNWRITABLE', `cannot write ${spec.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
}
