/**
 * view_assignments: the class's assessments grouped by unit, with the due date that applies, the student's
 * state, and a score only once the grade is published.
 */
import { plainText } from "../format/entities.js";
import type { RawUnit } from "../queries/class-detail.js";
import type { RawAssessmentGrade } from "../queries/gradebook.js";
import { parseHaloDate } from "../format/dates.js";
import { fields, plural } from "../format/text.js";
import { deadlineMet, dayOf, dueOf, scoreText, statusWord, tagList, typeWord, whenAt, type Clock, num } from "./common.js";

export interface AssignmentRow {
  id: string;
  title: string;
  type: string;
  points?: number;
  due?: Date;
  start?: Date;
  status?: string;
  submittedAt?: Date;
  /** Present only for PUBLISHED grades. */
  score?: string;
  unitId?: string;
  flags: string[];
}

export interface UnitGroup {
  title: string;
  sequence: number;
  start?: Date;
  end?: Date;
  current: boolean;
  rows: AssignmentRow[];
}

function flagsOf(a: { requiresLopesWrite?: boolean | null; isGroupEnabled?: boolean | null; inPerson?: boolean | null; tags?: ReadonlyArray<string | null> | null }): string[] {
  const f: string[] = [];
  if (a.isGroupEnabled) f.push("group");
  if (a.requiresLopesWrite) f.push("LopesWrite");
  if (a.inPerson) f.push("in person");
  for (const t of tagList(a.tags)) if (!f.includes(t) && t !== "in person" && t !== "uses lopes cloud") f.push(t);
  return f;
}

export function rowFromGrade(g: RawAssessmentGrade): AssignmentRow {
  const a = g.assessment;
  const published = g.status === "PUBLISHED";
  const sub = g.assignmentSubmission;
  return {
    id: a.id,
    title: plainText(a.title),
    type: a.type,
    points: a.points ?? undefined,
    due: dueOf(g, a),
    start: parseHaloDate(a.startDate),
    status: g.status,
    submittedAt: parseHaloDate(sub?.submissionDate ?? g.userQuizAssessment?.submissionDate ?? g.post?.publishDate),
    score: published ? scoreText(g.finalPoints, a.points) : undefined,
    flags: flagsOf(a),
  };
}

/** Joins gradebook rows onto the class's unit structure; items only one side knows still appear. */
export function groupByUnit(grades: readonly RawAssessmentGrade[], units: readonly RawUnit[]): UnitGroup[] {
  const byId = new Map(grades.map((g) => [g.assessment.id, rowFromGrade(g)]));
  const used = new Set<string>();
  const groups: UnitGroup[] = units.map((u) => ({
    title: plainText(u.title),
    sequence: u.sequence ?? 0,
    start: parseHaloDate(u.startDate),
    end: parseHaloDate(u.endDate),
    current: !!u.current,
    rows: u.assessments.map((a) => {
      used.add(a.id);
      return byId.get(a.id) ?? { id: a.id, title: plainText(a.title), type: a.type, points: a.points ?? undefined, due: dueOf(a), start: parseHaloDate(a.startDate), flags: flagsOf(a) };
    }),
  }));
  const rest = [...byId.values()].filter((r) => !used.has(r.id));
  // Stryker disable next-line ConditionalExpression: an empty group is dropped by the filter below anyway
  if (rest.length) groups.push({ title: "Other graded items", sequence: Number.MAX_SAFE_INTEGER, current: false, rows: rest });
  for (const g of groups) g.rows.sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity));
  return groups.filter((g) => g.rows.length > 0);
}

const isDone = (r: AssignmentRow) => !!r.score || deadlineMet(r.status);

/** The title already names the type ("Topic 1 Quiz", "Participation", "Topic 2 DQ 1"): the type word would repeat it. */
export function titleSaysType(title: string, type: string): boolean {
  const word = typeWord(type);
  return new RegExp(`\\b${word}\\b`, "i").test(title) || (type === "DISCUSSION_QUESTION" && /\bDQ\b/.test(title));
}

const upcoming = (r: AssignmentRow) => r.status === "UPCOMING";

/**
 * One row: id first (the header names its use), and no field the unit heading already carries (`shared`): its
 * common due date, or "not open yet" when no row of the unit is open. A future "opens …" says "not open yet" too.
 */
export function rowLine(r: AssignmentRow, c: Clock, shared: { due?: boolean; upcoming?: boolean } = {}): string {
  // Relative phrases are for deadlines; an opening date is not one.
  const opens = r.start && r.start > c.now ? `opens ${whenAt(r.start, c, true)}` : undefined;
  const state = r.score
    ? `graded ${r.score}`
    : r.submittedAt && (r.status === "SUBMITTED" || r.status === "LATE")
      ? `${statusWord(r.status)} ${whenAt(r.submittedAt, c)}`
      : r.status && !(upcoming(r) && (opens || shared.upcoming))
        ? statusWord(r.status)
        : undefined;
  return `- ${r.id} ${fields([
    ["", r.title],
    ["", titleSaysType(r.title, r.type) ? undefined : typeWord(r.type)],
    // A published score already says out of how many points.
    ["", r.points !== undefined && !r.score ? `${num(r.points)} pts` : undefined],
    ["", shared.due ? undefined : r.due ? `due ${whenAt(r.due, c, isDone(r))}` : undefined],
    ["", opens],
    ["", state],
    ["", r.flags.length ? r.flags.join(", ") : undefined],
  ])}`;
}

/**
 * The due instant most rows of a unit share (Halo's weekly units usually share one), said once in its heading;
 * undefined unless at least two rows share it and every row has a due date (a row without one would look
 * like it had the heading's).
 */
function commonDue(rows: readonly AssignmentRow[]): { due: Date; all: boolean } | undefined {
  if (rows.length < 2 || rows.some((r) => !r.due)) return undefined;
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.due!.getTime(), (counts.get(r.due!.getTime()) ?? 0) + 1);
  const [at, n] = [...counts].reduce((best, e) => (e[1] > best[1] ? e : best));
  return n >= 2 ? { due: new Date(at), all: n === rows.length } : undefined;
}

export function renderAssignments(header: string, groups: readonly UnitGroup[], c: Clock): string {
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const out = [`${header} — ${plural(total, "assessment")} (row ids are for assignment_details / feedback; DQ = discussion)`];
  for (const g of groups) {
    const range = g.start || g.end ? ` (${[dayOf(g.start, c.tz, c.now), dayOf(g.end, c.tz, c.now)].filter(Boolean).join(" – ")})` : "";
    const common = commonDue(g.rows);
    const sharing = common ? g.rows.filter((r) => r.due!.getTime() === common.due.getTime()) : [];
    const due = common ? ` — ${common.all ? "all " : ""}due ${whenAt(common.due, c, sharing.every(isDone))}${common.all ? "" : " unless shown"}` : "";
    const allUpcoming = g.rows.every(upcoming);
    out.push("", `## ${g.title}${range}${g.current ? " — current unit" : ""}${due}${allUpcoming ? " — not open yet" : ""}`);
    for (const r of g.rows) out.push(rowLine(r, c, { due: !!common && r.due!.getTime() === common.due.getTime(), upcoming: allUpcoming }));
  }
  if (total === 0) out.push("No assessments are listed for this class yet.");
  return out.join("\n");
}

/** Narrows to one unit: "current", its sequence number, or part of its title. Undefined when nothing matches. */
export function pickUnit(groups: readonly UnitGroup[], unit: string): UnitGroup[] | undefined {
  const u = unit.trim().toLowerCase();
  const hits = u === "current"
    ? groups.filter((g) => g.current)
    : /^\d+$/.test(u)
      ? groups.filter((g) => g.sequence === Number(u) || new RegExp(`\\b${u}\\b`).test(g.title.toLowerCase()))
      : groups.filter((g) => g.title.toLowerCase().includes(u));
  return hits.length ? hits : undefined;
}
