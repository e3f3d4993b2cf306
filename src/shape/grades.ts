/**
 * grades and feedback. A score, comment or rubric result appears only once the grade is PUBLISHED: Halo
 * carries finalPoints on unpublished rows and those must never reach the student early.
 */
import { plainText } from "../format/entities.js";
import type { RawAssessment, RawGradeDetail, RawQuizResult } from "../queries/assessment.js";
import type { RawAssessmentGrade, RawClassGrade } from "../queries/gradebook.js";
import { compact } from "../queries/common.js";
import { parseHaloDate } from "../format/dates.js";
import { htmlToMarkdown } from "../format/html.js";
import { fields, plural, quoteLines } from "../format/text.js";
import { dueOf, num, scoreText, statusWord, typeWord, whenAt, type Clock } from "./common.js";

const AWAITING = new Set(["SUBMITTED", "LATE"]);

export interface GradeTotals {
  earned: number;
  possible: number;
  graded: number;
}

export function publishedTotals(grades: readonly RawAssessmentGrade[]): GradeTotals {
  let earned = 0;
  let possible = 0;
  let graded = 0;
  for (const g of grades) {
    if (g.status !== "PUBLISHED" || g.finalPoints === null || g.finalPoints === undefined) continue;
    earned += g.finalPoints;
    possible += g.assessment.points ?? 0;
    graded++;
  }
  return { earned, possible, graded };
}

/** Status words for rows under "Open or missing, not submitted": the heading already says "not submitted". */
const OPEN_WORDS: Record<string, string> = { ACTIVE: "open", IN_PROGRESS: "started", OVERDUE: "overdue", REASSIGNED: "reassigned: resubmit" };

type Section = "graded" | "waiting" | "open";

/** One row, id first; fields the section heading already says (graded, awaiting, not submitted) are left out. */
function gradeLine(g: RawAssessmentGrade, c: Clock, section: Section): string {
  const a = g.assessment;
  const due = dueOf(g, a);
  return `- ${a.id} ${fields([
    ["", plainText(a.title)],
    ["", typeWord(a.type)],
    ["", section === "graded" ? scoreText(g.finalPoints, a.points) : a.points !== null && a.points !== undefined ? `${num(a.points)} pts` : undefined],
    ["", section === "graded" && g.gradedDate ? `graded ${whenAt(g.gradedDate, c)}` : undefined],
    ["", section === "graded" && !g.userLastSeenDate ? "new" : undefined],
    ["", section === "waiting" && g.status === "LATE" ? "late" : undefined],
    ["", section === "open" ? (OPEN_WORDS[g.status] ?? statusWord(g.status)) : undefined],
    ["", section !== "graded" && due ? `due ${whenAt(due, c, section === "waiting")}` : undefined],
  ])}`;
}

export function renderGrades(header: string, book: RawClassGrade, c: Clock): string {
  const out = [`${header} — grades (the id leading each row is for feedback)`];
  const f = book.finalGrade;
  const t = publishedTotals(book.grades);
  const soFar = t.graded ? `published so far ${scoreText(t.earned, t.possible)} over ${plural(t.graded, "graded item")}` : "no grades published yet";
  out.push(f?.isPublished ? `Final grade: ${fields([["", f.gradeValue ?? undefined], ["", scoreText(f.finalPoints, f.maxPoints)]])}` : `Final grade not published; ${soFar}.`);
  const byDue = (x: RawAssessmentGrade, y: RawAssessmentGrade) => (dueOf(x, x.assessment)?.getTime() ?? Infinity) - (dueOf(y, y.assessment)?.getTime() ?? Infinity);
  const graded = book.grades.filter((g) => g.status === "PUBLISHED").sort(byDue);
  const waiting = book.grades.filter((g) => AWAITING.has(g.status)).sort(byDue);
  const rest = book.grades.filter((g) => g.status !== "PUBLISHED" && !AWAITING.has(g.status) && g.status !== "UPCOMING").sort(byDue);
  const later = book.grades.filter((g) => g.status === "UPCOMING");
  const section = (title: string, rows: RawAssessmentGrade[], kind: Section) => {
    if (rows.length) out.push("", `## ${title} (${rows.length})`, ...rows.map((g) => gradeLine(g, c, kind)));
  };
  section("Graded", graded, "graded");
  section("Submitted, awaiting grade", waiting, "waiting");
  section("Open or missing, not submitted", rest, "open");
  if (later.length) {
    const pts = later.reduce((n, g) => n + (g.assessment.points ?? 0), 0);
    out.push("", `Not open yet: ${plural(later.length, "item")} worth ${num(pts)} points (view_assignments lists them).`);
  }
  return out.join("\n");
}

export interface FeedbackInput {
  classLabel: string;
  grade: RawAssessmentGrade;
  /** getGradeForUserCourseClassAssessment, when available (adds feedback files). */
  detail?: RawGradeDetail | null;
  assessment?: RawAssessment | null;
  quiz?: RawQuizResult | null;
}

/** Joins rubric scores to criterion and level names; ids with no rubric text still show their comment. */
export function rubricScoreLines(scores: RawGradeDetail["rubricScores"], assessment: RawAssessment | null | undefined): string[] {
  const criteria = compact(assessment?.rubric?.criteria);
  const lines: string[] = [];
  const ordered = compact(scores).map((s) => ({ s, c: criteria.find((x) => x.id === s.criteriaId) })).sort((a, b) => (a.c?.sequence ?? 99) - (b.c?.sequence ?? 99));
  for (const { s, c } of ordered) {
    const level = compact(c?.achievementLevels).find((l) => l.cellId === s.rubricCellId);
    const got = level?.points !== null && level?.points !== undefined ? (c?.points ? `${num(level.points)}/${num(c.points)}` : num(level.points)) : undefined;
    lines.push(`- ${fields([["", plainText(c?.name) || "Criterion"], ["level", plainText(level?.name) || undefined], ["", got]])}`);
    const comment = htmlToMarkdown(s.comment);
    if (comment) lines.push(...comment.split("\n").map((l) => `  ${l}`));
  }
  return lines;
}

export function renderFeedback(input: FeedbackInput, c: Clock): string {
  const { grade: g } = input;
  const a = g.assessment;
  const out = [`# Feedback: ${plainText(a.title)} (${input.classLabel})`];
  if (g.status !== "PUBLISHED") {
    out.push(
      `Not graded yet — status: ${statusWord(g.status)}${dueOf(g, a) ? `, due ${whenAt(dueOf(g, a), c, AWAITING.has(g.status))}` : ""}.`,
      "Halo shows the score and feedback once the instructor publishes the grade.",
    );
    return out.join("\n");
  }
  const d = input.detail;
  out.push(fields([["Score", scoreText(d?.finalPoints ?? g.finalPoints, a.points)], ["graded", whenAt(parseHaloDate(d?.gradedDate ?? g.gradedDate), c)]]));
  const comment = htmlToMarkdown(d?.finalComment?.comment ?? g.finalComment?.comment);
  out.push("", "## Instructor comment", comment ? quoteLines(comment) : "(no written comment)");
  const files = compact(d?.finalComment?.commentResources).map((r) => r.resource).filter((r): r is { id: string; name?: string | null } => !!r?.id);
  if (files.length) {
    out.push("Feedback files (resource_id is for download_resource):", ...files.map((f) => `- ${plainText(f.name) || "file"} · resource_id: ${f.id}`));
  }
  const rubric = rubricScoreLines(d?.rubricScores ?? g.rubricScores, input.assessment);
  if (rubric.length) out.push("", "## Rubric scores", quoteLines(rubric.join("\n")));
  const q = input.quiz;
  if (q) {
    out.push("", "## Quiz result", fields([
      ["Score", q.finalScore !== null && q.finalScore !== undefined ? num(q.finalScore) : undefined],
      ["correct", q.totalCorrect ?? undefined],
      ["incorrect", q.totalIncorrect ?? undefined],
      ["answered", q.questionsAnswered ?? undefined],
    ]) || "Halo returned no quiz result.");
  }
  return out.join("\n");
}
