/**
 * Small pieces every read view shares: the due date that applies to the student, status words, scores that
 * appear only when published, deep links into Halo's web app, and day-only dates for class ranges.
 */
import { effectiveDue, when, yearOf } from "../format/dates.js";

export interface Clock {
  tz: string;
  now: Date;
}

interface Dated {
  dueDate?: string | null;
  accommodatedDueDate?: string | null;
}

/** The due date that applies: any accommodated date (grade row first, then assessment) wins over the plain one. */
export function dueOf(row: Dated | null | undefined, assessment?: Dated | null): Date | undefined {
  const acc = row?.accommodatedDueDate || assessment?.accommodatedDueDate;
  const due = row?.dueDate || assessment?.dueDate;
  return effectiveDue(due, acc);
}

/** A compact date; "(in 2 days)" only for a deadline still ahead and not yet met (`done` says it is met). */
export function whenAt(d: Date | string | null | undefined, c: Clock, done = false): string | undefined {
  return when(d ?? undefined, c.tz, c.now, done);
}

const STATUS_WORDS: Record<string, string> = {
  UPCOMING: "not open yet",
  ACTIVE: "not submitted",
  IN_PROGRESS: "started, not submitted",
  SUBMITTED: "submitted",
  LATE: "submitted late",
  OVERDUE: "overdue, not submitted",
  REASSIGNED: "reassigned: resubmit",
  PUBLISHED: "graded",
};

const MET = new Set(["SUBMITTED", "LATE", "PUBLISHED"]);
/** Halo's row status says the work is turned in (or graded): its deadline is met, no "in 2 days" for it. */
export const deadlineMet = (status: string | null | undefined): boolean => !!status && MET.has(status);

export function statusWord(status: string | null | undefined): string {
  if (!status) return "no status";
  return STATUS_WORDS[status] ?? status.toLowerCase().replace(/_/g, " ");
}

const TYPE_WORDS: Record<string, string> = {
  ASSIGNMENT: "assignment",
  DISCUSSION_QUESTION: "discussion",
  QUIZ: "quiz",
  PARTICIPATION: "participation",
  LTI: "external tool",
};
export const typeWord = (t: string | null | undefined): string => (t ? (TYPE_WORDS[t] ?? t.toLowerCase()) : "item");

export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, "");
}

/** "45/50 (90%)" — callers pass points only for PUBLISHED grades. */
export function scoreText(points: number | null | undefined, max: number | null | undefined): string | undefined {
  if (points === null || points === undefined) return undefined;
  if (!max) return num(points);
  return `${num(points)}/${num(max)} (${num(Math.round((points / max) * 1000) / 10)}%)`;
}

export function classLink(base: string, slugId: string): string {
  return `${base.replace(/\/+$/, "")}/courses/${encodeURIComponent(slugId)}`;
}

/** Deep link per the reference's web routes: quizzes, group work and everything else have different pages. */
export function assessmentLink(base: string, slugId: string, a: { id: string; type?: string | null; isGroupEnabled?: boolean | null }): string {
  const root = base.replace(/\/+$/, "");
  if (a.type === "QUIZ") return `${root}/quiz/${encodeURIComponent(a.id)}`;
  if (a.isGroupEnabled) return `${classLink(base, slugId)}/groups?assessmentId=${encodeURIComponent(a.id)}`;
  return `${classLink(base, slugId)}#assignment-submission/${encodeURIComponent(a.id)}`;
}

const dayFmt = new Map<string, Intl.DateTimeFormat>();
/**
 * "Jan 5" in the student's zone, for ranges where the minute and weekday are noise (class and unit dates); the
 * year only when it differs from `now`'s (always without `now`).
 */
export function dayOf(d: Date | undefined, tz: string, now?: Date): string | undefined {
  if (!d) return undefined;
  let f = dayFmt.get(tz);
  // Stryker disable next-line ConditionalExpression: the cache only saves building an identical formatter
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, month: "short", day: "numeric", year: "numeric" });
    dayFmt.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.month} ${p.day}${now && yearOf(now, tz) === p.year ? "" : ` ${p.year}`}`;
}

/** Tags worth showing (Halo also has internal ones). */
export function tagList(tags: ReadonlyArray<string | null> | null | undefined): string[] {
  return (tags ?? []).filter((t): t is string => !!t).map((t) => t.toLowerCase().replace(/_/g, " "));
}
