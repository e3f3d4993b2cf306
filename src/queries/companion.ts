/**
 * Witnessed core + optional companions (audit §8.1). A core document holds only fields a live witness sent on
 * that root; every merely plausible field lives in a small companion document on the same root, fetched in
 * parallel and merged by id. A failed companion costs only its own feature, and the answer says so.
 */
import { noteDegraded } from "../halo/degraded.js";
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

/** The core's failure is the call's failure; a companion's failure only drops its extras. */
export async function withCompanions<T>(core: Promise<T>, companions: ReadonlyArray<Companion<T>>): Promise<T> {
  const [base, ...extras] = await Promise.allSettled([core, ...companions.map((c) => c.run())]);
  if (base!.status === "rejected") throw base!.reason;
  let value = base!.value as T;
  extras.forEach((r, i) => {
    if (r.status === "fulfilled") value = (r.value as (core: T) => T)(value);
    else noteDegraded(companions[i]!.feature, reason(r.reason));
  });
  return value;
}

/** Shallow-merges extra fields into the items with the same id; items without extras stay as they are. */
export function mergeById<T extends { id?: string | null }>(items: readonly T[], extras: ReadonlyArray<Partial<T> & { id?: string | null }>): T[] {
  const byId = new Map(extras.filter((e) => e.id).map((e) => [e.id!, e] as const));
  return items.map((it) => {
    const e = it.id ? byId.get(it.id) : undefined;
    return e ? { ...it, ...dropNullish(e) } : it;
  });
}

/** Companion nulls never overwrite core values (a companion answers only what it selected). */
function dropNullish<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
