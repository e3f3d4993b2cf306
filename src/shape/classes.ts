/**
 * list_classes and user: the student's classes (current first) and a person's profile.
 */
import { plainText } from "../format/entities.js";
import type { ClassSummary } from "../queries/class-directory.js";
import type { RawUser } from "../queries/assessment.js";
import { compact, personName } from "../queries/common.js";
import { parseHaloDate } from "../format/dates.js";
import { fields, pageNote } from "../format/text.js";
import { dayOf, whenAt, type Clock } from "./common.js";

const STAGE_RANK: Record<string, number> = { CURRENT: 0, PRE_START: 1, POST: 2 };
const STAGE_WORD: Record<string, string> = { CURRENT: "current", PRE_START: "not started", POST: "finished" };

export function sortClasses(list: readonly ClassSummary[]): ClassSummary[] {
  return [...list].sort(
    (a, b) => (STAGE_RANK[a.stage] ?? 3) - (STAGE_RANK[b.stage] ?? 3) || (parseHaloDate(b.startDate)?.getTime() ?? 0) - (parseHaloDate(a.startDate)?.getTime() ?? 0),
  );
}

const rangeFmt = new Map<string, Intl.DateTimeFormat>();

/** "Oct 28 – Dec 21, 2026": a term reads fine without weekdays, and the shared year is said once. */
function termRange(start: Date | undefined, end: Date | undefined, tz: string): string | undefined {
  if (!start || !end || end < start) return [dayOf(start, tz), dayOf(end, tz)].filter(Boolean).join(" – ") || undefined;
  let f = rangeFmt.get(tz);
  if (!f) rangeFmt.set(tz, (f = new Intl.DateTimeFormat("en-US", { timeZone: tz, month: "short", day: "numeric", year: "numeric" })));
  return f.formatRange(start, end).replace(/[\u2009\u202f]/g, " "); // ICU puts thin spaces around the dash
}

/** "Dr. Ada Byron" or "Ada Byron, Sam Lee": who teaches the class, as Halo names them (each name once). */
export function instructorNames(c: ClassSummary): string | undefined {
  const names = [...new Set(compact(c.instructors).filter((i) => i.user).map((i) => personName(i.user)))];
  return names.length ? names.join(", ") : undefined;
}

/** `withSlug`: the course code alone is ambiguous (the same course taken twice), so show the slug too. */
export function classLine(c: ClassSummary, tz: string, withSlug = true): string {
  const range = termRange(parseHaloDate(c.startDate), parseHaloDate(c.endDate), tz);
  const who = instructorNames(c);
  return `- ${fields([
    ["", `${c.courseCode} ${plainText(c.name)}`],
    ["", STAGE_WORD[c.stage] ?? c.stage.toLowerCase()],
    ["", c.modality ? c.modality.toLowerCase() : undefined],
    ["", c.credits !== undefined && c.credits !== null ? `${c.credits} credits` : undefined],
    ["", range || undefined],
    ["", who ? `instructor${who.includes(",") ? "s" : ""} ${who}` : undefined],
    ["class_ref", withSlug ? c.slugId : undefined],
  ])}`;
}

export function renderClassList(list: readonly ClassSummary[], page: number, pageSize: number, tz: string): string {
  const sorted = sortClasses(list);
  if (sorted.length === 0) return "Halo lists no classes for you.";
  const slice = sorted.slice((page - 1) * pageSize, page * pageSize);
  const perCode = new Map<string, number>();
  for (const c of sorted) perCode.set(c.courseCode, (perCode.get(c.courseCode) ?? 0) + 1);
  const repeats = [...perCode.values()].some((n) => n > 1);
  const lines = [`Your ${sorted.length} classes (class_ref for any tool: the course code${repeats ? ", or the slug shown where a code repeats" : ""}):`];
  lines.push(...slice.map((c) => classLine(c, tz, (perCode.get(c.courseCode) ?? 0) > 1)));
  // The header states the total; a page note is needed only when some classes are on other pages.
  if (slice.length < sorted.length) lines.push(pageNote(page, pageSize, sorted.length, slice.length));
  return lines.join("\n");
}

export function renderUser(u: RawUser, isMe: boolean, c: Clock): string {
  const contacts = compact(u.socialContacts).filter((s) => s.value);
  return [
    `${personName(u)}${isMe ? " (you)" : ""}`,
    fields([
      ["username", u.username ?? undefined],
      ["status", u.userStatus ? u.userStatus.toLowerCase() : undefined],
      ["last login", whenAt(u.lastLogin, c)],
    ]),
    ...contacts.map((s) => `${(s.socialContactType ?? "contact").toLowerCase().replace(/_/g, " ")}: ${s.value}`),
  ].filter(Boolean).join("\n");
}
