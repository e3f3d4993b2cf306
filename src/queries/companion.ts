/**
 * Witnessed core + optional companions (audit §8.1). A core document holds only fields a live witness sent on
 * that root; every merely plausible field lives in a small companion document on the same root, fetched in
 * parallel and merged by id. A failed companion costs only its own feature, and the answer says so.
 */
import { noteDegraded, type DegradedNote } from "../halo/degraded.js";
import { isHaloError } from "../halo/errors.js";
import { redact } from "../redact.js";

export interface Companion<T> {
  /** What the student loses when this companion fails ("submission files", "read state"…). */
  feature: string;
  /** Fetches the extras and returns how to fold them into the core value. */
  run: () => Promise<(core: T) => T>;
}

function reason(err: unknown): string {
  if (isHaloError(err)) return `Halo ${err.kind === "validation" ? "rejected the extra fields" : `error (${err.kind})`}`;
  return redact(err instanceof Error ? err.message : String(err)).slice(0, 120);
}

/**
 * One companion on its own (cached apart from its core, so tools that skip it never pay for it): its merge, or on
 * failure a note that its feature is missing and a merge that changes nothing.
 */
export async function settleCompanion<T>(c: Companion<T>): Promise<(core: T) => T> {
  try {
    return await c.run();
  } catch (err) {
    noteDegraded(c.feature, reason(err));
    return (core) => core;
  }
}

/** The core's failure is the call's failure; a companion's failure only drops its extras. */
export async function withCompanions<T>(core: Promise<T>, companions: ReadonlyArray<Companion<T>>): Promise<T> {
  const [base, ...extras] = await Promise.allSettled([core, ...companions.map((c) => c.run())]);
  if (base!.status === "rejected") throw base!.reason;
  let value = base!.value as T;
  const notes: DegradedNote[] = [];
  extras.forEach((r, i) => {
    if (r.status === "fulfilled") value = (r.value as (core: T) => T)(value);
    else notes.push({ feature: companions[i]!.feature, detail: reason(r.reason) });
  });
  // A cache holding this value repeats these notes on every hit (src/tools/cache.ts).
  for (const n of notes) noteDegraded(n.feature, n.detail);
  return value;
}
