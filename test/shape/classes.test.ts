import { describe, expect, it } from "vitest";
import { renderClassList } from "../../src/shape/classes.js";
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
    expect(text).toMatch(/^Your 3 classes \(class_ref for any tool: the course code, or the slug shown where a code repeats\):/);
  });
});
