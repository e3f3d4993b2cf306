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
 * - Every note also lands in a small process ledger (`degradedSoFar()`), which check_tokens and doctor report.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface DegradedNote {
  feature: string;
  detail: string;
}

const current = new AsyncLocalStorage<Map<string, DegradedNote>>();
const LEDGER_MAX = 40;
const ledger = new Map<string, DegradedNote & { at: number }>();

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + "…" : s);

export function noteDegraded(feature: string, detail: string): void {
  const note = { feature: clip(feature.trim() || "some data", 60), detail: clip(detail.replace(/\s+/g, " ").trim(), 140) };
  const key = `${note.feature}\u0000${note.detail}`;
  const notes = current.getStore();
  if (notes && !notes.has(key) && notes.size < LEDGER_MAX) notes.set(key, note);
  // Bounded: a re-noted entry moves to the end, the oldest falls out.
  ledger.delete(key);
  ledger.set(key, { ...note, at: Date.now() });
  if (ledger.size > LEDGER_MAX) ledger.delete(ledger.keys().next().value as string);
}

export async function withDegradedNotes<T>(fn: () => Promise<T>): Promise<{ result: T; notes: DegradedNote[] }> {
  const notes = new Map<string, DegradedNote>();
  const result = await current.run(notes, fn);
  return { result, notes: [...notes.values()] };
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
