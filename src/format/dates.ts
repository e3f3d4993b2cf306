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

/** "Sun Nov 22 2026, 11:59 PM MST" in the student's zone, to the minute. */
export function formatDate(d: Date, tz: string): string {
  const parts = Object.fromEntries(formatter(tz).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.month} ${parts.day} ${parts.year}, ${parts.hour}:${parts.minute} ${parts.dayPeriod} ${parts.timeZoneName}`;
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

/** Date plus relative phrase: "Sun Nov 22 2026, 11:59 PM MST (in 2 days)". */
export function when(value: string | Date | null | undefined, tz: string, now: Date): string | undefined {
  const d = value instanceof Date ? value : parseHaloDate(value);
  return d ? `${formatDate(d, tz)} (${relative(d, now)})` : undefined;
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
