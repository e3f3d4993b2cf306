import { describe, expect, it } from "vitest";
import { flattenPosts } from "../../src/queries/posts.js";
import { needsAcknowledgement, renderPost, threadOrder, visibleAnnouncements } from "../../src/shape/posts.js";
import { renderForumPosts } from "../../src/shape/discussions.js";
import { CLOCK, ME, NOW, post } from "../fixtures/read.js";

describe("posts shaping", () => {
  it("flattens nested replies once, keeping parent links", () => {
    const flat = flattenPosts([post("a", { replies: [post("b", { replies: [post("c")] })] }), post("b")]);
    expect(flat.map((p) => [p.id, p.parentPostId ?? null])).toEqual([["a", null], ["b", "a"], ["c", "b"]]);
  });

  it("orders threads pinned first, then oldest, depth-first, hiding others' drafts", () => {
    const nodes = threadOrder([
      post("late", { publishDate: "2026-11-20T12:00:00Z" }),
      post("early", { publishDate: "2026-11-19T12:00:00Z" }),
      post("pinned", { publishDate: "2026-11-20T13:00:00Z", pinOrder: 1 }),
      post("reply", { parentPostId: "early", publishDate: "2026-11-21T00:00:00Z" }),
      post("draft", { postStatus: "DRAFT" }),
      post("mydraft", { postStatus: "DRAFT", createdBy: { userId: ME, user: { firstName: "Jo" } } }),
    ], ME);
    expect(nodes.map((n) => `${n.post.id}:${n.depth}`)).toEqual(["pinned:0", "early:0", "reply:1", "mydraft:0", "late:0"]);
  });

  it("renders HTML bodies as quoted Markdown with invisible characters removed and a clip marker", () => {
    const p = post("x", { title: "Tips &amp; tricks", content: "<p>Use <b>bold</b> &amp; <i>care</i>\u200B\u202E!</p>" + "<p>word </p>".repeat(400) });
    const text = renderPost({ post: p, depth: 0 }, { me: ME, clock: CLOCK, maxBody: 200, showId: true, moreHint: (id) => `post_id ${id}` });
    expect(text).toContain('"Tips & tricks" · by: Ana Lee');
    expect(text).toContain("> Use **bold** & _care_!");
    expect(text).not.toMatch(/[\u200B\u202E]/);
    expect(text).toMatch(/\[… truncated: showed \d+ of \d+ characters\. post_id x\]/);
  });

  it("pages a large forum with a stated total", () => {
    const posts = Array.from({ length: 200 }, (_, i) => post(`p${i}`, { publishDate: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() }));
    const text = renderForumPosts(posts, { me: ME, clock: CLOCK, page: 2, pageSize: 20, maxBody: 500 });
    expect(text).toContain("200 posts in 200 threads");
    expect(text).toContain("Showing 21–40 (page 2 of 10; pass page: 3 for more).");
    expect(text).toContain("post_id: p20");
    expect(text).not.toContain("post_id: p40");
  });

  it("shows one post in full with its replies", () => {
    const long = `<p>${"x".repeat(3000)}</p>`;
    const posts = [post("a", { content: long }), post("b", { parentPostId: "a" }), post("c")];
    const text = renderForumPosts(posts, { me: ME, clock: CLOCK, page: 1, pageSize: 20, maxBody: 100, postId: "a" });
    expect(text).toContain("x".repeat(3000));
    // The reply comes along (replies carry no id; only thread starters and cut-off posts do).
    expect(text).toMatch(/↳ by: .* · reply to /);
    expect(text).not.toContain("post_id: c");
  });

  it("announcements: published and started only, newest first, acknowledgement tracked per user", () => {
    const list = visibleAnnouncements([
      post("old", { startDate: "2026-11-01T00:00:00Z", publishDate: "2026-11-01T00:00:00Z" }),
      post("new", { startDate: "2026-11-20T00:00:00Z", publishDate: "2026-11-20T00:00:00Z" }),
      post("scheduled", { startDate: "2026-11-30T00:00:00Z" }),
      post("draft", { postStatus: "DRAFT" }),
    ], NOW);
    expect(list.map((p) => p.id)).toEqual(["new", "old"]);
    expect(needsAcknowledgement(post("a", { isAcknowledge: true }), ME)).toBe(true);
    expect(needsAcknowledgement(post("a", { isAcknowledge: true, postFlagAcknowledgements: [{ userId: "other", acknowledge: true }] }), ME)).toBe(true);
    expect(needsAcknowledgement(post("a", { isAcknowledge: true, postFlagAcknowledgements: [{ userId: ME, acknowledge: true }] }), ME)).toBe(false);
    expect(needsAcknowledgement(post("a", { isAcknowledge: false }), ME)).toBe(false);
  });
});
