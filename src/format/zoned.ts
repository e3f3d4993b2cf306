/**
 * Calendar-day arithmetic in the student's time zone. A due instant's day depends on the zone (06:59 UTC is
 * the previous evening in Arizona), so day boundaries are computed in the zone, never in UTC.
 */
const partsFmt = new Map<string, Intl.DateTimeFormat>();
function fmt(tz: string): Intl.DateTimeFormat {
  let f = partsFmt.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    partsFmt.set(tz, f);
  }
  return f;
}

function wall(d: Date, tz: string): { y: number; m: number; d: number; ms: number } {
  const p = Object.fromEntries(fmt(tz).formatToParts(d).map((x) => [x.type, x.value]));
  const y = +p.year!, m = +p.month!, day = +p.day!;
  const ms = Date.UTC(y, m - 1, day, +p.hour! % 24, +p.minute!, +p.second!);
  return { y, m, d: day, ms };
}

/** "2026-11-22": the calendar date of an instant in `tz`. */
export function localDateKey(d: Date, tz: string): string {
  const w = wall(d, tz);
  return `${w.y}-${String(w.m).padStart(2, "0")}-${String(w.d).padStart(2, "0")}`;
}

/** The last millisecond of the local calendar day containing `d` (offset taken at `d`; DST-day edges may be an hour off). */
export function endOfLocalDay(d: Date, tz: string): Date {
  const w = wall(d, tz);
  const offset = w.ms - Math.floor(d.getTime() / 1000) * 1000;
  return new Date(Date.UTC(w.y, w.m - 1, w.d + 1) - 1 - offset);
}
