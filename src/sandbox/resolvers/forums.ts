import { iso } from "../world/dates.js";
import type { ForumRec, PostRec } from "../world/types.js";
import { badInput, classById, forumFor, isEnrolled, isRead, notFound, page, resourceView, started, userView, visiblePosts, type Ctx } from "./context.js";
import { postView } from "./views.js";

const newestFirst = (a: PostRec, b: PostRec) => b.publishDate.localeCompare(a.publishDate);
const pinnedThenNewest = (a: PostRec, b: PostRec) => (a.pinOrder ?? 1e9) - (b.pinOrder ?? 1e9) || newestFirst(a, b);

function depthOf(all: PostRec[], p: PostRec): number {
  let d = 0;
  let cur: PostRec | undefined = p;
  while (cur?.parentPostId) {
    const parentId: string = cur.parentPostId;
    cur = all.find((x) => x.id === parentId);
    d++;
  }
  return d;
}

const published = (c: Ctx, f: ForumRec) => visiblePosts(c, f.forumId).filter((p) => p.postStatus === "PUBLISHED");

function announcementForum(c: Ctx, f: ForumRec): Record<string, unknown> {
  const posts = visiblePosts(c, f.forumId).filter((p) => !p.parentPostId);
  return {
    ...f,
    countUnreadPosts: posts.filter((p) => p.postStatus === "PUBLISHED" && started(c, p) && !isRead(c, p)).length,
    lastPost: { isReplied: false },
    posts: () => posts.sort(newestFirst).map((p) => postView(c, p, 0, null)),
  };
}

function inboxThreads(c: Ctx, classId: string): ForumRec[] {
  return c.w.forums.filter((f) => f.forumType === "INBOX" && f.courseClassId === classId && f.participantIds.includes(c.userId));
}

function lastPublished(c: Ctx, f: ForumRec): PostRec | undefined {
  return published(c, f).sort(newestFirst)[0];
}

/** "Unanswered": the other participant spoke last. */
const unanswered = (c: Ctx, f: ForumRec): boolean => {
  const last = lastPublished(c, f);
  return !!last && last.createdByUserId !== c.userId;
};

export const forumResolvers = {
  getAllDQForCourseClass(args: { courseClassId: string; sortBy?: string | null; pgNum?: number | null; pgSize?: number | null }, c: Ctx) {
    const cls = classById(c, args.courseClassId);
    if (args.sortBy != null && args.sortBy !== "startDate") throw badInput(`Invalid sortBy : ${args.sortBy}`);
    let forums = c.w.forums.filter((f) => f.courseClassId === cls.id && f.forumType === "DQ");
    if (args.sortBy === "startDate") forums = [...forums].sort((a, b) => a.startDate.localeCompare(b.startDate));
    return page(forums, args.pgNum, args.pgSize).map((f) => ({
      ...f,
      totalPosts: published(c, f).length,
      resources: () => f.resourceIds.map((r) => resourceView(c.w.resources[r])),
    }));
  },
  posts(args: { forumId?: string | null; postId?: string | null; depthStart?: number | null; depthEnd?: number | null }, c: Ctx) {
    if (!args.forumId && !args.postId) throw badInput("forumId or postId is required");
    const anchor = args.postId ? c.w.posts.find((p) => p.id === args.postId) : undefined;
    if (args.postId && !anchor) throw notFound("Post", args.postId);
    const f = forumFor(c, args.forumId ?? anchor?.forumId ?? "");
    if (anchor && anchor.forumId !== f.forumId) throw badInput(`Post ${anchor.id} is not in forum ${f.forumId}`);
    const all = visiblePosts(c, f.forumId);
    const start = args.depthStart ?? 0;
    const end = args.depthEnd ?? null;
    if (start < 0 || (end !== null && end < start)) throw badInput("Invalid depth range");
    // Depths are relative to the anchor post when one is given (the anchor itself is depth 0).
    const base = anchor ? depthOf(all, anchor) : 0;
    const inTree = (p: PostRec): boolean => {
      if (!anchor) return true;
      for (let cur: PostRec | undefined = p; cur; cur = all.find((x) => x.id === cur?.parentPostId)) if (cur.id === anchor.id) return true;
      return false;
    };
    const roots = all.filter((p) => inTree(p) && depthOf(all, p) - base === start).sort(start === 0 ? pinnedThenNewest : newestFirst);
    return roots.map((p) => postView(c, p, start, end));
  },
  announcements(args: { courseClassId: string }, c: Ctx) {
    const cls = classById(c, args.courseClassId);
    const forums = c.w.forums.filter((f) => f.courseClassId === cls.id && f.forumType === "ANNOUNCEMENTS").map((f) => announcementForum(c, f));
    return c.s.switches.announcements === "list" ? forums : (forums[0] ?? null);
  },
  getInboxLeftPanel(_args: unknown, c: Ctx) {
    return c.w.classes.filter((x) => isEnrolled(c, x.id)).map((cls) => {
      const threads = inboxThreads(c, cls.id);
      return {
        courseClassId: cls.id,
        unansweredCount: threads.filter((f) => unanswered(c, f)).length,
        forums: threads.map((f) => {
          const last = lastPublished(c, f);
          const other = f.participantIds.find((u) => u !== c.userId);
          return {
            ...f,
            lastPost: last ? { isReplied: last.createdByUserId === c.userId, recipient: () => userView(c.w.users[other ?? ""]), post: () => postView(c, last, 0, 0) } : null,
            posts: () => visiblePosts(c, f.forumId).sort(newestFirst).map((p) => postView(c, p, 0, 0)),
          };
        }),
      };
    });
  },
  getInboxLeftPanelNotification(_args: unknown, c: Ctx) {
    return c.w.classes.filter((x) => isEnrolled(c, x.id)).map((cls) => {
      const threads = inboxThreads(c, cls.id);
      return {
        courseClassId: cls.id,
        unansweredCount: threads.filter((f) => unanswered(c, f)).length,
        inboxForumCount: threads.map((f) => ({ forumId: f.forumId, unreadCount: published(c, f).filter((p) => !isRead(c, p)).length, isUnAnswered: unanswered(c, f) })),
      };
    });
  },
  getPostsForInboxForum(args: { forumId?: string | null; pgNum?: number | null; pgSize?: number | null }, c: Ctx) {
    if (!args.forumId) throw badInput("forumId is required");
    const f = forumFor(c, args.forumId);
    if (f.forumType !== "INBOX") throw badInput(`Forum ${f.forumId} is not an inbox forum`);
    return page(visiblePosts(c, f.forumId).sort(newestFirst), args.pgNum, args.pgSize).map((p) => postView(c, p, 0, 0));
  },
  markPostsAsRead(args: { postIds?: (string | null)[] | null }, c: Ctx) {
    const ids = (args.postIds ?? []).filter((x): x is string => !!x);
    const posts = ids.map((id) => {
      const p = c.w.posts.find((x) => x.id === id);
      if (!p) throw notFound("Post", id);
      forumFor(c, p.forumId);
      return p;
    });
    const when = iso(new Date(c.now));
    for (const p of posts) {
      p.readBy[c.userId] ??= when;
      if (p.isAcknowledge && !p.acknowledgements.some((a) => a.userId === c.userId)) p.acknowledgements.push({ userId: c.userId, acknowledgedTimestamp: when });
    }
    return true;
  },
};
