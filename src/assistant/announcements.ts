/**
 * A class's announcement posts for change detection. The `announcements` root field is contested (may be
 * missing from the schema), so on "Cannot query field" we take the reference's forum path: announcement forum
 * ids from notification counts and the alert feed, then each forum's top-level posts.
 */
import { noteDegraded } from "../halo/degraded.js";
import { isHaloError } from "../halo/errors.js";
import { fetchAnnouncementsRoot, fetchForumNotifications } from "../queries/forums.js";
import type { RawAlert } from "../queries/inbox.js";
import { fetchForumPosts, type RawPost } from "../queries/posts.js";
import { announcementForumIds, normaliseNotifications } from "../shape/notifications.js";
import type { ToolContext } from "../queries/context.js";
import type { PlannerClass } from "./load.js";

export async function classAnnouncementPosts(ctx: ToolContext, cls: PlannerClass, alerts: RawAlert[]): Promise<RawPost[]> {
  const root = await fetchAnnouncementsRoot(ctx.halo, cls);
  if (root) return root.flatMap((f) => f.posts);
  const counts = normaliseNotifications(await fetchForumNotifications(ctx.halo, cls));
  const ids = announcementForumIds(counts, alerts, cls.id);
  const lists = await Promise.all(ids.map((id) => fetchForumPosts(ctx.halo, id, { depthStart: 0, depthEnd: 0, slugId: cls.slugId, courseClassId: cls.id })));
  return lists.flat();
}

/**
 * For what_changed: announcements are one feed among several, so their failure must not take the class's grade
 * changes with it. Session-level failures still end the call (every read would fail the same way).
 */
export async function softAnnouncementPosts(ctx: ToolContext, cls: PlannerClass, alerts: RawAlert[]): Promise<RawPost[]> {
  try {
    return await classAnnouncementPosts(ctx, cls, alerts);
  } catch (err) {
    if (isHaloError(err) && (err.kind === "auth" || err.kind === "session_expired" || err.kind === "no_credentials")) throw err;
    noteDegraded("new announcements", isHaloError(err) ? `Halo error (${err.kind})` : "could not be read");
    return [];
  }
}
