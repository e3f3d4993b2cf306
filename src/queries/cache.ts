/**
 * Short-lived cache with request coalescing: concurrent askers of one key share one Halo call, and a
 * failure is never cached. Bounded so a long-running server cannot grow without limit. A hit repeats what the
 * value lacks (a failed companion document), so every answer built from it says so.
 */
import { noteDegraded, recordDegraded, type DegradedNote } from "../halo/degraded.js";

interface Entry {
  at: number;
  value: Promise<unknown>;
  settled: boolean;
  /** What the load noted as missing (src/halo/degraded.ts): repeated for every answer served from this entry. */
  notes: DegradedNote[];
}

export class Cache {
  private entries = new Map<string, Entry>();
  constructor(
    private readonly clock: () => number = Date.now,
    private readonly maxEntries = 500,
  ) {}

  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && (!hit.settled || now - hit.at < ttlMs)) {
      return (hit.value as Promise<T>).then((v) => {
        for (const n of hit.notes) noteDegraded(n.feature, n.detail);
        return v;
      });
    }
    const entry: Entry = { at: now, settled: false, value: Promise.resolve(), notes: [] };
    entry.value = recordDegraded(load).then(
      ({ result, notes }) => {
        entry.settled = true;
        entry.at = this.clock();
        entry.notes = notes;
        return result;
      },
      (e: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw e;
      },
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.evict();
    return entry.value as Promise<T>;
  }

  /** Age in ms of a settled entry, for "data as of" notes; undefined when absent. */
  age(key: string): number | undefined {
    const e = this.entries.get(key);
    return e?.settled ? this.clock() - e.at : undefined;
  }

  invalidate(prefix = ""): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
