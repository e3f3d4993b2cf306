/**
 * Per-class standing from a gradebook: published points and percentage (what Halo's gradebook shows), what
 * is awaiting a grade and what is still to do. Pure; the tools add loading and wording.
 */
import type { WorkItem } from "./items.js";
import type { RawClassGrade } from "./raw.js";
import { round } from "./target.js";

export interface Standing {
  letter?: string;
  finalPublished: boolean;
  earned: number;
  gradedMax: number;
  percent?: number;
  gradedCount: number;
  awaiting: WorkItem[];
  todo: WorkItem[];
  missing: WorkItem[];
}

/** Points are counted from PUBLISHED rows only; Halo's own running letter is shown as Halo states it. */
export function standingOf(gb: RawClassGrade, items: WorkItem[]): Standing {
  const graded = items.filter((i) => i.state === "graded" && i.score !== undefined && i.points !== undefined);
  const earned = graded.reduce((s, i) => s + (i.score ?? 0), 0);
  const gradedMax = graded.reduce((s, i) => s + (i.points ?? 0), 0);
  const st: Standing = {
    finalPublished: !!gb.finalGrade?.isPublished,
    earned: round(earned, 2),
    gradedMax,
    gradedCount: graded.length,
    awaiting: items.filter((i) => i.state === "submitted" || i.state === "late"),
    todo: items.filter((i) => ["not_started", "in_progress", "reassigned", "open"].includes(i.state)),
    missing: items.filter((i) => i.state === "missing"),
  };
  const letter = gb.finalGrade?.gradeValue?.trim();
  if (letter) st.letter = letter;
  if (gradedMax > 0) st.percent = (earned / gradedMax) * 100;
  return st;
}

export const pts = (items: WorkItem[]): number => items.reduce((s, i) => s + (i.points ?? 0), 0);

export function titles(items: WorkItem[], max = 4): string {
  const t = items.slice(0, max).map((i) => `"${i.title}"`);
  return items.length > max ? `${t.join(", ")} and ${items.length - max} more` : t.join(", ");
}
