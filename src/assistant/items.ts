/**
 * One gradebook row → one student-facing work item: whose due date applies, what state it is in, where to
 * open it. Pure, so every status and date rule is unit-tested without Halo.
 */
import { parseHaloDate } from "../format/dates.js";
import { plainText } from "../format/entities.js";
import type { ClassRef, RawGrade } from "./raw.js";

export type ItemKind = "assignment" | "quiz" | "discussion" | "participation" | "external";
export type ItemState =
  | "graded" // score published
  | "submitted" // turned in, awaiting a grade
  | "late" // turned in after the due date (or Halo says LATE)
  | "reassigned" // instructor sent it back: needs a new submission
  | "missing" // past due, nothing turned in
  | "in_progress" // started (draft files or a quiz attempt), not turned in
  | "not_started" // due in the future, nothing yet
  | "open"; // participation: counted from posts, nothing to turn in

export interface WorkItem {
  cls: ClassRef;
  gradeId: string;
  assessmentId: string;
  title: string;
  kind: ItemKind;
  points?: number;
  /** The date that applies to this student: accommodated, then their own (group/extended), then the class's. */
  due?: Date;
  dueSource: "accommodated" | "group" | "extended" | "class";
  /** When the work opens (DQs and quizzes carry it). */
  start?: Date;
  state: ItemState;
  haloStatus: string;
  /** Only when the grade is PUBLISHED; never an unpublished score. */
  score?: number;
  submittedAt?: Date;
  /** Discussions: the student's own post exists (Halo's row status alone does not say so). */
  posted?: boolean;
  /** Group work (Halo's isGroupEnabled); `group` names the student's group when Halo says which. */
  groupWork?: boolean;
  group?: string;
  link: string;
  tags: string[];
}

const KIND: Record<string, ItemKind> = {
  ASSIGNMENT: "assignment",
  QUIZ: "quiz",
  DISCUSSION_QUESTION: "discussion",
  PARTICIPATION: "participation",
  LTI: "external",
};

/** Deep links from the reference's web routes (§10); there is no per-assessment page outside these. */
export function deepLink(base: string, slugId: string, assessmentId: string, kind: ItemKind, group: boolean): string {
  const b = base.replace(/\/+$/, "");
  if (kind === "quiz") return `${b}/quiz/${assessmentId}`;
  if (group) return `${b}/courses/${slugId}/groups?assessmentId=${assessmentId}`;
  return `${b}/courses/${slugId}#assignment-submission/${assessmentId}`;
}

// `a` is the row's assessment, already known to exist (toWorkItem drops rows without one).
function pickDue(g: RawGrade, a: RawGrade["assessment"]): Pick<WorkItem, "due" | "dueSource"> {
  const sub = g.assignmentSubmission;
  const accommodated = parseHaloDate(g.accommodatedDueDate) ?? parseHaloDate(sub?.accommodatedDueDate);
  if (accommodated) return { due: accommodated, dueSource: "accommodated" };
  const classDue = parseHaloDate(a.dueDate);
  const assessmentAccommodated = parseHaloDate(a.accommodatedDueDate);
  if (assessmentAccommodated) return { due: assessmentAccommodated, dueSource: "accommodated" };
  // The grade row (and the submission) carry the student's own date: a group's or an extension.
  const own = parseHaloDate(g.dueDate) ?? parseHaloDate(sub?.dueDate);
  if (own) {
    const differs = classDue !== undefined && own.getTime() !== classDue.getTime();
    if (differs) return { due: own, dueSource: a.isGroupEnabled ? "group" : "extended" };
    return { due: own, dueSource: "class" };
  }
  return { due: classDue, dueSource: "class" };
}

function submittedAt(g: RawGrade): Date | undefined {
  return parseHaloDate(g.assignmentSubmission?.submissionDate) ?? parseHaloDate(g.userQuizAssessment?.submissionDate) ?? parseHaloDate(g.post?.publishDate);
}

function stateOf(g: RawGrade, kind: ItemKind, due: Date | undefined, at: Date | undefined, now: Date): ItemState {
  // Stryker disable next-line StringLiteral: any stand-in for a missing status matches none of the statuses compared below
  const s = (g.status ?? "").toUpperCase();
  if (s === "PUBLISHED") return "graded";
  if (kind === "participation") return "open";
  if (s === "REASSIGNED") return "reassigned";
  // A DQ counts as turned in once the student's own post exists, whatever the row's status says.
  const turnedIn = s === "SUBMITTED" || s === "LATE" || !!at || (kind === "discussion" && !!g.post?.id) || g.assignmentSubmission?.status === "SUBMITTED";
  if (turnedIn) return s === "LATE" || (at && due && at.getTime() > due.getTime()) ? "late" : "submitted";
  if (due && due.getTime() < now.getTime()) return "missing";
  const started = s === "IN_PROGRESS" || g.assignmentSubmission?.status === "IN_PROGRESS" || !!g.userQuizAssessment?.dueTime; // a quiz attempt's timer end exists once it is started
  return started ? "in_progress" : "not_started";
}

export function toWorkItem(cls: ClassRef, g: RawGrade, base: string, now: Date): WorkItem | undefined {
  const a = g.assessment;
  if (!a?.id) return undefined;
  // Stryker disable next-line StringLiteral: any stand-in for a missing type is no key of KIND, so it falls back to "assignment" alike
  const kind = KIND[(a.type ?? "").toUpperCase()] ?? "assignment";
  const group = !!a.isGroupEnabled;
  const { due, dueSource } = pickDue(g, a);
  const at = submittedAt(g);
  const state = stateOf(g, kind, due, at, now);
  const item: WorkItem = {
    cls,
    gradeId: g.id,
    assessmentId: a.id,
    title: plainText(a.title) || "(untitled)",
    kind,
    dueSource,
    state,
    haloStatus: (g.status ?? "UNKNOWN").toUpperCase(),
    link: deepLink(base, cls.slugId, a.id, kind, group),
    tags: (a.tags ?? []).filter((t): t is string => !!t),
  };
  if (typeof a.points === "number") item.points = a.points;
  if (due) item.due = due;
  const start = parseHaloDate(a.startDate);
  if (start) item.start = start;
  if (at) item.submittedAt = at;
  if (kind === "discussion") item.posted = !!(g.post?.id || g.post?.publishDate);
  if (state === "graded" && typeof g.finalPoints === "number") item.score = g.finalPoints;
  if (group) item.groupWork = true;
  if (group && g.assessmentGroup?.name) item.group = g.assessmentGroup.name;
  return item;
}

export function workItems(cls: ClassRef, grades: ReadonlyArray<RawGrade | null | undefined>, base: string, now: Date): WorkItem[] {
  return grades.flatMap((g) => {
    const it = g ? toWorkItem(cls, g, base, now) : undefined;
    return it ? [it] : [];
  });
}

/** Soonest first; items without a due date last, then by class and title so output is stable. */
export function byDue(a: WorkItem, b: WorkItem): number {
  const da = a.due?.getTime() ?? Infinity;
  const db = b.due?.getTime() ?? Infinity;
  if (da !== db) return da - db;
  return a.cls.courseCode.localeCompare(b.cls.courseCode) || a.title.localeCompare(b.title);
}

const DONE: ReadonlySet<ItemState> = new Set(["graded", "submitted", "late"]);
export const isDone = (it: WorkItem): boolean => DONE.has(it.state);
