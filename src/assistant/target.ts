/**
 * Grade targets from the class's own scale. Halo's course percentage is published points over published
 * maximum; the final grade is earned points over the whole class's points, so the average needed on the
 * remaining (unpublished) work is (target% × total − earned) / remaining. No rounding is assumed: GCU's
 * rounding rule is not in the API, so a result within half a percent of a boundary says so.
 */
import type { RawScaleEntry } from "./raw.js";

export interface ScaleEntry {
  label: string;
  minPercent: number;
  maxPercent: number;
}

/** Scale entries as percentages, highest first. Accepts 0–1 fractions as well as 0–100. */
export function normaliseScale(entries: ReadonlyArray<RawScaleEntry | null | undefined>): ScaleEntry[] {
  const rows = entries.flatMap((e) => (e?.label && typeof e.minPercent === "number" ? [{ label: e.label.trim(), minPercent: e.minPercent, maxPercent: e.maxPercent ?? undefined }] : []));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no rows the factor scales nothing, so the guard cannot change the result
  const fractional = rows.length > 0 && rows.every((r) => (r.maxPercent ?? r.minPercent) <= 1.0001);
  const k = fractional ? 100 : 1;
  return rows
    .map((r) => ({ label: r.label, minPercent: r.minPercent * k, maxPercent: r.maxPercent !== undefined ? r.maxPercent * k : 100 }))
    .sort((a, b) => b.minPercent - a.minPercent);
}

export function letterFor(percent: number, scale: ScaleEntry[]): string | undefined {
  return scale.find((e) => percent + 1e-9 >= e.minPercent)?.label;
}

/** A target given as a letter ("B+", case-insensitive) or a percentage ("85", "85%"). */
export function parseTarget(target: string, scale: ScaleEntry[]): { percent: number; label: string } | { error: string } {
  const t = target.trim();
  const num = /^(\d+(?:\.\d+)?)\s*%?$/.exec(t);
  if (num) {
    const percent = Number(num[1]);
    if (percent > 100) return { error: `A target of ${percent}% is above 100%.` };
    return { percent, label: `${percent}%` };
  }
  const e = scale.find((s) => s.label.toLowerCase() === t.toLowerCase());
  if (e) return { percent: e.minPercent, label: `${e.label} (${round(e.minPercent)}%+)` };
  const letters = scale.map((s) => s.label).join(", ");
  return { error: scale.length ? `"${t}" is not on this class's grade scale (${letters}); give one of those or a percentage.` : `This class has no grade scale in Halo; give the target as a percentage.` };
}

export interface GradedPart {
  /** Maximum points of the item. */
  points: number;
  /** Earned points when published (or hypothesised); undefined = still open. */
  earned?: number;
}

export type Verdict = "secured" | "achievable" | "impossible";

export interface TargetResult {
  verdict: Verdict;
  targetPercent: number;
  earned: number;
  gradedMax: number;
  remainingMax: number;
  totalMax: number;
  currentPercent?: number; // of published work
  /** Average needed on remaining work, percent (only when achievable). */
  neededAverage?: number;
  /** Best possible final percent (full marks on everything left). */
  bestPercent: number;
  /** Final percent with zero on everything left. */
  floorPercent: number;
  nearBoundary: boolean;
}

export function computeTarget(parts: GradedPart[], targetPercent: number): TargetResult {
  let earned = 0, gradedMax = 0, remainingMax = 0;
  for (const p of parts) {
    if (p.earned !== undefined) {
      earned += p.earned;
      gradedMax += p.points;
    } else remainingMax += p.points;
  }
  const totalMax = gradedMax + remainingMax;
  const pct = (x: number) => (totalMax > 0 ? (x / totalMax) * 100 : 0);
  const needed = (targetPercent / 100) * totalMax - earned;
  const floorPercent = pct(earned);
  const bestPercent = pct(earned + remainingMax);
  // Stryker disable next-line EqualityOperator: < vs <= differs only when `needed` lands exactly on the 1e-9 float tolerance
  const verdict: Verdict = needed <= 1e-9 ? "secured" : needed > remainingMax + 1e-9 ? "impossible" : "achievable";
  // Within half a percent of the line the verdict may flip with a rounding rule the API does not expose.
  const nearBoundary = Math.abs(floorPercent - targetPercent) < 0.5 || Math.abs(bestPercent - targetPercent) < 0.5;
  const r: TargetResult = { verdict, targetPercent, earned, gradedMax, remainingMax, totalMax, bestPercent, floorPercent, nearBoundary };
  if (gradedMax > 0) r.currentPercent = (earned / gradedMax) * 100;
  if (verdict === "achievable") r.neededAverage = (needed / remainingMax) * 100;
  return r;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export interface GradeItem {
  id: string;
  title: string;
  points: number;
  earned?: number;
}

export interface WhatIf {
  item: string;
  score: number;
}

/** Applies hypothetical scores to items named by id or title; unknown, ambiguous or out-of-range names are errors. */
export function applyWhatIf(items: GradeItem[], whatIf: WhatIf[]): { items: GradeItem[]; applied: Array<{ title: string; score: number; points: number; replaced?: number }> } | { error: string } {
  const out = items.map((i) => ({ ...i }));
  const applied: Array<{ title: string; score: number; points: number; replaced?: number }> = [];
  for (const w of whatIf) {
    const ref = w.item.trim().toLowerCase();
    let hits = out.filter((i) => i.id.toLowerCase() === ref || i.title.toLowerCase() === ref);
    if (hits.length === 0) hits = out.filter((i) => i.title.toLowerCase().includes(ref));
    if (hits.length === 0) return { error: `No graded item in this class matches "${w.item}". Items: ${out.map((i) => i.title).join("; ")}.` };
    if (hits.length > 1) return { error: `"${w.item}" matches several items (${hits.map((i) => i.title).join("; ")}); use a longer title or the id.` };
    const it = hits[0]!;
    if (w.score < 0 || w.score > it.points) return { error: `A score of ${w.score} for "${it.title}" is outside 0–${it.points} points.` };
    applied.push({ title: it.title, score: w.score, points: it.points, ...(it.earned !== undefined ? { replaced: it.earned } : {}) });
    it.earned = w.score;
  }
  return { items: out, applied };
}
