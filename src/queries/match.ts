/**
 * Fuzzy lookup of an assessment by title ("topic 2 dq", "benchmark"), so the student can name work the way
 * they say it. A miss or a tie lists candidates instead of guessing.
 */
import { plainText } from "../format/entities.js";
import { ToolError } from "./tool-error.js";

export interface Titled {
  id: string;
  title: string;
}

const norm = (s: string): string => plainText(s).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
const tokens = (s: string): string[] => norm(s).split(" ").filter(Boolean);

/** Higher is better; 0 = no match. */
export function titleScore(title: string, query: string): number {
  const t = norm(title);
  const q = norm(query);
  if (!q) return 0;
  if (t === q) return 100;
  if (t.startsWith(q)) return 80;
  if (t.includes(q)) return 70;
  const tt = new Set(tokens(title));
  const qt = tokens(query);
  const hit = qt.filter((w) => tt.has(w) || [...tt].some((x) => x.startsWith(w) && w.length >= 3)).length;
  if (hit === qt.length) return 50 + Math.min(hit, 10);
  return hit > 0 && hit / qt.length >= 0.5 ? 20 + hit : 0;
}

export interface MatchResult<T> {
  match?: T;
  candidates: T[];
}

export function matchTitle<T extends Titled>(items: readonly T[], query: string): MatchResult<T> {
  const q = query.trim();
  const byId = items.find((i) => i.id.toLowerCase() === q.toLowerCase());
  if (byId) return { match: byId, candidates: [byId] };
  const scored = items.map((i) => ({ i, s: titleScore(i.title, q) })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s);
  if (scored.length === 0) return { candidates: [] };
  const best = scored[0]!.s;
  const top = scored.filter((x) => x.s === best).map((x) => x.i);
  return top.length === 1 ? { match: top[0], candidates: scored.map((x) => x.i) } : { candidates: top };
}

/** Picks one item or throws a ToolError listing what the student could mean. */
export function pickByTitle<T extends Titled>(items: readonly T[], query: string, describe: (t: T) => string, scopeNote: string): T {
  const r = matchTitle(items, query);
  if (r.match) return r.match;
  if (r.candidates.length > 1) {
    throw new ToolError(`"${query}" matches several items ${scopeNote}; pass assessment_id with one of: ${r.candidates.slice(0, 10).map(describe).join("; ")}.`);
  }
  const list = items.slice(0, 40).map(describe).join("; ");
  throw new ToolError(`Nothing ${scopeNote} matches "${query}".${items.length ? ` Items: ${list}${items.length > 40 ? ` (and ${items.length - 40} more)` : ""}.` : ""}`);
}
