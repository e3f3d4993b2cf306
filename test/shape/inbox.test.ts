/** Inbox threads: who the other party is, which class, and newest-activity order. */
import { describe, expect, it } from "vitest";
import { inboxThreads, otherParty } from "../../src/shape/inbox.js";
import type { RawInboxForum } from "../../src/queries/inbox.js";
import { ME, post } from "../fixtures/read.js";

const teacher = { id: "t-1", firstName: "Ada", lastName: "Byron" };
const me = { id: ME, firstName: "Jo", lastName: "Student" };
const forum = (forumId: string, over: Partial<RawInboxForum> = {}): RawInboxForum => ({ forumId, ...over });

describe("otherParty", () => {
  it("is the recipient when that is someone else", () => {
    expect(otherParty(forum("f", { lastPost: { recipient: teacher, post: post("p", { createdBy: { userId: ME, user: me } }) } }), ME)).toBe("Ada Byron");
  });

  it("is the author when the student received the last message", () => {
    expect(otherParty(forum("f", { lastPost: { recipient: me, post: post("p", { createdBy: { userId: "t-1", user: teacher } }) } }), ME)).toBe("Ada Byron");
    expect(otherParty(forum("f", { lastPost: { recipient: null, post: post("p", { createdBy: { userId: "t-1", user: teacher } }) } }), ME)).toBe("Ada Byron");
  });

  it("falls back to the recipient (even the student) and says unknown without a last post", () => {
    expect(otherParty(forum("f", { lastPost: { recipient: me, post: post("p", { createdBy: { userId: ME, user: me } }) } }), ME)).toBe("Jo Student");
    expect(otherParty(forum("f", { lastPost: { recipient: me, post: null } }), ME)).toBe("Jo Student");
    expect(otherParty(forum("f", { lastPost: null }), ME)).toBe("unknown");
    expect(otherParty(forum("f", { lastPost: { recipient: null, post: post("p", { createdBy: { userId: ME, user: me } }) } }), ME)).toBe("someone");
  });

  it("prefers the recipient over a third-party author", () => {
    const ta = { userId: "ta-1", user: { firstName: "Sam", lastName: "Lee" } };
    expect(otherParty(forum("f", { lastPost: { recipient: teacher, post: post("p", { createdBy: ta }) } }), ME)).toBe("Ada Byron");
  });
});

describe("inboxThreads", () => {
  it("flattens panels, names the class from the forum or the panel, and sorts newest activity first", () => {
    const codes = new Map([["c-1", "CST-323"], ["c-2", "ENG-106"]]);
    const threads = inboxThreads([
      { courseClassId: "c-1", forums: [
        forum("old", { startDate: "2026-11-01T00:00:00Z" }),
        forum("new", { courseClassId: "c-2", lastPost: { post: post("p", { publishDate: "2026-11-20T00:00:00Z" }) }, startDate: "2026-10-01T00:00:00Z" }),
      ] },
      { courseClassId: null, forums: [forum("none"), forum("unknown-class", { courseClassId: "c-9", startDate: "2026-11-10T00:00:00Z" })] },
    ], codes);
    expect(threads.map((t) => [t.forum.forumId, t.classCode, t.last?.toISOString()])).toEqual([
      ["new", "ENG-106", "2026-11-20T00:00:00.000Z"],
      ["unknown-class", undefined, "2026-11-10T00:00:00.000Z"],
      ["old", "CST-323", "2026-11-01T00:00:00.000Z"],
      ["none", undefined, undefined],
    ]);
    // No classCode key at all when the class is unknown (the renderer skips the field).
    expect("classCode" in threads[1]!).toBe(false);
  });
});
