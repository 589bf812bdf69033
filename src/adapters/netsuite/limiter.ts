/**
 * A counting semaphore: at most `limit` tasks at once. One per account, shared by SOAP and
 * REST, since NetSuite counts both against one concurrency limit (docs/netsuite-facts.md §5).
 */
export class Limiter {
  private active = 0;
  private waiting: Array<() => void> = [];
  /** The most tasks that ran at once (for tests and benchmarks). */
  peak = 0;

  /**
   * @param max how many tasks may run at once now
   * @param ceiling a limit the user configured: nothing (not even the account's own report of
   *   a higher limit) raises `max` above it
   */
  constructor(private max: number, private readonly ceiling = Infinity) {
    this.max = Math.max(1, Math.floor(Math.min(max, ceiling)));
  }

  get limit(): number {
    return this.max;
  }

  /** Lowers or raises the limit (e.g. to what getAccountGovernanceInfo reports), never above the ceiling. */
  setLimit(n: number): void {
    this.max = Math.max(1, Math.floor(Math.min(n, this.ceiling)));
    this.drain();
  }

  /** Runs `task` when a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    this.peak = Math.max(this.peak, this.active);
    try {
      return await task();
    } finally {
      this.active--;
      this.drain();
    }
  }

  private drain(): void {
    while (this.active < this.max && this.waiting.length) {
      this.active++;
      this.waiting.shift()!();
    }
  }
}

/** NetSuite's limit for standard and developer accounts, used until the account says otherwise. */
export const DEFAULT_CONCURRENCY = 5;
