/**
 * What what_changed remembers between calls: per class, per assessment, the status, the published score and
 * the student's due date. Nothing else (no titles or text), so the state file stays a few kilobytes and
 * holds nothing worth stealing.
 */
import type { WorkItem } from "./items.js";

/** [haloStatus, published score or null, due as epoch minutes or null] */
export type ItemMark = [string, number | null, number | null];

export interface ClassMark {
  code: string;
  /** When this class was last read successfully; a class that failed keeps its older mark and time. */
  at: string;
  items: Record<string, ItemMark>;
}

export interface ChangeState {
  version: 1;
  /** ISO time of the last what_changed call that moved the watermark. */
  lastCheck: string;
  classes: Record<string, ClassMark>;
  /** Per account-wide feed (alerts, inbox): when it was last read successfully. */
  feeds: Record<string, string>;
}

export function markOf(it: WorkItem): ItemMark {
  return [it.haloStatus, it.state === "graded" && it.score !== undefined ? it.score : null, it.due ? Math.round(it.due.getTime() / 60_000) : null];
}

export function classMark(code: string, at: Date, items: WorkItem[]): ClassMark {
  return { code, at: at.toISOString(), items: Object.fromEntries(items.map((it) => [it.assessmentId, markOf(it)])) };
}

export type ItemChange =
  | { type: "graded"; item: WorkItem; previousScore?: number }
  | { type: "regraded"; item: WorkItem; previousScore: number }
  | { type: "reassigned"; item: WorkItem }
  | { type: "due_moved"; item: WorkItem; previousDue: Date }
  | { type: "new_item"; item: WorkItem };

/** Compares a class's items now against its previous marks. An absent previous mark means baseline: no changes. */
export function diffClass(prev: ClassMark | undefined, items: WorkItem[]): ItemChange[] {
  if (!prev) return [];
  const out: ItemChange[] = [];
  for (const it of items) {
    const p = prev.items[it.assessmentId];
    if (!p) {
      out.push({ type: "new_item", item: it });
      continue;
    }
    const [status, score, due] = p;
    const cur = markOf(it);
    if (cur[1] !== null && score === null) out.push({ type: "graded", item: it });
    if (cur[1] !== null && score !== null && cur[1] !== score) out.push({ type: "regraded", item: it, previousScore: score });
    if (it.haloStatus === "REASSIGNED" && status !== "REASSIGNED") out.push({ type: "reassigned", item: it });
    if (due !== null && cur[2] !== null && due !== cur[2]) out.push({ type: "due_moved", item: it, previousDue: new Date(due * 60_000) });
  }
  return out;
}

export function emptyState(now: Date): ChangeState {
  return { version: 1, lastCheck: now.toISOString(), classes: {}, feeds: {} };
}

/** Accepts only a well-formed state; anything else (hand-edited, older format) is treated as no state. */
export function parseState(text: string): ChangeState | undefined {
  try {
    const v = JSON.parse(text) as Partial<ChangeState>;
    // Stryker disable next-line OptionalChaining: for a JSON null `v.version` throws, and the catch below also answers undefined
    if (v?.version !== 1 || typeof v.lastCheck !== "string" || Number.isNaN(Date.parse(v.lastCheck)) || typeof v.classes !== "object" || !v.classes) return undefined;
    return { ...(v as ChangeState), feeds: v.feeds && typeof v.feeds === "object" ? v.feeds : {} };
  } catch {
    return undefined;
  }
}
