/**
 * The HTTP session table: a hard cap bounds memory (each session holds an SDK transport and a fastmcp session),
 * but a session in use is never closed to admit another. "In use" means a request in flight, or a request within
 * the last `activeMs`: a client between two tool calls is still working. When the table is full, a new session
 * takes the place of the longest-idle session that is not in use; when every session is in use, the new one is
 * refused (the caller answers 503 with Retry-After) and nobody else loses anything.
 */

export interface SessionLimits {
  /** At most this many sessions, counting initializes still being answered. */
  max: number;
  /** A session with a request within this long (ms) counts as in use and is never evicted. */
  activeMs: number;
}

interface Slot<T> {
  value: T;
  lastActivity: number;
  inFlight: number;
}

export type Admission = { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number };

const once = (fn: () => void): (() => void) => {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
};

export class SessionTable<T> {
  private readonly slots = new Map<string, Slot<T>>();
  /** Admitted initializes whose session does not exist yet: they hold a place, so a burst cannot overshoot. */
  private pending = 0;

  constructor(
    private readonly limits: SessionLimits,
    /** Closes an evicted session; the table has already forgotten it. */
    private readonly evict: (value: T) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  /**
   * Asks for a place for one new session. The place is held until `add` fills it or `release` gives it back
   * (the initialize was refused or failed). A full table makes room only by evicting an idle session.
   */
  admit(): Admission {
    if (this.slots.size + this.pending >= this.limits.max) {
      const victim = this.longestIdle();
      if (!victim) return { ok: false, retryAfterSeconds: this.retryAfterSeconds() };
      this.slots.delete(victim[0]);
      this.evict(victim[1].value);
    }
    this.pending++;
    return { ok: true, release: once(() => this.pending--) };
  }

  /** Fills a place taken by `admit` (call its `release` too; releasing after adding frees nothing twice). */
  add(id: string, value: T, admission: { release: () => void }): void {
    this.slots.set(id, { value, lastActivity: this.clock(), inFlight: 0 });
    admission.release();
  }

  get(id: string): T | undefined {
    return this.slots.get(id)?.value;
  }

  /** A request for this session starts; the returned function ends it (idempotent). Undefined: no such session. */
  begin(id: string): (() => void) | undefined {
    const slot = this.slots.get(id);
    if (!slot) return undefined;
    slot.inFlight++;
    slot.lastActivity = this.clock();
    return once(() => {
      slot.inFlight--;
      slot.lastActivity = this.clock();
    });
  }

  /** Activity that is not a request in flight (opening the event stream, closing the session). */
  touch(id: string): T | undefined {
    const slot = this.slots.get(id);
    if (slot) slot.lastActivity = this.clock();
    return slot?.value;
  }

  delete(id: string): boolean {
    return this.slots.delete(id);
  }

  /** Sessions with no request in flight and none for `idleMs` (an open event stream does not count as use). */
  idle(idleMs: number): T[] {
    const cutoff = this.clock() - idleMs;
    return [...this.slots.values()].filter((s) => s.inFlight === 0 && s.lastActivity < cutoff).map((s) => s.value);
  }

  values(): T[] {
    return [...this.slots.values()].map((s) => s.value);
  }

  private longestIdle(): [string, Slot<T>] | undefined {
    const cutoff = this.clock() - this.limits.activeMs;
    let best: [string, Slot<T>] | undefined;
    for (const entry of this.slots) {
      const s = entry[1];
      if (s.inFlight > 0 || s.lastActivity > cutoff) continue;
      if (!best || s.lastActivity < best[1].lastActivity) best = entry;
    }
    return best;
  }

  /** When the first session could stop counting as in use (a request still in flight: a full window from now). */
  private retryAfterSeconds(): number {
    const now = this.clock();
    let soonest = this.limits.activeMs;
    for (const s of this.slots.values()) soonest = Math.min(soonest, s.inFlight > 0 ? this.limits.activeMs : s.lastActivity + this.limits.activeMs - now);
    return Math.max(1, Math.ceil(soonest / 1000));
  }
}
