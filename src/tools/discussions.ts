/**
 * discussions (a class's discussion questions) and forum_posts (the posts of one forum, paged).
 */
import { z } from "zod";
import { defineTool, type ToolDef } from "./define.js";
import { classGrades, classLabel, inClass, knownForum, READ_TTL_MS } from "../queries/cached.js";
import { fetchDiscussionForums } from "../queries/forums.js";
import { fetchForumPosts } from "../queries/posts.js";
import { renderForumPosts, renderForums } from "../shape/discussions.js";

export const tools: ToolDef[] = [
  defineTool({
    name: "discussions",
    title: "List a class's discussions",
    description: "List one class's discussion questions: opening and due dates, post counts, whether you have posted, the question text, and the forum_id forum_posts takes.",
    input: z.object({
      class_ref: z.string().trim().min(1).max(200).describe('Class: course code ("CST-323"), class code, slug, UUID or part of the name.'),
      full: z.boolean().optional().describe("Show each question in full instead of a short preview (default false)."),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const cls = await ctx.classes.resolve(args.class_ref);
      const [forums, book] = await Promise.all([
        inClass(cls, () => ctx.cache.get(`dq:${cls.id}`, READ_TTL_MS, () => fetchDiscussionForums(ctx.halo, cls))),
        classGrades(ctx, cls),
      ]);
      return renderForums(classLabel(cls), forums, book.grades, { tz: ctx.config.timezone, now: ctx.now() }, args.full ?? false);
    },
  }),
  defineTool({
    name: "forum_posts",
    title: "Read a discussion forum",
    description: "Read the posts of one discussion forum as threads (oldest first, replies nested), paged. Long posts are cut with a marker; pass post_id to read one post and its replies in full.",
    input: z.object({
      forum_id: z.string().trim().min(1).max(100).describe("Forum id from discussions."),
      depth_end: z.number().int().min(0).max(10).optional().describe("How deep to read replies: 0 = top-level posts only (default 5)."),
      page: z.number().int().min(1).max(1000).optional().describe("Page number, starting at 1 (default 1)."),
      page_size: z.number().int().min(1).max(50).optional().describe("Posts per page, 1–50 (default 20)."),
      post_id: z.string().trim().min(1).max(100).optional().describe("Show this post in full, followed by its replies."),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const me = (await ctx.halo.session()).userId;
      const depthEnd = args.depth_end ?? 5;
      const posts = await knownForum(args.forum_id, "discussions", () => ctx.cache.get(`posts:${args.forum_id}:${depthEnd}`, READ_TTL_MS, () => fetchForumPosts(ctx.halo, args.forum_id, { depthStart: 0, depthEnd })));
      return renderForumPosts(posts, {
        me,
        clock: { tz: ctx.config.timezone, now: ctx.now() },
        page: args.page ?? 1,
        pageSize: args.page_size ?? 20,
        maxBody: 1500,
        ...(args.post_id ? { postId: args.post_id } : {}),
      });
    },
  }),
];
