/**
 * acknowledge_announcement: markPostsAsRead, which the reference lists as Halo's way to acknowledge posts.
 * Some announcements (isAcknowledge) ask the student to confirm they read them; this records that.
 */
import { parseHaloDate } from "../format/dates.js";
import { decodeEntities } from "../format/entities.js";
import type { RawPost } from "../queries/posts.js";
import { loadAnnouncements } from "../tools/announcements.js";
import type { ClassSummary } from "../queries/class-directory.js";
import type { ToolContext } from "../queries/context.js";
import { ToolError } from "../queries/tool-error.js";
import { auditLog } from "./audit.js";
import type { Planned } from "./consent.js";
import { shown } from "./preview.js";
import { markPostsRead } from "./queries.js";
import { haloTime } from "./assignment.js";
import { markThenVerify } from "./mark.js";

export const ACK_TOOL = "acknowledge_announcement";

const ackedBy = (p: RawPost, me: string) => (p.postFlagAcknowledgements ?? []).find((a) => a?.userId === me && a.acknowledge !== false);
const done = (p: RawPost, me: string) => (p.isAcknowledge ? !!ackedBy(p, me) : !!p.isRead);

export async function planAcknowledge(args: { class_ref: string; post_id: string }, ctx: ToolContext): Promise<Planned> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const cls = await ctx.classes.resolve(args.class_ref);
  const entry = { tool: ACK_TOOL, class: cls.slugId, thread: args.post_id };
  const me = (await ctx.halo.session()).userId;
  const find = async () => (await loadAnnouncements(ctx, cls)).posts.find((p) => p.id === args.post_id);
  const post = await find();
  const refuse = async (reason: string, text: string): Promise<never> => {
    await audit.append({ ...entry, outcome: "refused", reason });
    throw new ToolError(text);
  };
  if (!post) return refuse("no such announcement", `${cls.courseCode} has no current announcement with id ${args.post_id}. Use the announcements tool to get the id. Nothing was changed.`);
  const start = parseHaloDate(post.startDate);
  if ((post.postStatus && post.postStatus !== "PUBLISHED") || (start && start.getTime() > ctx.now().getTime())) {
    return refuse("announcement not published", "That announcement is not published yet, so there is nothing to acknowledge. Nothing was changed.");
  }
  // Halo stores titles HTML-encoded; the student must see the title as the announcements tool shows it.
  const title = shown(decodeEntities(post.title ?? "").trim(), "the announcement");
  if (done(post, me)) return `"${title}" is already ${post.isAcknowledge ? "acknowledged" : "marked as read"} in Halo. Nothing changed.`;
  return {
    audit: { class: cls.slugId, thread: args.post_id },
    preview: [`${post.isAcknowledge ? "Acknowledge" : "Mark as read"} the announcement "${title}" in ${shown(cls.courseCode)} ${shown(cls.name)}: Halo records that you have read it${post.isAcknowledge ? " (your instructor sees the acknowledgement)" : ""}.`],
    state: { classId: cls.id, postId: post.id },
    nothing: "changed",
    run: () => acknowledgeNow(ctx, { cls, post, me, title, entry, find }),
  };
}

interface Ack {
  cls: ClassSummary;
  post: RawPost;
  me: string;
  title: string;
  entry: { tool: string; class: string; thread: string };
  find: () => Promise<RawPost | undefined>;
}

async function acknowledgeNow(ctx: ToolContext, a: Ack): Promise<string> {
  const { cls, post, me, title, entry, find } = a;
  const after = await markThenVerify(ctx, {
    entry,
    send: () => markPostsRead(ctx.halo, [post.id], cls),
    refused: (reason) => `Halo did not record "${title}" as read: ${reason}. Nothing else was changed; you can try again.`,
    reread: find,
    shows: (p) => done(p, me),
  });
  if (!after) {
    return `Halo accepted marking "${title}" as read, but does not show it ${post.isAcknowledge ? "acknowledged" : "read"} yet. Check the announcement in Halo if the acknowledgement matters.`;
  }
  const at = ackedBy(after, me)?.acknowledgedTimestamp;
  return post.isAcknowledge
    ? `Acknowledged "${title}" in ${shown(cls.courseCode)}${at ? ` (Halo records ${haloTime(ctx, at)})` : ""}.`
    : `Marked "${title}" in ${shown(cls.courseCode)} as read. (It did not ask for a formal acknowledgement.)`;
}
