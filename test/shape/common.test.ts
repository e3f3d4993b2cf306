import { describe, expect, it } from "vitest";
import { assessmentLink, dayOf, dueOf, scoreText, statusWord } from "../../src/shape/common.js";
import { decodeEntities, plainText } from "../../src/format/entities.js";
import { rowFromGrade } from "../../src/shape/assignments.js";
import { book, CLOCK } from "../fixtures/read.js";
import { formatDate } from "../../src/format/dates.js";

describe("shared shaping", () => {
  it("an accommodated due date wins, from the grade row or the assessment", () => {
    expect(dueOf({ dueDate: "2026-11-22 06:59:00", accommodatedDueDate: "2026-11-25 06:59:00" })?.toISOString()).toBe("2026-11-25T06:59:00.000Z");
    expect(dueOf({ dueDate: "2026-11-22 06:59:00" }, { accommodatedDueDate: "2026-11-24 06:59:00" })?.toISOString()).toBe("2026-11-24T06:59:00.000Z");
    expect(dueOf(null, { dueDate: "2026-11-22 06:59:00" })?.toISOString()).toBe("2026-11-22T06:59:00.000Z");
  });

  it("a due date just after UTC midnight is the evening before in Arizona", () => {
    const row = rowFromGrade(book.grades.find((g) => g.id === "acc")!);
    expect(formatDate(row.due!, CLOCK.tz)).toBe("Tue Nov 24 2026 11:59 PM");
    expect(dayOf(new Date("2026-11-22T06:59:00Z"), CLOCK.tz)).toBe("Nov 21 2026");
  });

  it("deep links follow Halo's routes", () => {
    const base = "https://halo.gcu.edu/";
    expect(assessmentLink(base, "S-1", { id: "q", type: "QUIZ" })).toBe("https://halo.gcu.edu/quiz/q");
    expect(assessmentLink(base, "S-1", { id: "g", type: "ASSIGNMENT", isGroupEnabled: true })).toBe("https://halo.gcu.edu/courses/S-1/groups?assessmentId=g");
    expect(assessmentLink(base, "S-1", { id: "a", type: "ASSIGNMENT" })).toBe("https://halo.gcu.edu/courses/S-1#assignment-submission/a");
  });

  it("scores and statuses read naturally", () => {
    expect(scoreText(44.5, 50)).toBe("44.5/50 (89%)");
    expect(scoreText(undefined, 50)).toBeUndefined();
    expect(statusWord("OVERDUE")).toBe("overdue, not submitted");
    expect(statusWord("SOMETHING_NEW")).toBe("something new");
  });

  it("decodes entities in plain-text fields and drops invisible characters", () => {
    expect(decodeEntities("This week&#8217;s &amp; next &lt;b&gt; &#x263A; &bogus;")).toBe("This week’s & next <b> ☺ &bogus;");
    expect(plainText(" A\u200Bb\u202E  c ")).toBe("Ab c");
  });
});
