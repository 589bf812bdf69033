import { runCli } from './main';
import { processIo } from './io';

/** What stopped a write to standard output or error, by errno code, in words. */
const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EIO: 'an input/output error',
  EBADF: 'the stream is closed',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large',
  EAGAIN: 'the stream is not ready (non-blocking)',
};

/** The bin's entry: run, then exit with the code (after stdout drains). */
export function main(): void {
  // A reader that stops early (`catalog | head -1`) closes the pipe: nothing more to say, no
  // stack, the run's own exit code. Any other failure to write (a full disk, an I/O error) means
  // the output is incomplete: said on stderr once, exit 2, never a stack and never exit 0.
  let failed: NodeJS.ErrnoException | undefined;
  let stream = '';
  for (const [name, s] of [['standard output', process.stdout], ['standard error', process.stderr]] as const) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || failed) return;
      failed = e;
      stream = name;
    });
  }
  const finish = (code: number) => {
    if (failed) {
      const why = WRITE_ERRORS[failed.code ?? ''] ?? failed.message;
      // If stderr is the stream that failed, this write fails too: the exit code still says it.
      try {
        process.stderr.write(`ns-role-audit: error OUTPUT_FAILED: could not write to ${stream}: ${why}${failed.code ? ` (${failed.code})` : ''}; the output is incomplete\n`);
      } catch {
        // nowhere left to say it
      }
      process.exit(2);
    }
    process.exit(code);
  };
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
      // Once the answer is written, nothing left in flight (a run that hit --timeout) keeps the
      // process alive: exit when stdout has drained (or failed: then its error is known here).
      process.stdout.write('', () => setImmediate(() => finish(code)));
    },
    (e) => { process.stderr.write(`ns-role-audit: internal error: ${(e as Error).message}\n`); process.exitCode = 2; },
  );
}
