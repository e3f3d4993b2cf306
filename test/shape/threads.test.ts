/** Thread rebuilding and post visibility, value by value (authors, reply targets, depth, pins, schedules). */
import { describe, expect, it } from "vitest";
import { authorOf, isVisible, needsAcknowledgement, renderPost, threadOrder, visibleAnnouncements } from "../../src/shape/posts.js";
import { CLOCK, ME, NOW, post } from "../fixtures/read.js";

const teacher = { userId: "t-1", baseRoleName: "INSTRUCTOR", user: { firstName: "Ada", lastName: "Byron" } };
const mine = { userId: ME, baseRoleName: "STUDENT", user: { firstName: "Jo", preferredFirstName: "Joey", lastName: "Doe" } };

describe("authors and visibility", () => {
  it("marks the student and instructors", () => {
    expect(authorOf(post("a", { createdBy: mine }), ME)).toBe("Joey Doe (you)");
    expect(authorOf(post("a", { createdBy: teacher }), ME)).toBe("Ada Byron (instructor)");
    expect(authorOf(post("a"), ME)).toBe("Ana Lee");
    expect(authorOf(post("a", { createdBy: null }), ME)).toBe("someone");
    expect(authorOf(post("a", { createdBy: { userId: null, user: { firstName: "X" } } }), "")).toBe("X");
  });

  it("shows published or status-less posts and the student's own drafts only", () => {
    expect(isVisible(post("a", { postStatus: null }), ME)).toBe(true);
    expect(isVisible(post("a", { postStatus: "PUBLISHED" }), ME)).toBe(true);
    expect(isVisible(post("a", { postStatus: "DRAFT" }), ME)).toBe(false);
    expect(isVisible(post("a", { postStatus: "DRAFT", createdBy: mine }), ME)).toBe(true);
    expect(isVisible(post("a", { postStatus: "DRAFT", createdBy: null }), ME)).toBe(false);
  });
});

describe("threadOrder", () => {
  it("gives replies their depth and the author they answer; orphans become threads", () => {
    const nodes = threadOrder([
      post("root", { createdBy: teacher, publishDate: "2026-11-19T00:00:00Z" }),
      post("r1", { parentPostId: "root", createdBy: mine, publishDate: "2026-11-19T02:00:00Z" }),
      post("r2", { parentPostId: "r1", publishDate: "2026-11-19T03:00:00Z" }),
      post("r0", { parentPostId: "root", publishDate: "2026-11-19T01:00:00Z" }),
      post("orphan", { parentPostId: "gone", publishDate: "2026-11-18T00:00:00Z" }),
      post("hidden-parent", { postStatus: "DRAFT", publishDate: "2026-11-17T00:00:00Z" }),
      post("child-of-hidden", { parentPostId: "hidden-parent", publishDate: "2026-11-20T00:00:00Z" }),
    ], ME);
    expect(nodes.map((n) => [n.post.id, n.depth, n.parentAuthor])).toEqual([
      ["orphan", 0, undefined],
      ["root", 0, undefined],
      ["r0", 1, "Ada Byron (instructor)"],
      ["r1", 1, "Ada Byron (instructor)"],
      ["r2", 2, "Joey Doe (you)"],
      ["child-of-hidden", 0, undefined],
    ]);
    expect("parentAuthor" in nodes[0]!).toBe(false);
  });

  it("pins by pin order before any date; posts without dates sort as oldest; startDate stands in for publishDate", () => {
    const nodes = threadOrder([
      post("p2", { pinOrder: 2, publishDate: "2026-11-01T00:00:00Z" }),
      post("p1", { pinOrder: 1, publishDate: "2026-11-19T00:00:00Z" }),
      post("dated", { publishDate: null, startDate: "2026-11-10T00:00:00Z" }),
      post("undated", { publishDate: null, startDate: null }),
      post("p0", { pinOrder: 0, publishDate: "2026-11-20T00:00:00Z" }),
    ], ME);
    expect(nodes.map((n) => n.post.id)).toEqual(["p0", "p1", "p2", "undated", "dated"]);
  });
});

describe("renderPost", () => {
  const o = { me: ME, clock: CLOCK, maxBody: 1000, moreHint: (id: string) => `more ${id}` };

  it("indents replies (capped at four levels) and lists the student's own draft, unread and pinned state", () => {
    const p = post("x", { createdBy: mine, postStatus: "DRAFT", isRead: false, pinOrder: 0, title: "  ", resources: [{ id: "r-1", name: "a.pdf" }, { id: "", name: "skip" }, { id: "r-2", name: null }] });
    expect(renderPost({ post: p, depth: 0 }, { ...o, showId: true })).toBe(
      "by: Joey Doe (you) · Fri Nov 20 3 AM · draft · unread · pinned · post_id: x\n> body of x\nFiles (resource_id for download_resource): a.pdf [r-1]; file [r-2]",
    );
    expect(renderPost({ post: post("y"), depth: 1, parentAuthor: "Ada Byron" }, o)).toBe("↳ by: Ana Lee · reply to Ada Byron · Fri Nov 20 3 AM\n> body of y");
    expect(renderPost({ post: post("y"), depth: 3 }, o).split("\n")[0]).toBe("    ↳ by: Ana Lee · Fri Nov 20 3 AM");
    expect(renderPost({ post: post("y"), depth: 9 }, o).split("\n")[0]).toBe("      ↳ by: Ana Lee · Fri Nov 20 3 AM");
    // The publish date is the post's time; the start date only stands in when there is none.
    expect(renderPost({ post: post("s", { publishDate: "2026-11-19T10:30:00Z", startDate: "2026-11-18T10:30:00Z" }), depth: 0 }, o).split("\n")[0]).toBe("by: Ana Lee · Thu Nov 19 3:30 AM");
    expect(renderPost({ post: post("s", { publishDate: null, startDate: "2026-11-18T10:30:00Z" }), depth: 0 }, o).split("\n")[0]).toBe("by: Ana Lee · Wed Nov 18 3:30 AM");
    expect(renderPost({ post: post("z", { content: null, isRead: true, pinOrder: null }), depth: 0 }, o)).toBe("by: Ana Lee · Fri Nov 20 3 AM\n> (empty)");
  });
});

describe("announcements", () => {
  it("leaves out replies, keeps undated ones and those starting exactly now; pins first, then newest", () => {
    const list = visibleAnnouncements([
      post("reply", { parentPostId: "x" }),
      post("now", { startDate: NOW.toISOString(), publishDate: null }),
      post("undated", { startDate: null, publishDate: null, postStatus: null }),
      post("pinned-old", { pinOrder: 1, startDate: "2026-10-01T00:00:00Z", publishDate: "2026-10-01T00:00:00Z" }),
      post("published-later", { startDate: null, publishDate: "2026-11-22T00:00:00Z" }),
    ], NOW);
    expect(list.map((p) => p.id)).toEqual(["pinned-old", "now", "undated"]);
  });

  it("an acknowledgement entry marked false or for someone else does not count", () => {
    expect(needsAcknowledgement(post("a", { isAcknowledge: true, postFlagAcknowledgements: [{ userId: ME, acknowledge: false }] }), ME)).toBe(true);
    expect(needsAcknowledgement(post("a", { isAcknowledge: true, postFlagAcknowledgements: [null, { userId: ME, acknowledge: null }] }), ME)).toBe(false);
    expect(needsAcknowledgement(post("a", { isAcknowledge: null }), ME)).toBe(false);
  });
});
