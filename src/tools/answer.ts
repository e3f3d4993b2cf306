/**
 * The one wrapper around every tool call that keeps answers compact and ids usable: it resolves short ids in
 * the arguments (any `*_id` field) before the handler runs, and on the way out shortens the ids an answer
 * shows, and adds the two notes an answer needs at most once (quoted text; the zone, year and deadline time of its
 * dates).
 */
import { dateLegend, DATE_IN_TEXT, elideDeadlineTime } from "../format/dates.js";
import { idsInText, shortenIds, shortestPrefixes } from "../format/ids.js";
import { QUOTE_NOTE } from "../format/text.js";
import type { IdBook } from "../queries/id-book.js";

/** Resolves every string `*_id` argument through the book; the first failure is the tool's answer. */
export function resolveIdArgs(args: Record<string, unknown>, book: IdBook): { args: Record<string, unknown> } | { error: string } {
  const out = { ...args };
  for (const [k, v] of Object.entries(args)) {
    if (!k.endsWith("_id") || typeof v !== "string") continue;
    const r = book.resolve(k, v);
    if ("error" in r) return { error: `${r.error} Nothing was changed.` };
    out[k] = r.id;
  }
  return { args: out };
}

export interface AnswerOptions {
  book: IdBook;
  tz: string;
  now: Date;
}

const hasQuote = (text: string) => /^\s*>/m.test(text);

/** Short ids, then one quote note and one date legend when the answer needs them. */
export function finishAnswer(text: string, o: AnswerOptions): string {
  const found = idsInText(text);
  const short = shortestPrefixes(found.keys(), o.book.keys());
  for (const [id, label] of found) o.book.remember(id, label);
  const notes: string[] = [];
  if (hasQuote(text) && !text.includes(QUOTE_NOTE)) notes.push(QUOTE_NOTE);
  const dated = elideDeadlineTime(text);
  if (DATE_IN_TEXT.test(text)) notes.push(dateLegend(o.tz, o.now, dated.elided));
  // Sections that came out empty (a footer with nothing to say) leave no run of blank lines behind.
  const body = shortenIds(dated.text, short).replace(/\n{3,}/g, "\n\n").trimEnd();
  return notes.length ? `${body}\n\n${notes.join(" ")}` : body;
}
