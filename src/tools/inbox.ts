/**
 * inbox (the student's private threads) and inbox_posts (one thread's messages).
 */
import { z } from "zod";
import { defineTool, type ToolDef } from "./define.js";
import { knownForum, READ_TTL_MS } from "../queries/cached.js";
import { fetchInboxPanel, fetchInboxPosts } from "../queries/inbox.js";
import { renderInbox, renderInboxPosts } from "../shape/inbox.js";

export const tools: ToolDef[] = [
  defineTool({
    name: "inbox",
    title: "List inbox threads",
    description: "List the student's Halo inbox threads (private messages with instructors and classmates), newest activity first, with who, which class, the last message and the forum_id inbox_posts takes.",
    input: z.object({
      page: z.number().int().min(1).max(1000).optional().describe("Page number, starting at 1 (default 1)."),
      page_size: z.number().int().min(1).max(100).optional().describe("Threads per page, 1–100 (default 25)."),
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
    description: "Read the messages of one inbox thread, paged (Halo gives no total; a short page is the last).",
    input: z.object({
      forum_id: z.string().trim().min(1).max(100).describe("Thread id (forum_id) from inbox."),
      page: z.number().int().min(1).max(1000).optional().describe("Page number, starting at 1 (default 1)."),
      page_size: z.number().int().min(1).max(100).optional().describe("Messages per page, 1–100 (default 20)."),
      post_id: z.string().trim().min(1).max(100).optional().describe("Show this message (on the given page) in full."),
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
