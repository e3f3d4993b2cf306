/** Leftover edges across shape renderers (found by mutation testing): missing dates, anchored type words, empty pages. */
import { describe, expect, it } from "vitest";
import { alertLine, renderAlerts } from "../../src/shape/notifications.js";
import { inboxThreads, renderInbox, renderInboxPosts } from "../../src/shape/inbox.js";
import { renderForumPosts } from "../../src/shape/discussions.js";
import { materialsOf } from "../../src/shape/materials.js";
import { renderSession } from "../../src/shape/session.js";
import type { RawClassDetail } from "../../src/queries/class-detail.js";
import { CLOCK, ME, post } from "../fixtures/read.js";

describe("alerts", () => {
  it("type words count only at the start of the forum type", () => {
    expect(alertLine({ id: "1", data: { forumId: "f", forumType: "GROUP_INBOX" } }, undefined, CLOCK)).toBe("- alert · forum_id f");
    expect(alertLine({ id: "2", data: { forumId: "f", forumType: "XDQ" } }, undefined, CLOCK)).toBe("- alert");
  });

  it("alerts without a time sort last in their group", () => {
    const text = renderAlerts([{ id: "a", isRead: true }, { id: "b", isRead: true, type: "B", timestamp: "2026-11-20T17:30:00Z" }, { id: "c", isRead: true, type: "C", timestamp: "2026-11-19T17:30:00Z" }], { clock: CLOCK, page: 1, pageSize: 9, classCodes: new Map(), more: false });
    expect(text.split("\n").slice(2)).toEqual(["- Fri Nov 20 10:30 AM · b", "- Thu Nov 19 10:30 AM · c", "- alert"]);
  });
});

describe("inbox", () => {
  it("threads without a last post or dates sort last; a last post without an author still counts as not answered", () => {
    const threads = inboxThreads([{ forums: [{ forumId: "a", lastPost: { post: null } }, { forumId: "b", startDate: "2026-11-01T00:00:00Z" }, { forumId: "c" }] }], new Map());
    expect(threads.map((t) => t.forum.forumId)).toEqual(["b", "a", "c"]);
    const text = renderInbox([{ forums: [{ forumId: "f", lastPost: { isReplied: false, post: post("p", { createdBy: null, content: "<p>one<br>two</p>" }) } }] }], new Map(), ME, CLOCK, 1, 5);
    expect(text.trimEnd().split("\n").slice(3)).toEqual(["- f with: someone · last message: someone, Fri Nov 20 3 AM · not answered yet", "> one two"]);
  });

  it("messages without a date come first", () => {
    const text = renderInboxPosts([post("b", { publishDate: "2026-11-20T10:30:00Z" }), post("a", { publishDate: null, startDate: null }), post("c", { publishDate: "2026-11-19T10:30:00Z" })], ME, CLOCK, 1, 9);
    expect(text.match(/> body of \w/g)).toEqual(["> body of a", "> body of c", "> body of b"]);
  });
});

describe("forum posts", () => {
  it("only the post asked for is shown whole, not its replies; a page past the end shows no posts", () => {
    const posts = [post("t"), post("r", { parentPostId: "t", content: `<p>${"r".repeat(60)}</p>` })];
    const text = renderForumPosts(posts, { me: ME, clock: CLOCK, page: 1, pageSize: 9, maxBody: 40, postId: "t" });
    expect(text).toContain(`> ${"r".repeat(40)}\n> [… truncated: showed 40 of 60 characters.`);
    expect(renderForumPosts(posts, { me: ME, clock: CLOCK, page: 5, pageSize: 9, maxBody: 40 })).toBe("2 posts in 1 thread.\n\nShowing none (page 5 of 1).");
  });
});

describe("materials", () => {
  it("groups follow their sequence numbers", () => {
    const group = (id: string, sequence: number) => ({ id, title: id, sequence, resources: [{ resource: { id: `r-${id}`, name: id } }] });
    const d = { resources: [group("c", 3), group("a", 1), group("b", 2)], units: [] } as unknown as RawClassDetail;
    expect(materialsOf(d).map((m) => m.id)).toEqual(["r-a", "r-b", "r-c"]);
  });
});

describe("session", () => {
  it("an SSO session that cannot refresh says what happens when the tokens expire", () => {
    const text = renderSession("", { state: "ok", source: "cookie", canRefresh: false, authMethod: "open_id" }, CLOCK);
    expect(text.split("\n").at(-1)).toBe("Tokens cannot be refreshed automatically; when they expire you will need fresh credentials.");
  });
});
