/** discussions list: order, due date source, post counts, the student's own post, clipping of questions. */
import { beforeEach, describe, expect, it } from "vitest";
import { renderForums } from "../../src/shape/discussions.js";
import type { RawForum } from "../../src/queries/forums.js";
import { CLOCK, grade } from "../fixtures/read.js";

const forums: RawForum[] = [
  { forumId: "f3", title: "Topic 3 DQ 1", startDate: "2026-11-30 07:30:00", dueDate: "2026-12-03 06:59:00", active: false, totalPosts: null, description: "<p>Q3</p>" },
  { forumId: "f1", title: "Topic 1 DQ 1", startDate: "2026-11-16 07:30:00", dueDate: "2026-11-19 06:59:00", active: true, totalPosts: 1, description: `<p>${"long ".repeat(80)}</p>`, contextId: "as-1" },
  { forumId: "f2", title: "Topic 2 DQ 1", startDate: "2026-11-18 07:30:00", dueDate: "2026-11-26 06:59:00", reassignedDueDate: "2026-11-28 06:59:00", active: true, totalPosts: 3, description: null },
  { forumId: "f0", title: "", startDate: null, active: true, totalPosts: 0 },
];
const grades = [
  grade({ id: "1", status: "SUBMITTED", dueDate: "2026-11-20 06:59:00", post: { id: "p", publishDate: "2026-11-18T17:30:00Z" } }, { id: "as-1", type: "DISCUSSION_QUESTION", title: "Topic 1 DQ 1" }),
  grade({ id: "3", status: "ACTIVE", dueDate: "2026-12-03 06:59:00" }, { id: "as-3", type: "DISCUSSION_QUESTION", title: "Topic 3 DQ 1" }),
  grade({ id: "2", status: "ACTIVE", post: { id: "p2" } }, { id: "as-2", type: "PARTICIPATION", title: "Topic 2 DQ 1 participation" }),
];
const lineOf = (text: string, id: string) => text.split("\n").find((l) => l.startsWith(`- ${id} `))!;

describe("renderForums", () => {
  // Rendered inside each test, not at collection time: a mutation tool activates its mutant per test.
  let text = "";
  beforeEach(() => {
    text = renderForums("CST-1", forums, grades, CLOCK, false);
  });

  it("lists forums by start date (undated first) with a count in the header", () => {
    expect(text.split("\n")[0]).toMatch(/^CST-1 — 4 discussion forums \(/);
    expect(text.split("\n").filter((l) => l.startsWith("- ")).map((l) => l.split(" ")[1])).toEqual(["f0", "f1", "f2", "f3"]);
    expect(lineOf(text, "f0")).toBe("- f0 Discussion · 0 posts");
  });

  it("the due date comes from the student's grade row, else the forum's reassigned date, else its own", () => {
    expect(lineOf(text, "f1")).toBe("- f1 Topic 1 DQ 1 · due Thu Nov 19 11:59 PM · 1 post · you posted Wed Nov 18 10:30 AM");
    expect(lineOf(text, "f2")).toBe("- f2 Topic 2 DQ 1 · due Fri Nov 27 11:59 PM (in 6 days) · 3 posts");
    expect(lineOf(text, "f3")).toMatch(/^- f3 Topic 3 DQ 1 · opens Mon Nov 30 12:30 AM · due Wed Dec 2 11:59 PM \(in 11 days\)$/);
    expect(lineOf(text, "f3")).not.toContain("closed");
    expect(lineOf(renderForums("X", [{ ...forums[0]!, contextId: "as-0" }], [grade({ id: "0", post: { id: "p0" } }, { id: "as-0" })], CLOCK, false), "f3")).toContain(" · you posted");
  });

  it("clips a long question unless full is asked for; an empty description adds no quote", () => {
    expect(text).toContain(`you posted Wed Nov 18 10:30 AM\n> ${"long ".repeat(48).trim()}\n> [… truncated: showed 239 of 399 characters. Pass full: true to see each question in full.]`);
    expect(text).toContain("3 posts\n- f3");
    const full = renderForums("CST-1", [forums[1]!], grades, CLOCK, true);
    expect(full.split("\n").at(-1)).toBe(`> ${"long ".repeat(80).trim()}`);
    expect(full.split("\n")[0]).toMatch(/^CST-1 — 1 discussion forum \(/);
  });

  it("no forums: says so", () => {
    expect(renderForums("CST-1", [], grades, CLOCK, true).split("\n")[1]).toBe("Halo lists no discussion forums for this class.");
  });
});
