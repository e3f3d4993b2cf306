/** A tiny FIFO semaphore bounding parallel requests to Halo (no package needed for ~20 lines). */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // hand the slot over directly: `active` stays the same
      else this.active--;
    }
  }

  get inUse(): number {
    return this.active;
  }
}
