/** forum_posts text, exactly: thread header counts, reply indents, clipping, one post with its replies, paging. */
import { describe, expect, it } from "vitest";
import { renderForumPosts } from "../../src/shape/discussions.js";
import { CLOCK, ME, post } from "../fixtures/read.js";

const posts = [
  post("t1", { forumTitle: "Topic 1 &amp; DQ 1", publishDate: "2026-11-18T10:30:00Z", isRead: false, content: `<p>${"a".repeat(60)}</p>` }),
  post("r1", { parentPostId: "t1", publishDate: "2026-11-18T11:30:00Z", content: `<p>${"b".repeat(60)}</p>` }),
  post("r2", { parentPostId: "r1", publishDate: "2026-11-18T12:30:00Z", isRead: false }),
  post("t2", { publishDate: "2026-11-19T10:30:00Z" }),
];
const o = { me: ME, clock: CLOCK, page: 1, pageSize: 3, maxBody: 40 };
const r1Clipped = ["> " + "b".repeat(40), '> [… truncated: showed 40 of 60 characters. Call forum_posts with post_id: "r1" for the full text.]'];

describe("renderForumPosts", () => {
  it("a page of threads read depth-first: counts, unread, ids on thread starters only, cut-off replies name their id", () => {
    expect(renderForumPosts(posts, o)).toBe([
      '"Topic 1 & DQ 1": 4 posts in 2 threads, 2 unread.',
      "",
      "by: Ana Lee · Wed Nov 18 3:30 AM · unread · post_id: t1",
      "> " + "a".repeat(40),
      '> [… truncated: showed 40 of 60 characters. Call forum_posts with post_id: "t1" for the full text.]',
      "",
      "↳ by: Ana Lee · reply to Ana Lee · Wed Nov 18 4:30 AM",
      ...r1Clipped,
      "",
      "  ↳ by: Ana Lee · reply to Ana Lee · Wed Nov 18 5:30 AM · unread",
      "> body of r2",
      "",
      "Showing 1–3 (page 1 of 2; pass page: 2 for more).",
    ].join("\n"));
    expect(renderForumPosts([post("x", { isRead: true })], o).trimEnd()).toBe("1 post in 1 thread.\n\nby: Ana Lee · Fri Nov 20 3 AM · post_id: x\n> body of x");
  });

  it("one post in full, its replies re-indented from it; replies keep the normal cap", () => {
    expect(renderForumPosts(posts, { ...o, postId: "r1" }).trimEnd()).toBe([
      "Post r1 in full, with 1 reply.",
      "",
      "by: Ana Lee · reply to Ana Lee · Wed Nov 18 4:30 AM · post_id: r1",
      "> " + "b".repeat(60),
      "",
      "↳ by: Ana Lee · reply to Ana Lee · Wed Nov 18 5:30 AM · unread",
      "> body of r2",
    ].join("\n"));
    // On a later page the post asked for is not on the page, so nothing there is shown whole.
    expect(renderForumPosts(posts, { ...o, page: 2, pageSize: 1, postId: "t1" })).toBe([
      "Post t1 in full, with 2 replies.",
      "",
      "↳ by: Ana Lee · reply to Ana Lee · Wed Nov 18 4:30 AM",
      ...r1Clipped,
      "",
      "Showing 2–2 (page 2 of 3; pass page: 3 for more).",
    ].join("\n"));
    expect(renderForumPosts(posts, { ...o, postId: "t2" }).split("\n")[0]).toBe("Post t2 in full, with 0 replies.");
  });

  it("an unknown or hidden post is named, with the way back to the list", () => {
    const miss = "No post zz in this forum (drafts by others are hidden). Call forum_posts without post_id to list posts.";
    expect(renderForumPosts(posts, { ...o, postId: "zz" })).toBe(miss);
    expect(renderForumPosts([post("zz", { postStatus: "DRAFT" })], { ...o, postId: "zz" })).toBe(miss);
  });
});
