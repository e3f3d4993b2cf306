import type { ForumRec, ForumType } from "../world/types.js";
import { badInput, classById, isEnrolled, isRead, started, visiblePosts, type Ctx } from "./context.js";

const types: ForumType[] = ["ANNOUNCEMENTS", "CQ", "DQ", "IDQ", "INBOX", "GROUP"];
/** Filter names Halo's web app sends → forum types. */
const filterNames: Record<string, ForumType> = { DQ: "DQ", IDQ: "IDQ", CLASS_QUESTIONS: "CQ", TEAM_FORUM: "GROUP", ANNOUNCEMENT: "ANNOUNCEMENTS", ANNOUNCEMENTS: "ANNOUNCEMENTS", INBOX: "INBOX" };

function unreadIds(c: Ctx, f: ForumRec): string[] {
  return visiblePosts(c, f.forumId).filter((p) => p.postStatus === "PUBLISHED" && started(c, p) && !isRead(c, p)).map((p) => p.id);
}

/** Only forums with something unread are listed (so a quiet class shows no announcement forum id). */
function notification(c: Ctx, classIds: string[], wanted: ForumType[], onlyCounts: boolean): Record<string, unknown> {
  const forumTypes: Record<string, unknown> = {};
  for (const t of types) {
    if (!wanted.includes(t)) {
      forumTypes[t] = null;
      continue;
    }
    const classes = classIds.map((classId) => {
      const forums = c.w.forums
        .filter((f) => f.courseClassId === classId && f.forumType === t && (t !== "INBOX" || f.participantIds.includes(c.userId)))
        .map((f) => ({ forumId: f.forumId, posts: unreadIds(c, f) }))
        .filter((f) => f.posts.length > 0)
        .map((f) => ({ ...f, count: f.posts.length }));
      return { classId, count: forums.reduce((s, f) => s + f.count, 0), forums: onlyCounts ? null : forums };
    });
    forumTypes[t] = { classes, count: classes.reduce((s, x) => s + x.count, 0) };
  }
  return { forumTypes };
}

const shaped = (c: Ctx, n: Record<string, unknown>) => (c.s.switches.notificationsShape === "list" ? [n] : n);

export const notificationResolvers = {
  getForumNotifications(args: { classId: string; filter?: { fetchOnlyCounts?: boolean | null; forumFilters?: ({ forumType?: string | null } | null)[] | null } | null }, c: Ctx) {
    const cls = classById(c, args.classId);
    const names = (args.filter?.forumFilters ?? []).map((f) => f?.forumType).filter((x): x is string => !!x);
    const wanted = names.length ? names.map((n) => filterNames[n]).filter((x): x is ForumType => !!x) : types;
    return shaped(c, notification(c, [cls.id], wanted, args.filter?.fetchOnlyCounts === true));
  },
  getInboxNotifications(_args: { fetchCounts?: boolean | null }, c: Ctx) {
    const classIds = c.w.classes.filter((x) => isEnrolled(c, x.id)).map((x) => x.id);
    return shaped(c, notification(c, classIds, ["INBOX"], false));
  },
  getUserAlerts(args: { userAlerts?: { pageSize?: string | null } | null }, c: Ctx) {
    const raw = args.userAlerts?.pageSize ?? "20";
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badInput(`Invalid pageSize : ${raw}`);
    const size = Number(raw);
    const mine = c.w.alerts.filter((a) => a.userId === c.userId).sort((a, b) => b.timestamp.localeCompare(a.timestamp));
    const alerts = mine.slice(0, size).map(({ userId: _u, ...a }) => a);
    // There is no known way to pass nextToken back (reference §5), so it is informational only.
    const nextToken = mine.length > size ? Buffer.from(JSON.stringify({ offset: size, ts: alerts[alerts.length - 1]?.timestamp })).toString("base64") : null;
    return { nextToken, alerts };
  },
  getUserAlertCount(_args: unknown, c: Ctx) {
    return c.w.classes.filter((x) => isEnrolled(c, x.id)).map((x) => ({ courseClassId: x.id, count: c.w.alerts.filter((a) => a.userId === c.userId && a.classId === x.id && !a.isRead).length }));
  },
};
