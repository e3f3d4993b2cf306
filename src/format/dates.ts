/**
 * Halo sends due/start dates as bare "YYYY-MM-DD HH:MM:SS" meaning UTC (06:59 UTC = 11:59 PM Arizona the
 * day before) and event stamps as ISO-8601. Never cut a timestamp to a date: the day differs by zone.
 */
const BARE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Parses either form to a Date; undefined for empty or unparseable input. */
export function parseHaloDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const m = BARE.exec(v);
  if (m) {
    const [, y, mo, d, h, mi, s] = m;
    return new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, s ? +s : 0));
  }
  // ISO with an offset or Z; a date-only string would be read as UTC midnight, which is what Halo means.
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t);
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      weekday: "short",
      month: "short",
      day: "numeric",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
    fmtCache.set(tz, f);
  }
  return f;
}

function partsOf(d: Date, tz: string): Record<string, string> {
  return Object.fromEntries(formatter(tz).formatToParts(d).map((p) => [p.type, p.value]));
}

const HOUR = 3_600_000;
const wallKey = (p: Record<string, string>) => `${p.year} ${p.month} ${p.day} ${p.hour}:${p.minute} ${p.dayPeriod}`;

/**
 * True when the local time of `d` happens twice (the hour repeated when clocks fall back), so only the
 * zone's abbreviation tells the two apart. Zones without daylight saving (Arizona) never are.
 */
function ambiguous(d: Date, tz: string, p: Record<string, string>): boolean {
  const w = wallKey(p);
  return wallKey(partsOf(new Date(d.getTime() - HOUR), tz)) === w || wallKey(partsOf(new Date(d.getTime() + HOUR), tz)) === w;
}

/** The year `now` has in the student's zone: answers leave it out of every date in that year. */
export function yearOf(now: Date, tz: string): string {
  return partsOf(now, tz).year!;
}

/**
 * "Sun Nov 22 11:59 PM" ("Wed Nov 25 12 AM" on the hour) in the student's zone, to the minute. The year appears only when it differs from
 * `now`'s (or when no `now` is given), and the zone only where daylight saving makes the time ambiguous: the
 * answer's legend (dateLegend) states both once.
 */
export function formatDate(d: Date, tz: string, now?: Date): string {
  const p = partsOf(d, tz);
  const year = now && yearOf(now, tz) === p.year ? "" : ` ${p.year}`;
  const zone = ambiguous(d, tz, p) ? ` ${p.timeZoneName}` : "";
  // On the hour, "5 PM" reads the same as "5:00 PM" and costs two tokens less.
  return `${p.weekday} ${p.month} ${p.day}${year} ${p.hour}${p.minute === "00" ? "" : `:${p.minute}`} ${p.dayPeriod}${zone}`;
}

/** "in 2 days", "in 3 hours", "5 minutes ago", "now". */
export function relative(d: Date, now: Date): string {
  const diff = d.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const units: Array<[number, string]> = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  for (const [ms, name] of units) {
    if (abs >= ms) {
      const n = Math.floor(abs / ms);
      const label = `${n} ${name}${n === 1 ? "" : "s"}`;
      return diff >= 0 ? `in ${label}` : `${label} ago`;
    }
  }
  return "now";
}

/**
 * A date, plus "(in 2 days)" only when it is still ahead: relative phrases help with deadlines not yet met;
 * for past events the date says it all. Pass `done` for a deadline already met (no phrase either).
 */
export function when(value: string | Date | null | undefined, tz: string, now: Date, done = false): string | undefined {
  const d = value instanceof Date ? value : parseHaloDate(value);
  if (!d) return undefined;
  const ahead = !done && d.getTime() > now.getTime();
  return `${formatDate(d, tz, now)}${ahead ? ` (${relative(d, now)})` : ""}`;
}

/** A date as formatDate writes it ("Sun Nov 22 11:59 PM", "Mon Jan 4 2027 5 PM"), to know an answer has one. */
export const DATE_IN_TEXT = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(?: \d{4})? \d{1,2}(?::\d{2})? [AP]M\b/;

const zoneLabel = (tz: string, abbr: string | undefined) => (tz === "America/Phoenix" ? `Arizona (${abbr ?? "MST"})` : tz);

/**
 * The one line per answer that says what every compact date leaves out: the zone, the year and, when the
 * answer left it out (`deadlineTime`), the 11:59 PM most dates carry.
 */
export function dateLegend(tz: string, now: Date, deadlineTime = false): string {
  return `All times ${zoneLabel(tz, partsOf(now, tz).timeZoneName)}; year ${yearOf(now, tz)}${deadlineTime ? ` and time ${DEADLINE_TIME}` : ""} unless shown.`;
}

/** GCU's deadline time: nearly every due date (and many submissions) falls on it. */
export const DEADLINE_TIME = "11:59 PM";
// A formatDate date at 11:59 PM with no zone after it (a zone marks a daylight-saving ambiguity: keep it whole).
const AT_DEADLINE = /\b((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(?: \d{4})?) 11:59 PM\b(?! (?:[A-Z]{2,5}|GMT)\b)/g;

/**
 * Drops " 11:59 PM" from the answer's own dates, which the legend then states once (5 tokens a date). Quoted
 * lines (other people's text) are left exactly as written.
 */
export function elideDeadlineTime(text: string): { text: string; elided: boolean } {
  let elided = false;
  const out = text
    .split("\n")
    .map((line) => (/^\s*>/.test(line) ? line : line.replace(AT_DEADLINE, (_m, day: string) => ((elided = true), day))))
    .join("\n");
  return { text: out, elided };
}

/** The date that applies to the student: an accommodated due date wins when present. */
export function effectiveDue(due?: string | null, accommodated?: string | null): Date | undefined {
  return parseHaloDate(accommodated) ?? parseHaloDate(due);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
