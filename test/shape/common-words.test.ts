/** The small shared pieces, value by value: numbers, scores, words for statuses and types, tags, links, days. */
import { describe, expect, it } from "vitest";
import { assessmentLink, classLink, dayOf, deadlineMet, dueOf, num, scoreText, statusWord, tagList, typeWord, whenAt } from "../../src/shape/common.js";
import { CLOCK } from "../fixtures/read.js";

describe("numbers and scores", () => {
  it("prints integers plainly and fractions to at most two places without trailing zeros", () => {
    expect([num(45), num(44.5), num(2.25), num(1.005), num(3.1), num(0.1 + 0.2), num(-1.5)]).toEqual(["45", "44.5", "2.25", "1", "3.1", "0.3", "-1.5"]);
    expect(num(10.0)).toBe("10");
    expect(num(100.004)).toBe("100");
    // Only trailing zeros go: an inner zero stays.
    expect([num(10.5), num(100.25), num(20.05)]).toEqual(["10.5", "100.25", "20.05"]);
  });

  it("a score without a maximum is the points alone; a percent is rounded to one place", () => {
    expect(scoreText(7, null)).toBe("7");
    expect(scoreText(7, 0)).toBe("7");
    expect(scoreText(0, 50)).toBe("0/50 (0%)");
    expect(scoreText(2, 3)).toBe("2/3 (66.7%)");
    expect(scoreText(null, 10)).toBeUndefined();
  });
});

describe("words", () => {
  it("says each Halo status in the student's words", () => {
    expect(["UPCOMING", "ACTIVE", "IN_PROGRESS", "SUBMITTED", "LATE", "OVERDUE", "REASSIGNED", "PUBLISHED"].map(statusWord)).toEqual([
      "not open yet", "not submitted", "started, not submitted", "submitted", "submitted late", "overdue, not submitted", "reassigned: resubmit", "graded",
    ]);
    expect(statusWord(null)).toBe("no status");
    expect(statusWord("")).toBe("no status");
    expect(statusWord("NEEDS_A_LOOK")).toBe("needs a look");
  });

  it("a deadline is met only once the work is in or graded", () => {
    expect(["SUBMITTED", "LATE", "PUBLISHED"].map(deadlineMet)).toEqual([true, true, true]);
    expect(["ACTIVE", "OVERDUE", "REASSIGNED", "IN_PROGRESS", "UPCOMING", "", null, undefined].map(deadlineMet)).toEqual([false, false, false, false, false, false, false, false]);
  });

  it("names item types", () => {
    expect(["ASSIGNMENT", "DISCUSSION_QUESTION", "QUIZ", "PARTICIPATION", "LTI", "SURVEY"].map(typeWord)).toEqual(["assignment", "discussion", "quiz", "participation", "external tool", "survey"]);
    expect(typeWord(null)).toBe("item");
    expect(typeWord("")).toBe("item");
  });

  it("tags in lower case with spaces, nulls dropped", () => {
    expect(tagList(["IN_PERSON", null, "", "Benchmark_Final"])).toEqual(["in person", "benchmark final"]);
    expect(tagList(null)).toEqual([]);
  });
});

describe("dates and links", () => {
  it("the grade row's own dates win over the assessment's; nothing gives undefined", () => {
    expect(dueOf({ dueDate: "2026-11-22 06:59:00" }, { dueDate: "2026-11-29 06:59:00", accommodatedDueDate: null })?.toISOString()).toBe("2026-11-22T06:59:00.000Z");
    expect(dueOf({ dueDate: "", accommodatedDueDate: "" }, { dueDate: "2026-11-29 06:59:00" })?.toISOString()).toBe("2026-11-29T06:59:00.000Z");
    expect(dueOf(undefined, undefined)).toBeUndefined();
  });

  it("whenAt adds the relative phrase only for a deadline ahead and not met", () => {
    expect(whenAt("2026-11-23 06:59:00", CLOCK)).toBe("Sun Nov 22 11:59 PM (in 1 day)");
    expect(whenAt("2026-11-23 06:59:00", CLOCK, true)).toBe("Sun Nov 22 11:59 PM");
    expect(whenAt(null, CLOCK)).toBeUndefined();
  });

  it("dayOf leaves out the year only when it is now's year", () => {
    const d = new Date("2026-11-22T06:59:00Z");
    expect(dayOf(d, CLOCK.tz, CLOCK.now)).toBe("Nov 21");
    expect(dayOf(d, CLOCK.tz, new Date("2027-01-05T00:00:00Z"))).toBe("Nov 21 2026");
    expect(dayOf(d, "UTC", CLOCK.now)).toBe("Nov 22");
    expect(dayOf(undefined, CLOCK.tz)).toBeUndefined();
  });

  it("class links drop trailing slashes and encode the slug", () => {
    expect(classLink("https://halo.gcu.edu//", "CST 323/x")).toBe("https://halo.gcu.edu/courses/CST%20323%2Fx");
    expect(assessmentLink("https://halo.gcu.edu//", "S", { id: "q 1", type: "QUIZ" })).toBe("https://halo.gcu.edu/quiz/q%201");
  });
});
