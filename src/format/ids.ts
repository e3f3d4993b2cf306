/**
 * Short ids. Halo's ids are UUIDs (36 characters, ~25 tokens); an answer shows the shortest prefix (at least 8
 * characters) that no other id the server knows shares, and tools take that prefix back. Pure functions: the
 * session's memory of full ids lives in src/tools/id-book.ts.
 */
export const MIN_ID_CHARS = 8;

/** A UUID standing alone: not inside a link (after / = # . :) or a longer token. */
const UUID_IN_TEXT = /(?<![\w/=#.:-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/gi;
const FULL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What a cut UUID can look like: 8 hex, then dash-separated groups of the UUID's widths, the last one partial. */
const UUID_PREFIX = /^[0-9a-f]{8}(?:-(?:[0-9a-f]{0,4}|[0-9a-f]{4}-(?:[0-9a-f]{0,4}|[0-9a-f]{4}-(?:[0-9a-f]{0,4}|[0-9a-f]{4}-[0-9a-f]{0,11}))))?$/i;

export const isFullId = (s: string): boolean => FULL_UUID.test(s);
export const isIdPrefix = (s: string): boolean => !isFullId(s) && UUID_PREFIX.test(s);

const commonPrefix = (a: string, b: string): number => {
  let i = 0;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: past the end of one id a[i] !== b[i] (undefined against a character; equal ids were deduplicated), so the bounds only save reads
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** For each id, the shortest prefix (≥ 8 characters, never ending in a dash) shared with no other id in `all`. */
export function shortestPrefixes(ids: Iterable<string>, all: Iterable<string>): Map<string, string> {
  const mine = [...ids];
  const sorted = [...new Set([...all, ...mine].map((s) => s.toLowerCase()))].sort();
  const at = new Map(sorted.map((s, i) => [s, i]));
  const out = new Map<string, string>();
  for (const raw of mine) {
    const id = raw.toLowerCase();
    const i = at.get(id)!;
    const shared = Math.max(i > 0 ? commonPrefix(id, sorted[i - 1]!) : 0, i + 1 < sorted.length ? commonPrefix(id, sorted[i + 1]!) : 0);
    let len = Math.max(MIN_ID_CHARS, shared + 1);
    if (id[len - 1] === "-") len++;
    out.set(raw, id.slice(0, Math.min(len, id.length)));
  }
  return out;
}

/**
 * The UUIDs an answer shows outside links, each with its line as a label for error messages. Quoted lines
 * count too: a truncation marker inside a quoted post names the post_id that shows the rest.
 */
export function idsInText(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of text.split("\n")) {
    for (const m of line.matchAll(UUID_IN_TEXT)) if (!found.has(m[0].toLowerCase())) found.set(m[0].toLowerCase(), label(line, m[0]));
  }
  return found;
}

function label(line: string, id: string): string {
  const text = line.replace(id, "").replace(/\b(?:\w+_)?id:?\s*$/i, "").replace(/[\s·:,(-]+$/, "").replace(/^[\s#>*-]+/, "").trim();
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}

/** Replaces each standalone UUID with its short form from `short`; links keep theirs whole. */
export function shortenIds(text: string, short: ReadonlyMap<string, string>): string {
  // Stryker disable next-line ConditionalExpression: a shortcut; with no short forms every id is put back unchanged
  if (!short.size) return text;
  return text
    .split("\n")
    .map((line) => line.replace(UUID_IN_TEXT, (m) => short.get(m.toLowerCase()) ?? m))
    .join("\n");
}
