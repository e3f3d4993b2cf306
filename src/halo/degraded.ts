/**
 * Degradation notes: how an answer says "part of this is missing" instead of failing as a whole.
 *
 * Contract (shared by the halo client, the query/assistant layers and the tools/call handler):
 * - `noteDegraded(feature, detail)`: call when an answer goes on without some of its data (a companion document
 *   failed, Halo rejected a field that was pruned, a field-level error nulled a subtree). `feature` is the human
 *   name ("grade details"); `detail` a short reason with no ids, names, tokens or content.
 * - `withDegradedNotes(fn)`: runs `fn` with a fresh collector (AsyncLocalStorage, so parallel tool calls never mix)
 *   and returns its result with the deduplicated notes. Every tool call runs inside it; `degradedLine(notes)` is
 *   the one short line appended to the answer.
 * - `recordDegraded(fn)`: notes as usual and also hands back what `fn` noted, so a cache can repeat those notes
 *   when a later call is answered from the cached value.
 * - Every note also lands in a small process ledger (`degradedSoFar()`), which check_tokens and doctor report.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface DegradedNote {
  feature: string;
  detail: string;
}

/** A collector; notes also flow to the enclosing one (a recording inside a tool call). */
interface Sink {
  notes: Map<string, DegradedNote>;
  parent?: Sink;
}

const current = new AsyncLocalStorage<Sink>();
const LEDGER_MAX = 40;
const ledger = new Map<string, DegradedNote & { at: number }>();

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + "…" : s);

export function noteDegraded(feature: string, detail: string): void {
  const note = { feature: clip(feature.trim() || "some data", 60), detail: clip(detail.replace(/\s+/g, " ").trim(), 140) };
  const key = `${note.feature}\u0000${note.detail}`;
  for (let sink = current.getStore(); sink; sink = sink.parent) {
    if (!sink.notes.has(key) && sink.notes.size < LEDGER_MAX) sink.notes.set(key, note);
  }
  // Bounded: a re-noted entry moves to the end, the oldest falls out.
  ledger.delete(key);
  ledger.set(key, { ...note, at: Date.now() });
  if (ledger.size > LEDGER_MAX) ledger.delete(ledger.keys().next().value as string);
}

export async function withDegradedNotes<T>(fn: () => Promise<T>): Promise<{ result: T; notes: DegradedNote[] }> {
  const sink: Sink = { notes: new Map() };
  const result = await current.run(sink, fn);
  return { result, notes: [...sink.notes.values()] };
}

export async function recordDegraded<T>(fn: () => Promise<T>): Promise<{ result: T; notes: DegradedNote[] }> {
  const sink: Sink = { notes: new Map(), parent: current.getStore() };
  const result = await current.run(sink, fn);
  return { result, notes: [...sink.notes.values()] };
}

/** One short line for the end of an answer, or undefined when nothing was missing. One entry per feature. */
export function degradedLine(notes: readonly DegradedNote[], lead = "Note: incomplete answer, Halo did not provide"): string | undefined {
  if (notes.length === 0) return undefined;
  const byFeature = new Map<string, string>();
  for (const n of notes) if (!byFeature.has(n.feature)) byFeature.set(n.feature, n.detail);
  const parts = [...byFeature].map(([f, d]) => (d ? `${f} (${d})` : f));
  return clip(`${lead}: ${parts.join("; ")}.`, 400);
}

/** Degradations seen by this process, newest last (for check_tokens and doctor). */
export function degradedSoFar(): ReadonlyArray<DegradedNote & { at: number }> {
  return [...ledger.values()];
}
