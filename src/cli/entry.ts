import { runCli } from './main';
import { processIo } from './io';

/** The bin's entry: run, then exit with the code (after stdout drains). */
export function main(): void {
  // A reader that stops early (`catalog | head -1`) closes the pipe: nothing more to say, no stack.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
      // Once the answer is written, nothing left in flight (a run that hit --timeout) keeps the
      // process alive: exit when stdout has drained.
      process.stdout.write('', () => process.exit(code));
    },
    (e) => { process.stderr.write(`ns-role-audit: internal error: ${(e as Error).message}\n`); process.exitCode = 2; },
  );
}
