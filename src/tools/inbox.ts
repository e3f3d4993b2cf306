/**
 * inbox (the student's private threads) and inbox_posts (one thread's messages).
 */
import { z } from "zod";
import { idField, page, pageSize } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import { knownForum, READ_TTL_MS } from "../queries/cached.js";
import { fetchInboxPanel, fetchInboxPosts } from "../queries/inbox.js";
import { renderInbox, renderInboxPosts } from "../shape/inbox.js";

export const tools: ToolDef[] = [
  defineTool({
    name: "inbox",
    title: "List inbox threads",
    description: "The student's Halo inbox threads (private messages with instructors and classmates), newest activity first: who, which class, the last message and the forum_id inbox_posts takes.",
    input: z.object({
      page: page(),
      page_size: pageSize(100, 25, "Threads"),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const [me, panels, classes] = await Promise.all([
        ctx.halo.session().then((s) => s.userId),
        ctx.cache.get("inbox:panel", READ_TTL_MS, () => fetchInboxPanel(ctx.halo)),
        ctx.classes.list(),
      ]);
      const codes = new Map(classes.map((c) => [c.id, c.courseCode]));
      return renderInbox(panels, codes, me, { tz: ctx.config.timezone, now: ctx.now() }, args.page ?? 1, args.page_size ?? 25);
    },
  }),
  defineTool({
    name: "inbox_posts",
    title: "Read an inbox thread",
    description: "The messages of one inbox thread, paged (Halo gives no total; a short page is the last).",
    input: z.object({
      forum_id: idField("Thread id from inbox."),
      page: page(),
      page_size: pageSize(100, 20, "Messages"),
      post_id: idField("Show this message (on the given page) in full.").optional(),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const me = (await ctx.halo.session()).userId;
      const page = args.page ?? 1;
      const size = args.page_size ?? 20;
      const posts = await knownForum(args.forum_id, "inbox", () => ctx.cache.get(`inbox:${args.forum_id}:${page}:${size}`, READ_TTL_MS, () => fetchInboxPosts(ctx.halo, args.forum_id, page, size)));
      return renderInboxPosts(posts, me, { tz: ctx.config.timezone, now: ctx.now() }, page, size, args.post_id);
    },
  }),
];
