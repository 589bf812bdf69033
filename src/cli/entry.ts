import { runCli } from './main';
import { processIo } from './io';

/** The bin's entry: run, then exit with the code (after stdout drains). */
export function main(): void {
  runCli(process.argv.slice(2), processIo()).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`ns-role-audit: internal error: ${(e as Error).message}\n`); process.exitCode = 2; },
  );
}
