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

/**
 * "Oct 28 – Dec 21": a term reads fine without weekdays. The year is left to the header where it is the list's
 * usual one (`year`), else said once for a term within one year ("Oct 28 – Dec 21 2026").
 */
function termRange(start: Date | undefined, end: Date | undefined, tz: string, year: string | undefined): string | undefined {
  const from = dayOf(start, tz);
  const to = dayOf(end, tz);
  const strip = (day: string | undefined, y: string | undefined) => (day && y && day.endsWith(` ${y}`) ? day.slice(0, -y.length - 1) : day);
  if (year) return [strip(from, year), strip(to, year)].filter(Boolean).join(" – ") || undefined;
  const oneYear = !!start && !!end && start <= end && yearOfDay(from) === yearOfDay(to);
  return [oneYear ? strip(from, yearOfDay(from)) : from, to].filter(Boolean).join(" – ") || undefined;
}

const yearOfDay = (day: string | undefined) => day?.split(" ")[2];

/** The value most classes share (at least two), said once in the header instead of on each line. */
function usual(values: ReadonlyArray<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = [...counts].reduce<[string, number] | undefined>((b, e) => (!b || e[1] > b[1] ? e : b), undefined);
  return best && best[1] >= 2 ? best[0] : undefined;
}

const yearsOf = (c: ClassSummary, tz: string) => [c.startDate, c.endDate].map((d) => yearOfDay(dayOf(parseHaloDate(d), tz)));
const modalityOf = (c: ClassSummary) => (c.modality ? c.modality.toLowerCase() : undefined);

/** "Dr. Ada Byron" or "Ada Byron, Sam Lee": who teaches the class, as Halo names them (each name once). */
export function instructorNames(c: ClassSummary): string | undefined {
  const names = [...new Set(compact(c.instructors).filter((i) => i.user).map((i) => personName(i.user)))];
  return names.length ? names.join(", ") : undefined;
}

/** What the header says once for every line: the usual year of the term dates and the usual modality. */
export interface ClassDefaults {
  year?: string;
  modality?: string;
}

/** `withSlug`: the course code alone is ambiguous (the same course taken twice), so show the slug too. */
export function classLine(c: ClassSummary, tz: string, withSlug = true, defaults: ClassDefaults = {}): string {
  const range = termRange(parseHaloDate(c.startDate), parseHaloDate(c.endDate), tz, defaults.year);
  const who = instructorNames(c);
  const modality = modalityOf(c);
  return `- ${fields([
    ["", `${c.courseCode} ${plainText(c.name)}`],
    ["", STAGE_WORD[c.stage] ?? c.stage.toLowerCase()],
    // A line without one would read as the header's usual modality.
    ["", modality !== defaults.modality ? (modality ?? "modality not given") : undefined],
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
  const defaults: ClassDefaults = { year: usual(slice.flatMap((c) => yearsOf(c, tz))), modality: usual(slice.map(modalityOf)) };
  const unlessShown = [defaults.modality, defaults.year && `year ${defaults.year}`].filter(Boolean).join(" and ");
  const lines = [`Your ${sorted.length} classes (class_ref for any tool: the course code${repeats ? ", or the slug shown where a code repeats" : ""}${unlessShown ? `; ${unlessShown} unless shown` : ""}):`];
  lines.push(...slice.map((c) => classLine(c, tz, (perCode.get(c.courseCode) ?? 0) > 1, defaults)));
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
