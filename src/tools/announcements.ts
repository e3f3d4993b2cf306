/**
 * announcements. Halo's `announcements` root field is contested (object, list, or absent): when it is
 * absent we take the forum path — announcement forum ids from forum notifications and the alert feed,
 * then posts(forumId, depth 0..1).
 */
import { z } from "zod";
import { classRef, idField, page, pageSize } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import type { ToolContext } from "../queries/context.js";
import type { ClassSummary } from "../queries/class-directory.js";
import { classLabel, inClass, READ_TTL_MS } from "../queries/cached.js";
import { fetchAnnouncementsRoot, fetchForumNotifications } from "../queries/forums.js";
import { fetchUserAlerts } from "../queries/inbox.js";
import { fetchForumPosts, type RawPost } from "../queries/posts.js";
import { announcementForumIds, normaliseNotifications } from "../shape/notifications.js";
import { renderAnnouncements } from "../shape/announcements.js";
import { isHaloError } from "../halo/errors.js";

/** A fallback source failing for a reason other than access or session should not sink the other one. */
async function soft<T>(run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isHaloError(err) && ["access", "auth", "session_expired", "no_credentials"].includes(err.kind)) throw err;
    return fallback;
  }
}

export async function loadAnnouncements(ctx: ToolContext, cls: ClassSummary): Promise<{ posts: RawPost[]; note?: string }> {
  const root = await inClass(cls, () => ctx.cache.get(`ann:${cls.id}`, READ_TTL_MS, () => fetchAnnouncementsRoot(ctx.halo, cls)));
  if (root) return { posts: root.flatMap((f) => f.posts) };
  const [notes, alerts] = await Promise.all([
    soft(() => inClass(cls, () => fetchForumNotifications(ctx.halo, cls)), null),
    soft(() => ctx.cache.get("alerts", READ_TTL_MS, () => fetchUserAlerts(ctx.halo)), { alerts: [] }),
  ]);
  const ids = announcementForumIds(normaliseNotifications(notes), alerts.alerts, cls.id);
  if (ids.length === 0) {
    return { posts: [], note: "Halo's announcement list is not available, and neither notifications nor alerts name this class's announcement forum (that happens when nothing is unread). Check the class page in Halo to be sure." };
  }
  const lists = await Promise.all(ids.map((forumId) => inClass(cls, () => ctx.cache.get(`posts:${forumId}:1`, READ_TTL_MS, () => fetchForumPosts(ctx.halo, forumId, { depthStart: 0, depthEnd: 1, slugId: cls.slugId, courseClassId: cls.id })))));
  return { posts: lists.flat() };
}

export const tools: ToolDef[] = [
  defineTool({
    name: "announcements",
    title: "Read a class's announcements",
    description: "A class's current announcements, newest first, marking those you must acknowledge (scheduled and unpublished ones are hidden).",
    input: z.object({
      class_ref: classRef(),
      page: page(),
      page_size: pageSize(50, 10, "Announcements"),
      post_id: idField("Show this announcement in full.").optional(),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const cls = await ctx.classes.resolve(args.class_ref);
      const me = (await ctx.halo.session()).userId;
      const { posts, note } = await loadAnnouncements(ctx, cls);
      return renderAnnouncements(classLabel(cls), posts, {
        me,
        clock: { tz: ctx.config.timezone, now: ctx.now() },
        page: args.page ?? 1,
        pageSize: args.page_size ?? 10,
        maxBody: 2000,
        ...(args.post_id ? { postId: args.post_id } : {}),
        ...(note ? { note } : {}),
      });
    },
  }),
];
