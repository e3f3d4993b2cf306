/**
 * Cached, class-aware wrappers the tools use: one gradebook / class-detail read per class per minute however
 * many tools ask, and an access-denied class reported by name instead of as a generic failure.
 */
import type { ToolContext } from "./context.js";
import { describeClass, type ClassSummary } from "./class-directory.js";
import { ToolError } from "./tool-error.js";
import { isHaloError } from "../halo/errors.js";
import { plainText } from "../format/entities.js";
import { fetchClassDetail, type RawClassDetail } from "./class-detail.js";
import { settleCompanion } from "./companion.js";
import { fetchGradeCore, gradeCompanion, GRADE_PARTS, type GradePart, type RawClassGrade } from "./gradebook.js";

export const READ_TTL_MS = 60_000;

type Ctx = Pick<ToolContext, "halo" | "cache">;

/** Runs a class-scoped read; "Permission Evaluator" becomes a message naming the class. */
export async function inClass<T>(cls: ClassSummary, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isHaloError(err) && err.kind === "access") {
      throw new ToolError(`Halo says ${describeClass(cls)} is not available to you (not enrolled, or access has ended). Nothing was changed; other classes are unaffected.`);
    }
    throw err;
  }
}

export const gradesKey = (slugId: string): string => `grades:${slugId}`;

/**
 * A gradebook with the companions a tool's answer uses. Each document is cached on its own key, so a tool that
 * needs only the core (grades_summary) shares it with tools that need more, and never pays for what it skips.
 */
export async function gradebook(ctx: Ctx, cls: ClassSummary, parts: readonly GradePart[] = GRADE_PARTS, ttlMs = READ_TTL_MS): Promise<RawClassGrade> {
  const key = gradesKey(cls.slugId);
  const [core, ...merges] = await Promise.all([
    ctx.cache.get(key, ttlMs, () => fetchGradeCore(ctx.halo, cls)),
    ...parts.map((p) => ctx.cache.get(`${key}:${p}`, ttlMs, () => settleCompanion(gradeCompanion(ctx.halo, cls, p)))),
  ]);
  return merges.reduce((book, merge) => merge(book), core);
}

/** The whole gradebook (the class grades, feedback and assignment tools print every part of it). */
export function classGrades(ctx: Ctx, cls: ClassSummary): Promise<RawClassGrade> {
  return inClass(cls, () => gradebook(ctx, cls));
}

export async function classDetail(ctx: Ctx, cls: ClassSummary): Promise<RawClassDetail> {
  const d = await inClass(cls, () => ctx.cache.get(`class:${cls.slugId}`, READ_TTL_MS, () => fetchClassDetail(ctx.halo, cls.slugId, cls.id)));
  if (!d) throw new ToolError(`Halo returned no details for ${describeClass(cls)}.`);
  return d;
}

/** "CST-323 Cloud Computing" — the label tools print for a class. */
export const classLabel = (cls: Pick<ClassSummary, "courseCode" | "name">): string => `${cls.courseCode} ${plainText(cls.name)}`.trim();

/** A forum or thread id Halo does not know becomes a pointer to the tool that lists valid ids. */
export async function knownForum<T>(forumId: string, lister: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isHaloError(err) && err.kind === "not_found") throw new ToolError(`Halo has no forum ${forumId} that you can read. ${lister} lists the valid ids.`);
    throw err;
  }
}
