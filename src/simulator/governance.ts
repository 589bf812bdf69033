/** A small seeded PRNG (mulberry32), so injected faults are repeatable. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The account's concurrency limit, one for SOAP and REST together (docs/netsuite-facts.md §5): a request
 * beyond it is refused at once, never queued.
 */
export class ConcurrencyGate {
  private inFlight = 0;
  constructor(private readonly limit: number) {}

  /** Admits a request; returns how many are in flight with it, or undefined when over the limit. */
  enter(): { admitted: boolean; concurrent: number } {
    this.inFlight++;
    const concurrent = this.inFlight;
    if (concurrent > this.limit) {
      this.inFlight--;
      return { admitted: false, concurrent };
    }
    return { admitted: true, concurrent };
  }

  leave(): void {
    this.inFlight--;
  }

  get current(): number {
    return this.inFlight;
  }
}
