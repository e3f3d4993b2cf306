import { describe, expect, it } from "vitest";
import { gradeForForum, listQuestion, renderForums, sharedLines } from "../../src/shape/discussions.js";
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
    // An opening is not a deadline: no "(in 3 days)".
    expect(next).toBe("- f-next Topic 5 DQ 1 · opens Wed Nov 25 12 AM · due Fri Nov 27 11:59 PM (in 6 days) · 0 posts");
    const old = text.split("\n").find((l) => l.includes("Topic 1 DQ 1 ·"))!;
    expect(old).toBe("- f-old Topic 1 DQ 1 · due Sat Nov 7 11:59 PM · 0 posts · closed");
    // Questions are quoted without a per-forum banner (the tool wrapper adds one note per answer).
    expect(text).toContain("closed\n> Topic 1 DQ 1 question\n");
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

describe("questions in the forum list", () => {
  const f = (forumId: string, title: string, description: string) =>
    ({ forumId, title, startDate: "2026-11-02 07:00:00", dueDate: "2026-11-08 06:59:00", active: true, totalPosts: 2, description });
  const boiler = "<ul><li>Use two sources.</li><li>Follow APA 7.</li></ul>";

  it("says once the lines every question shares, drops blank lines and a repeated title", () => {
    const text = renderForums("CST-1 Test", [
      f("f1", "Topic 1 DQ 1", `<p>Topic 1 DQ 1: compare IaaS and PaaS.</p>${boiler}`),
      f("f2", "Topic 1 DQ 2", `<p>Topic 1 DQ 2</p><p>Explain SaaS.</p>${boiler}`),
      f("f3", "Topic 1 DQ 10", `<p>Topic 1 DQ 100 is not this title.</p>${boiler}`),
    ], [], CLOCK, false);
    expect(text).toBe([
      "CST-1 Test — 3 discussion forums (ids: forum_id for forum_posts)",
      "All questions also say:",
      "> - Use two sources.",
      "> - Follow APA 7.",
      "- f1 Topic 1 DQ 1 · due Sat Nov 7 11:59 PM · 2 posts",
      "> compare IaaS and PaaS.",
      "- f2 Topic 1 DQ 2 · due Sat Nov 7 11:59 PM · 2 posts",
      "> Explain SaaS.",
      "- f3 Topic 1 DQ 10 · due Sat Nov 7 11:59 PM · 2 posts",
      "> Topic 1 DQ 100 is not this title.",
    ].join("\n"));
  });

  it("shares nothing with fewer than three questions, or when a question would be left empty", () => {
    expect(sharedLines(["a\nb", "a\nc"]).size).toBe(0);
    expect(sharedLines(["a\nb", "a\nc", "a"]).size).toBe(0);
    expect(sharedLines(["a\nb", "a\nc", "a\nd"])).toEqual(new Set(["a"]));
    expect(sharedLines(["a\nb", "a\nc", ""]).size).toBe(0);
    expect(listQuestion("Week 1 DQ\n\nWhy?", new Set(), "Week 1 DQ")).toBe("Why?");
    expect(listQuestion("Week 1 DQ — why?", new Set(), "week 1 dq")).toBe("why?");
  });
});
