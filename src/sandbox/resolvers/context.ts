import { GraphQLError } from "graphql";
import type { State } from "../state.js";
import type { AssessmentRec, ClassRec, ForumRec, PostRec, ResourceRec, UserRec, World } from "../world/types.js";

/** Per-request context: the caller is whoever the bearer pair belongs to. */
export interface Ctx { s: State; w: World; userId: string; now: number }

export const permission = (kind: string, ref: string): GraphQLError =>
  new GraphQLError(`Permission Evaluator exception on ${kind} : ${ref}`, { extensions: { code: "INTERNAL_SERVER_ERROR" } });

export const notFound = (kind: string, ref: string): GraphQLError =>
  new GraphQLError(`${kind} not found for id : ${ref}`, { extensions: { code: "NOT_FOUND" } });

export const badInput = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

export const isEnrolled = (c: Ctx, classId: string): boolean =>
  c.w.enrollments.some((e) => e.courseClassId === classId && e.userId === c.userId);

/** Injected per-class failures (switches.failClassIds) for any class-scoped field. */
function injected(c: Ctx, cls: ClassRec): void {
  const f = c.s.switches.failClassIds;
  if (!f.includes(cls.id) && !f.includes(cls.slugId)) return;
  if (c.s.switches.failClassMode === "access") throw permission("Class", cls.id);
  throw new GraphQLError("Internal server error: upstream course-class service returned 500", { extensions: { code: "INTERNAL_SERVER_ERROR" } });
}

/** Slug- and id-keyed operations are not interchangeable: a wrong kind of key looks like a foreign class. */
export function classBySlug(c: Ctx, slugId: string): ClassRec {
  const cls = c.w.classes.find((x) => x.slugId === slugId);
  if (!cls || !isEnrolled(c, cls.id)) throw permission("Class", slugId);
  injected(c, cls);
  return cls;
}

export function classById(c: Ctx, id: string): ClassRec {
  const cls = c.w.classes.find((x) => x.id === id);
  if (!cls || !isEnrolled(c, cls.id)) throw permission("Class", id);
  injected(c, cls);
  return cls;
}

export function allAssessments(w: World): AssessmentRec[] {
  return w.classes.flatMap((x) => x.units.flatMap((u) => u.assessments));
}

export function assessmentFor(c: Ctx, id: string): { a: AssessmentRec; cls: ClassRec } {
  const a = allAssessments(c.w).find((x) => x.id === id);
  if (!a) throw notFound("CourseClassAssessment", id);
  return { a, cls: classById(c, a.courseClassId) };
}

export function forumFor(c: Ctx, forumId: string): ForumRec {
  const f = c.w.forums.find((x) => x.forumId === forumId);
  if (!f) throw notFound("Forum", forumId);
  classById(c, f.courseClassId);
  if (f.forumType === "INBOX" && !f.participantIds.includes(c.userId)) throw permission("Forum", forumId);
  return f;
}

/** Drafts are visible to their author only. */
export const visiblePosts = (c: Ctx, forumId: string): PostRec[] =>
  c.w.posts.filter((p) => p.forumId === forumId && (p.postStatus !== "DRAFT" || p.createdByUserId === c.userId));

export const isRead = (c: Ctx, p: PostRec): boolean => p.createdByUserId === c.userId || p.readBy[c.userId] !== undefined;

export const started = (c: Ctx, p: PostRec): boolean => new Date(p.startDate).getTime() <= c.now;

export function userView(u: UserRec | undefined): Record<string, unknown> | null {
  return u ? { ...u } : null;
}

export function resourceView(r: ResourceRec | undefined): Record<string, unknown> | null {
  if (!r) return null;
  const { file: _f, courseClassId: _c, instructorOnly: _i, ...rest } = r;
  return rest;
}

export function page<T>(items: T[], pgNum: number | null | undefined, pgSize: number | null | undefined): T[] {
  if (pgSize === null || pgSize === undefined) return pgNum && pgNum > 1 ? [] : items;
  if (pgSize < 1) throw badInput("pgSize must be greater than 0");
  const n = pgNum ?? 1;
  if (n < 1) throw badInput("pgNum must be greater than 0");
  return items.slice((n - 1) * pgSize, n * pgSize);
}
