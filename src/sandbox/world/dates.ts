/**
 * Halo dates: due/start dates are bare "YYYY-MM-DD HH:MM:SS" in UTC, event stamps are ISO-8601 with Z.
 * GCU runs on Arizona time (UTC-7, no DST), so "11:59 PM on day D" is stored as "D+1 06:59:00".
 */
const DAY = 86_400_000;

export const bare = (d: Date): string => d.toISOString().slice(0, 19).replace("T", " ");
export const iso = (d: Date): string => d.toISOString();
export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY);
export const addHours = (d: Date, n: number): Date => new Date(d.getTime() + n * 3_600_000);

/** 00:00 Arizona on (Arizona date of `now`) + offsetDays, as a UTC instant. */
export function azMidnight(now: Date, offsetDays: number): Date {
  const az = new Date(now.getTime() - 7 * 3_600_000);
  return new Date(Date.UTC(az.getUTCFullYear(), az.getUTCMonth(), az.getUTCDate() + offsetDays, 7, 0, 0));
}

/** 11:59 PM Arizona on (Arizona today + offsetDays), as Halo stores it. */
export const dueAz = (now: Date, offsetDays: number): string => bare(new Date(azMidnight(now, offsetDays + 1).getTime() - 60_000));

/** Start of an Arizona day as a bare UTC string ("… 07:00:00"). */
export const startAz = (now: Date, offsetDays: number): string => bare(azMidnight(now, offsetDays));

/** 06:59 UTC on the UTC day after `now`: the Arizona and UTC calendar dates disagree for this due date. */
export function dueJustAfterUtcMidnight(now: Date): string {
  return bare(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 6, 59, 0)));
}

export const ymd = (bareOrIso: string): string => bareOrIso.slice(0, 10).replaceAll("-", "");
export const parseBare = (s: string): Date => new Date(`${s.replace(" ", "T")}Z`);
