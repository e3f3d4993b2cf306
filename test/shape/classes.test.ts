import { describe, expect, it } from "vitest";
import { classLine, instructorNames, renderClassList, renderUser, sortClasses } from "../../src/shape/classes.js";
import type { ClassSummary } from "../../src/queries/class-directory.js";

const cls = (courseCode: string, slugId: string, stage: string, startDate: string): ClassSummary => ({
  id: slugId, slugId, classCode: slugId.slice(0, -9), courseCode, name: `${courseCode} class`, stage, startDate,
});

describe("renderClassList", () => {
  it("shows a slug only for a course taken more than once", () => {
    const text = renderClassList(
      [
        cls("CST-323", "CST-323-O500-20261028", "CURRENT", "2026-10-28 07:00:00"),
        cls("CST-323", "CST-323-O100-20250901", "POST", "2025-09-01 07:00:00"),
        cls("ENG-106", "ENG-106-M300A-20261104", "CURRENT", "2026-11-04 07:00:00"),
      ],
      1, 50, "America/Phoenix",
    );
    const lines = text.split("\n").filter((l) => l.startsWith("- "));
    expect(lines.filter((l) => l.includes("class_ref: CST-323-"))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith("- ENG-106"))).not.toContain("class_ref:");
    expect(text).toMatch(/^Your 3 classes \(class_ref for any tool: the course code, or the slug shown where a code repeats; year 2026 unless shown\):/);
    expect(lines.at(-1)).toBe("- CST-323 CST-323 class · finished · Sep 1 2025 · class_ref: CST-323-O100-20250901");
  });

  it("says the usual modality and year once; lines show only what differs", () => {
    const full = (code: string, modality: string | undefined, startDate: string, endDate: string): ClassSummary => ({
      ...cls(code, `${code}-X-1`, "CURRENT", startDate), endDate, modality, credits: 4,
      instructors: [{ baseRoleName: "INSTRUCTOR", user: { firstName: "Ada", lastName: code } }],
    } as ClassSummary);
    const text = renderClassList(
      [
        full("AAA-101", "ONLINE", "2026-10-28 07:00:00", "2026-12-23 06:59:00"),
        full("BBB-101", "ONGROUND", "2026-11-04 07:00:00", "2026-12-30 06:59:00"),
        full("CCC-101", "ONLINE", "2026-12-01 07:00:00", "2027-01-05 06:59:00"),
        full("DDD-101", undefined, "2026-09-01 07:00:00", "2026-10-01 06:59:00"),
      ],
      1, 50, "America/Phoenix",
    );
    expect(text).toBe([
      "Your 4 classes (class_ref for any tool: the course code; online and year 2026 unless shown):",
      "- CCC-101 CCC-101 class · current · 4 credits · Dec 1 – Jan 4 2027 · instructor Ada CCC-101",
      "- BBB-101 BBB-101 class · current · onground · 4 credits · Nov 4 – Dec 29 · instructor Ada BBB-101",
      "- AAA-101 AAA-101 class · current · 4 credits · Oct 28 – Dec 22 · instructor Ada AAA-101",
      "- DDD-101 DDD-101 class · current · modality not given · 4 credits · Sep 1 – Sep 30 · instructor Ada DDD-101",
    ].join("\n"));
    // Nothing shared by two classes: nothing said once, every line whole.
    const one = renderClassList([full("AAA-101", "ONLINE", "2026-10-28 07:00:00", "2026-12-23 06:59:00")], 1, 50, "America/Phoenix");
    expect(one).toBe("Your 1 classes (class_ref for any tool: the course code; year 2026 unless shown):\n- AAA-101 AAA-101 class · current · online · 4 credits · Oct 28 – Dec 22 · instructor Ada AAA-101");
  });
});

describe("class order and lines", () => {
  const full = (over: Partial<ClassSummary>): ClassSummary => ({ ...cls("CST-323", "CST-323-O500-20261028", "CURRENT", "2026-10-28 07:00:00"), ...over });

  it("sorts current, then not started, then finished, then unknown stages; newest start first within a stage", () => {
    const list = [
      full({ slugId: "post", stage: "POST" }),
      full({ slugId: "odd", stage: "WITHDRAWN" }),
      full({ slugId: "pre", stage: "PRE_START" }),
      full({ slugId: "cur-old", startDate: "2026-08-01 07:00:00" }),
      full({ slugId: "cur-undated", startDate: undefined }),
      full({ slugId: "cur-new", startDate: "2026-10-28 07:00:00" }),
    ];
    expect(sortClasses(list).map((c) => c.slugId)).toEqual(["cur-new", "cur-old", "cur-undated", "pre", "post", "odd"]);
  });

  it("one line per class: code and name, stage, modality, credits, term range, instructors, slug", () => {
    const c = full({
      name: "Cloud &amp; Ops", modality: "ONLINE", credits: 4, startDate: "2026-10-28 07:00:00", endDate: "2026-12-21 06:59:00",
      instructors: [{ user: { firstName: "Ada", lastName: "Byron" } }, null, { user: null }, { user: { preferredFirstName: "Sam", firstName: "Samuel", lastName: "Lee" } }, { user: { firstName: "Ada", lastName: "Byron" } }],
    });
    expect(classLine(c, "America/Phoenix")).toBe("- CST-323 Cloud & Ops · current · online · 4 credits · Oct 28 – Dec 20 2026 · instructors Ada Byron, Sam Lee · class_ref: CST-323-O500-20261028");
    expect(instructorNames(c)).toBe("Ada Byron, Sam Lee");
    expect(classLine(full({ stage: "PRE_START", credits: 0, instructors: [{ user: { firstName: "Ada", lastName: "Byron" } }] }), "America/Phoenix", false)).toBe("- CST-323 CST-323 class · not started · 0 credits · Oct 28 2026 · instructor Ada Byron");
    expect(classLine(full({ stage: "SOME_STAGE", startDate: undefined }), "America/Phoenix", false)).toBe("- CST-323 CST-323 class · some_stage");
    expect(instructorNames(full({ instructors: null }))).toBeUndefined();
  });

  it("a term range across years names both; an end before the start shows each day on its own", () => {
    expect(classLine(full({ stage: "POST", startDate: "2026-12-01 07:00:00", endDate: "2027-01-15 07:00:00" }), "America/Phoenix", false)).toBe("- CST-323 CST-323 class · finished · Dec 1 2026 – Jan 15 2027");
    expect(classLine(full({ startDate: "2026-12-01 07:00:00", endDate: "2026-11-01 07:00:00" }), "America/Phoenix", false)).toBe("- CST-323 CST-323 class · current · Dec 1 2026 – Nov 1 2026");
    expect(classLine(full({ startDate: undefined, endDate: "2026-11-01 07:00:00" }), "America/Phoenix", false)).toBe("- CST-323 CST-323 class · current · Nov 1 2026");
  });

  it("pages the list and says so only when classes are on other pages", () => {
    const list = ["A", "B", "C"].map((x, i) => full({ courseCode: `X-${x}`, slugId: `S-${x}`, startDate: `2026-0${i + 1}-01 07:00:00` }));
    const p2 = renderClassList(list, 2, 2, "UTC");
    expect(p2.split("\n")).toEqual(["Your 3 classes (class_ref for any tool: the course code):", "- X-A CST-323 class · current · Jan 1 2026", "Showing 3–3 (page 2 of 2)."]);
    expect(renderClassList(list, 1, 5, "UTC").split("\n")).toHaveLength(4);
    expect(renderClassList([], 1, 5, "UTC")).toBe("Halo lists no classes for you.");
  });
});

describe("renderUser", () => {
  const c = { tz: "America/Phoenix", now: new Date("2026-11-21T17:00:00Z") };
  it("names the person, marks the student, and lists username, status, last login and contacts", () => {
    expect(renderUser({ id: "u", firstName: "Ada", lastName: "Byron", username: "abyron", userStatus: "ACTIVE", lastLogin: "2026-11-20T17:00:00Z", socialContacts: [{ socialContactType: "WORK_EMAIL", value: "ada@gcu.edu" }, { socialContactType: null, value: "555" }, { socialContactType: "PHONE", value: "" }, null] }, true, c)).toBe(
      "Ada Byron (you)\nusername: abyron · status: active · last login: Fri Nov 20 10 AM\nwork email: ada@gcu.edu\ncontact: 555",
    );
    expect(renderUser({ id: "u", firstName: "Sam" }, false, c)).toBe("Sam");
  });
});
