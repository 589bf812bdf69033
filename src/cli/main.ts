import { AuditError, formatIssue } from '../core/errors';
import { terminalLines } from '../core/format/escape';
import { closest } from '../core/catalog/suggest';
import { EXIT } from './exit-codes';
import { installSchemaValidators } from '../adapters/schema-validators';
import type { CliIo } from './io';
import { toolVersion } from './version';
import { createRedactingIo, secretsInEnv } from './redact';

type Command = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Loads a command's module on use: `audit` never loads the simulator, `--help` loads nothing.
 * Each `import()` names its module literally, so the bundler (scripts/bundle.js) keeps it lazy.
 */
function lazy<K extends string>(load: () => Promise<Record<K, Command>>, fn: K): Command {
  return async (argv, io) => (await load())[fn](argv, io);
}

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  audit: { run: lazy(() => import('./commands/audit'), 'runAudit'), summary: 'compare a role with a policy (files or live NetSuite)' },
  validate: { run: lazy(() => import('./commands/validate'), 'runValidate'), summary: 'check policy files' },
  catalog: { run: lazy(() => import('./commands/catalog'), 'runCatalog'), summary: 'search NetSuite permission names and IDs' },
  packs: { run: lazy(() => import('./commands/packs'), 'runPacks'), summary: 'list the shipped policy packs (vendors\' published roles, SoD rules)' },
  simulate: { run: lazy(() => import('./commands/simulate'), 'runSimulate'), summary: 'run a local NetSuite simulator (SOAP + REST SuiteQL)' },
  compare: { run: lazy(() => import('./commands/compare'), 'runCompare'), summary: 'show two roles side by side (accounts, files)' },
  pull: { run: lazy(() => import('./commands/pull'), 'runPull'), summary: 'write a live role as a snapshot or a starter policy' },
  access: { run: lazy(() => import('./commands/access'), 'runAccess'), summary: 'who holds each role, and whether they still use it' },
  history: { run: lazy(() => import('./commands/history'), 'runHistory'), summary: 'what changed in a role over time, from audit --history reads' },
  review: { run: lazy(() => import('./commands/review'), 'runReview'), summary: 'access reviews: start, check and report with sign-off and checksums' },
  fix: { run: lazy(() => import('./commands/fix'), 'runFix'), summary: 'write the fix as SDF: a diff of the role file, or a project for a live role' },
  doctor: { run: lazy(() => import('./commands/doctor'), 'runDoctor'), summary: 'check the NetSuite setup step by step' },
  demo: { run: lazy(() => import('./commands/demo'), 'runDemo'), summary: 'audit the Polytomic policy against the bundled simulator' },
};


function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const list = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`).join('\n');
  return `ns-role-audit ${toolVersion()}: audit NetSuite roles against a YAML policy

Usage: ns-role-audit <command> [options]

Commands:
${list}

Options:
  -h, --help     help for ns-role-audit or, after a command, for that command
  -V, --version  print the version
  --no-color     no colour (as NO_COLOR); --color: colour even when piped (as FORCE_COLOR)

Exit codes: 0 compliant, 1 findings (at or above --fail-on), 2 could not audit.
Environment: NO_COLOR disables colour, FORCE_COLOR enables it; NETSUITE_* variables name a live account.
`;
}

/** Prints an error people can act on: code, message, positioned issues and a hint; never a stack. */
function reportError(err: unknown, io: CliIo): number {
  if (err instanceof AuditError) {
    // Messages can quote NetSuite's answers and file contents: nothing in them may drive the terminal.
    const line = terminalLines;
    io.stderr.write(`ns-role-audit: error ${err.code}: ${line(err.message)}\n`);
    for (const issue of err.issues) io.stderr.write(`  ${line(formatIssue(issue)).replace(/\n/g, '\n  ')}\n`);
    const hint = err.details.hint;
    if (typeof hint === 'string') io.stderr.write(`  hint: ${line(hint)}\n`);
    return EXIT.ERROR;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`ns-role-audit: internal error: ${message}\n  this is a bug in ns-role-audit; set NS_ROLE_AUDIT_DEBUG=1 for details\n`);
  if (io.env.NS_ROLE_AUDIT_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  return EXIT.ERROR;
}

/**
 * `--color` / `--no-color`, anywhere before a `--`, for every command: the last one given wins over
 * NO_COLOR and FORCE_COLOR, by setting them for this run (shouldColor in cli/output.ts reads them).
 */
function colorOption(argv: string[], io: CliIo): { args: string[]; rawIo: CliIo } {
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  const given = head.filter((a) => a === '--color' || a === '--no-color').pop();
  if (!given) return { args: argv, rawIo: io };
  const args = [...head.filter((a) => a !== '--color' && a !== '--no-color'), ...(end < 0 ? [] : argv.slice(end))];
  const env = given === '--no-color' ? { ...io.env, NO_COLOR: '1' } : { ...io.env, NO_COLOR: undefined, FORCE_COLOR: '1' };
  return { args, rawIo: { ...io, env } };
}

/** Runs the CLI and returns the exit code; the only caller of process.exit is bin/. */
export async function runCli(argv: string[], givenIo: CliIo): Promise<number> {
  installSchemaValidators();
  const { args, rawIo } = colorOption(argv, givenIo);
  const io = createRedactingIo(rawIo, secretsInEnv(rawIo.env));
  const [first, ...rest] = args;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      if (first === 'help' && rest[0] && Object.hasOwn(COMMANDS, rest[0])) return await COMMANDS[rest[0]].run(['--help'], io);
      io.stdout.write(mainHelp());
      return first === undefined ? EXIT.ERROR : EXIT.OK;
    }
    if (first === '-V' || first === '--version' || first === 'version') {
      io.stdout.write(`${toolVersion()}\n`);
      return EXIT.OK;
    }
    // Own keys only: 'toString' is not a command (the fuzzer found it reaching Object.prototype).
    const cmd = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!cmd) {
      const near = closest(first, Object.keys(COMMANDS), 1);
      throw new AuditError('USAGE', `unknown command '${first}'`, { details: { hint: near.length ? `did you mean '${near[0]}'?` : "run 'ns-role-audit --help' for the commands" } });
    }
    return await cmd.run(rest, io);
  } catch (e) {
    return reportError(e, io);
  }
}
