/**
 * Notification counts arrive as a list or a single object, with counts as numbers or strings. Everything
 * is normalised to integers here, so tools only ever see one shape.
 */
import { plainText } from "../format/entities.js";
import type { RawCount, RawNotifications } from "../queries/forums.js";
import type { RawAlert } from "../queries/inbox.js";
import { compact } from "../queries/common.js";
import { parseHaloDate } from "../format/dates.js";
import { fields, pageNote, plural } from "../format/text.js";
import { whenAt, type Clock } from "./common.js";

export const FORUM_TYPES = ["ANNOUNCEMENTS", "DQ", "IDQ", "CQ", "INBOX", "GROUP"] as const;
export type ForumTypeName = (typeof FORUM_TYPES)[number];

export const FORUM_TYPE_WORDS: Record<ForumTypeName, [string, string]> = {
  ANNOUNCEMENTS: ["announcement", "announcements"],
  DQ: ["discussion post", "discussion posts"],
  IDQ: ["individual discussion post", "individual discussion posts"],
  CQ: ["class question", "class questions"],
  INBOX: ["inbox message", "inbox messages"],
  GROUP: ["group post", "group posts"],
};

/** "3", 3, "3.0" → 3; null, "", "abc", negatives → 0. */
export function toCount(v: RawCount): number {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: String(null|undefined) parses to NaN, which also gives 0 below
  if (v === null || v === undefined) return 0;
  // Stryker disable next-line ConditionalExpression,StringLiteral,MethodExpression: Number(String(n)) is n for every number, and Number() ignores surrounding whitespace
  const n = typeof v === "number" ? v : Number(String(v).trim());
  // Stryker disable next-line EqualityOperator: 0 rounds to 0 either way
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

export interface NormalisedNotifications {
  /** Total per forum type (the larger of the stated total and the sum over classes). */
  totals: Record<ForumTypeName, number>;
  /** classId → forum type → count. */
  byClass: Map<string, Partial<Record<ForumTypeName, number>>>;
  /** Forum ids seen per type and class (the announcements fallback needs them). */
  forums: Array<{ type: ForumTypeName; classId?: string; forumId: string; count: number }>;
}

export function normaliseNotifications(raw: RawNotifications): NormalisedNotifications {
  const list = Array.isArray(raw) ? compact(raw) : raw ? [raw] : [];
  const totals = Object.fromEntries(FORUM_TYPES.map((t) => [t, 0])) as Record<ForumTypeName, number>;
  const byClass = new Map<string, Partial<Record<ForumTypeName, number>>>();
  const forums: NormalisedNotifications["forums"] = [];
  for (const n of list) {
    for (const type of FORUM_TYPES) {
      const entry = n.forumTypes?.[type];
      if (!entry) continue;
      let sum = 0;
      for (const c of compact(entry.classes)) {
        const count = toCount(c.count);
        sum += count;
        if (c.classId) {
          const row = byClass.get(c.classId) ?? {};
          row[type] = (row[type] ?? 0) + count;
          byClass.set(c.classId, row);
        }
        for (const f of compact(c.forums)) {
          if (f.forumId) forums.push({ type, ...(c.classId ? { classId: c.classId } : {}), forumId: f.forumId, count: toCount(f.count) });
        }
      }
      totals[type] += Math.max(toCount(entry.count), sum);
    }
  }
  return { totals, byClass, forums };
}

/** Announcement forum ids for one class, from notification counts and from the alert feed. */
export function announcementForumIds(n: NormalisedNotifications | undefined, alerts: readonly RawAlert[], classId: string): string[] {
  const ids = new Set<string>();
  for (const f of n?.forums ?? []) if (f.type === "ANNOUNCEMENTS" && (!f.classId || f.classId === classId)) ids.add(f.forumId);
  for (const a of alerts) {
    const t = a.data?.forumType ?? "";
    if (a.data?.forumId && /^ANNOUNCEMENT/i.test(t) && (!a.classId || a.classId === classId)) ids.add(a.data.forumId);
  }
  return [...ids];
}

export function countsLine(counts: Partial<Record<ForumTypeName, number>>): string {
  const parts = FORUM_TYPES.filter((t) => (counts[t] ?? 0) > 0).map((t) => plural(counts[t]!, ...FORUM_TYPE_WORDS[t]));
  return parts.length ? parts.join(", ") : "nothing unread";
}

/** One alert as a line; ids only where another tool takes them. */
export function alertLine(a: RawAlert, classCode: string | undefined, c: Clock): string {
  const d = a.data ?? {};
  const kind = (a.type ?? "alert").toLowerCase().replace(/_/g, " ");
  const what = d.assignmentTitle ? `"${plainText(d.assignmentTitle)}"` : d.announcementTitle ? `"${plainText(d.announcementTitle)}"` : undefined;
  // Which tool takes each id is said once, in the list's header (ALERT_IDS).
  const pointer = d.assessmentId
    ? `assessment_id ${d.assessmentId}`
    : d.forumId && /^INBOX/i.test(d.forumType ?? "")
      ? `inbox forum_id ${d.forumId}`
      : d.forumId && /^(DQ|IDQ|CQ|GROUP)/i.test(d.forumType ?? "")
        ? `forum_id ${d.forumId}`
        : undefined;
  return `- ${fields([
    ["", whenAt(parseHaloDate(a.timestamp), c)],
    ["", classCode],
    ["", kind],
    ["", what],
    ["from", d.senderName ?? undefined],
    ["", pointer],
  ])}`;
}

export interface AlertListOptions {
  clock: Clock;
  page: number;
  pageSize: number;
  classCodes: ReadonlyMap<string, string>;
  /** Halo said there are older alerts beyond its first page. */
  more: boolean;
}

const ALERT_IDS = "assessment_id → assignment_details / feedback; forum_id → forum_posts; inbox forum_id → inbox_posts";

/** Unread alerts first under their own heading (so no row repeats "unread"), each group newest first. */
export function renderAlerts(alerts: readonly RawAlert[], o: AlertListOptions): string {
  const newest = (a: RawAlert, b: RawAlert) => (parseHaloDate(b.timestamp)?.getTime() ?? 0) - (parseHaloDate(a.timestamp)?.getTime() ?? 0);
  const sorted = [...alerts.filter((a) => a.isRead === false).sort(newest), ...alerts.filter((a) => a.isRead !== false).sort(newest)];
  const unread = sorted.filter((a) => a.isRead === false).length;
  const out = [`Alerts: ${plural(sorted.length, "alert")}${unread ? `, ${unread} unread` : ""}${o.more ? " (Halo holds older alerts beyond its newest page; they are not retrievable here)" : ""}${sorted.length ? ` (${ALERT_IDS})` : ""}.`];
  const slice = sorted.slice((o.page - 1) * o.pageSize, o.page * o.pageSize);
  let heading = "";
  for (const a of slice) {
    const h = a.isRead === false ? "Unread:" : "Read:";
    if (h !== heading) out.push((heading = h));
    out.push(alertLine(a, a.classId ? o.classCodes.get(a.classId) : undefined, o.clock));
  }
  const note = pageNote(o.page, o.pageSize, sorted.length, slice.length);
  if (note) out.push(note);
  return out.join("\n");
}
