/**
 * Loading for the cross-class tools: the class list and a parallel fan-out that names every class that failed instead of
 * dropping it, reports progress, and says how old cached data is.
 */
import { isHaloError } from "../halo/errors.js";
import { gradebook, gradesKey } from "../queries/cached.js";
import { GRADE_PARTS, type GradePart, type RawClassGrade } from "../queries/gradebook.js";
import { matchClass, type ClassSummary } from "../queries/class-directory.js";
import type { ToolContext } from "../queries/context.js";
import { redact } from "../redact.js";

/** Kept as a name for the cross-class code: the directory's one class list. */
export type PlannerClass = ClassSummary;

/** Grades change when an instructor publishes: keep them briefly, long enough to serve a burst of questions. */
export const GRADES_TTL = 45_000;

// One class list for every tool: the directory's (cached, coalesced), never a second query.
export const plannerClasses = (ctx: ToolContext): Promise<PlannerClass[]> => ctx.classes.list();

/** The classes a cross-class tool covers: one class when `ref` is given (any stage), else every CURRENT one. */
export async function scopeClasses(ctx: ToolContext, ref?: string): Promise<PlannerClass[]> {
  const all = await plannerClasses(ctx);
  if (ref?.trim()) return [matchClass(all, ref) as PlannerClass];
  return all.filter((c) => c.stage === "CURRENT");
}

// The read tools' cache keys (src/queries/cached.ts), so a grades call and a whats_due call in the same minute
// share one request per document.
export { gradesKey };

/** A class's gradebook with only the companions (`parts`) the calling tool's answer uses. */
export function loadGrades(ctx: ToolContext, cls: ClassSummary, ttlMs = GRADES_TTL, parts: readonly GradePart[] = GRADE_PARTS): Promise<RawClassGrade> {
  return gradebook(ctx, cls, parts, ttlMs);
}

export interface Loaded<T> {
  cls: PlannerClass;
  value: T;
  /** Age of cached data in ms (0 = fetched by this call). */
  ageMs: number;
}
export interface Failed {
  cls: PlannerClass;
  reason: string;
}
export interface FanOut<T> {
  loaded: Array<Loaded<T>>;
  failed: Failed[];
}

/** Short reason for a class that did not load; access problems say so plainly. */
export function failureReason(err: unknown): string {
  if (isHaloError(err)) {
    if (err.kind === "access") return "access denied by Halo (not enrolled, or access has ended)";
    if (err.kind === "session_expired" || err.kind === "no_credentials" || err.kind === "auth") throw err; // the whole call is moot
    return `Halo error (${err.kind}${err.status ? ` ${err.status}` : ""}): ${redact(err.message).slice(0, 160)}`;
  }
  return `unexpected error: ${redact(err instanceof Error ? err.message : String(err)).slice(0, 160)}`;
}

/**
 * Runs `load` for every class at once (the Halo client bounds concurrency itself) and reports progress as
 * each finishes. Session-level failures abort the whole call: every class would fail the same way.
 */
export async function fanOut<T>(ctx: ToolContext, classes: PlannerClass[], load: (cls: PlannerClass) => Promise<T>, ageKey?: (cls: PlannerClass) => string): Promise<FanOut<T>> {
  let done = 0;
  const total = classes.length;
  const settled = await Promise.all(
    classes.map(async (cls) => {
      try {
        const value = await load(cls);
        return { cls, value, ageMs: ageKey ? (ctx.cache.age(ageKey(cls)) ?? 0) : 0 } as Loaded<T>;
      } catch (err) {
        return { cls, err };
      } finally {
        done++;
        await ctx.progress(done, total, `loaded ${cls.courseCode}`).catch(() => undefined);
      }
    }),
  );
  const out: FanOut<T> = { loaded: [], failed: [] };
  for (const s of settled) {
    if ("err" in s) out.failed.push({ cls: s.cls, reason: failureReason(s.err) });
    else out.loaded.push(s);
  }
  return out;
}

/** The lines every aggregate ends with: which classes failed, and how old any cached data is. */
export function coverageNote(f: FanOut<unknown>, what: string): string {
  const lines: string[] = [];
  for (const x of f.failed) lines.push(`⚠ ${x.cls.courseCode} (${x.cls.slugId}) could not be loaded — ${x.reason}. Its ${what} are NOT included above.`);
  const stale = f.loaded.filter((l) => l.ageMs >= 5_000);
  if (stale.length) lines.push(`Data for ${stale.map((l) => `${l.cls.courseCode} is ${Math.round(l.ageMs / 1000)} s old`).join(", ")} (cached); everything else was fetched just now.`);
  return lines.join("\n");
}
