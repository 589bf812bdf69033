import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AuditError } from '../core/errors';
import { closest } from '../core/catalog/suggest';

type Options = NonNullable<ParseArgsConfig['options']>;
type WithHelp<O extends Options> = O & { help: { type: 'boolean'; short: 'h' } };
/** What parseCommandArgs returns: typed values for the declared flags, and positionals. */
export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: WithHelp<O>; allowPositionals: boolean; strict: true }>>;

/** Parses a command's argv strictly; an unknown or malformed flag is a usage error (exit 2). */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O, allowPositionals = false): ParsedArgs<O> {
  try {
    const withHelp = { ...options, help: { type: 'boolean', short: 'h' } } as WithHelp<O>;
    const parsed = parseArgs({ args: argv, options: withHelp, allowPositionals, strict: true as const });
    // An empty value (`--role-file ""`) is a mistake, never "not given": it would silently change what runs.
    for (const [flag, value] of Object.entries(parsed.values)) {
      if (value === '' || (Array.isArray(value) && value.includes(''))) {
        throw new AuditError('USAGE', `${command}: --${flag} was given an empty value`, { details: { hint: `give --${flag} a value, or leave the flag out` } });
      }
    }
    return parsed;
  } catch (e) {
    if (e instanceof AuditError) throw e;
    const msg = (e as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(msg);
    let hint = `run 'ns-role-audit ${command} --help' for the flags it takes`;
    if (unknown) {
      const near = closest(unknown[1].replace(/^-+/, ''), Object.keys(options), 1);
      if (near.length) hint = `did you mean '--${near[0]}'?`;
    }
    throw new AuditError('USAGE', `${command}: ${msg.replace(/\. To specify a positional argument.*$/, '')}`, { details: { hint } });
  }
}

/** Rejects a value not among `allowed`, suggesting the nearest. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const near = closest(value, allowed, 1);
  throw new AuditError('USAGE', `--${flag} ${JSON.stringify(value)}: expected one of ${allowed.join(', ')}`, {
    details: { hint: near.length ? `did you mean '${near[0]}'?` : undefined },
  });
}

/** A required flag, or a usage error naming it. */
export function required(command: string, flag: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new AuditError('USAGE', `${command}: --${flag} is required`, { details: { hint: `run 'ns-role-audit ${command} --help'` } });
  }
  return value;
}

/**
 * A path the user gave for a flag that reads a file: `-` (standard input elsewhere) is refused
 * by name rather than read as a file called "-".
 */
export function inputPath(flag: string, value: string): string;
export function inputPath(flag: string, value: string | undefined): string | undefined;
export function inputPath(flag: string, value: string | undefined): string | undefined {
  if (value === '-') throw new AuditError('USAGE', `${flag} -: reading from standard input is not supported`, { details: { hint: `give ${flag} a file` } });
  return value;
}
