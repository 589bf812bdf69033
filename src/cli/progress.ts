import type { CliIo } from './io';

/**
 * A one-line status on stderr for long runs: only on a TTY, only once a run has taken more than
 * a second, rewritten in place, cleared at the end. CI logs never see it.
 */
export function createProgress(io: CliIo, now: () => number = Date.now) {
  const start = now();
  let shown = false;
  return {
    update(text: string): void {
      if (!io.stderr.isTTY || now() - start < 1000) return;
      io.stderr.write(`\r\u001b[2K${text.slice(0, 120)}`);
      shown = true;
    },
    done(): void {
      if (shown) io.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
