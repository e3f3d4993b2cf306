/**
 * discussions (a class's discussion questions) and forum_posts (the posts of one forum, paged).
 */
import { z } from "zod";
import { classRef, idField, page, pageSize } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import { classGrades, classLabel, inClass, knownForum, READ_TTL_MS } from "../queries/cached.js";
import { fetchDiscussionForums } from "../queries/forums.js";
import { fetchForumPosts } from "../queries/posts.js";
import { renderForumPosts, renderForums } from "../shape/discussions.js";

export const tools: ToolDef[] = [
  defineTool({
    name: "discussions",
    title: "List a class's discussions",
    description: "One class's discussion questions: opening and due dates, post counts, whether you have posted, the question and the forum_id forum_posts takes.",
    input: z.object({
      class_ref: classRef(),
      full: z.boolean().optional().describe("Show each question in full, not a preview."),
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
    description: "The posts of one discussion forum as threads (oldest first, replies nested), paged; long posts are cut, post_id shows one in full with its replies.",
    input: z.object({
      forum_id: idField("Forum id from discussions."),
      depth_end: z.number().int().min(0).max(10).optional().describe("Reply depth: 0 = top-level posts only (default 5)."),
      page: page(),
      page_size: pageSize(50, 20, "Posts"),
      post_id: idField("Show this post in full, with its replies.").optional(),
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
