import { describe, expect, it } from "vitest";
import { gradeForForum, renderForums } from "../../src/shape/discussions.js";
import { CLOCK, grade } from "../fixtures/read.js";

// Halo marks a forum inactive both before it opens and after it closes.
const forum = (forumId: string, title: string, startDate: string, dueDate: string, active: boolean) =>
  ({ forumId, title, startDate, dueDate, active, totalPosts: 0, description: `<p>${title} question</p>` });

describe("renderForums", () => {
  it('labels a forum that has not opened yet "opens …", never "closed"; a past inactive forum is closed', () => {
    const text = renderForums("CST-1 Test", [
      forum("f-old", "Topic 1 DQ 1", "2026-11-02 07:00:00", "2026-11-08 06:59:00", false),
      forum("f-next", "Topic 5 DQ 1", "2026-11-25 07:00:00", "2026-11-28 06:59:00", false),
    ], [], CLOCK, false);
    const next = text.split("\n").find((l) => l.includes("Topic 5 DQ 1 ·"))!;
    expect(next).toContain("opens: Wed Nov 25 12:00 AM (in 3 days)");
    expect(next).not.toContain("closed");
    const old = text.split("\n").find((l) => l.includes("Topic 1 DQ 1 ·"))!;
    expect(old).toMatch(/^- f-old Topic 1 DQ 1 · due: Sat Nov 7 11:59 PM · 0 posts · closed$/);
    // Questions are quoted without a per-forum banner (the tool wrapper adds one note per answer).
    expect(text).toContain("closed\n> Topic 1 DQ 1 question");
    expect(text).not.toContain("[quoted");
  });
});

describe("gradeForForum", () => {
  const dq = grade({ id: "dq" }, { id: "as-dq", title: "Topic 1 DQ 1", type: "DISCUSSION_QUESTION" });
  const part = grade({ id: "pa" }, { id: "as-pa", title: "Participation &amp; Week 1", type: "PARTICIPATION" });
  const essay = grade({ id: "es" }, { id: "as-es", title: "Topic 1 DQ 2", type: "ASSIGNMENT" });
  const grades = [essay, dq, part];

  it("matches by contextId (the assessment id) first, whatever the type", () => {
    expect(gradeForForum({ forumId: "f", contextId: "as-es", title: "Topic 1 DQ 1" }, grades)).toBe(essay);
  });

  it("falls back to the same title, ignoring case, punctuation and entities, among DQ and participation rows only", () => {
    expect(gradeForForum({ forumId: "f", contextId: "missing", title: "topic 1 - dq 1" }, grades)).toBe(dq);
    expect(gradeForForum({ forumId: "f", title: "PARTICIPATION & week 1!" }, grades)).toBe(part);
    expect(gradeForForum({ forumId: "f", title: "Topic 1 DQ 2" }, grades)).toBeUndefined();
    expect(gradeForForum({ forumId: "f", title: "Topic 1 DQ" }, grades)).toBeUndefined();
  });
});
