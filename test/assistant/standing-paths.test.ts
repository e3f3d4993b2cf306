/** Standing arithmetic, export paths and scope labels, value by value (found by mutation testing). */
import { mkdtempSync, realpathSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { WorkItem } from "../../src/assistant/items.js";
import { resolveExportPath } from "../../src/assistant/paths.js";
import { pts, standingOf, titles } from "../../src/assistant/standing.js";
import { scopeLabel } from "../../src/assistant/work.js";
import { CLS } from "./fixtures.js";

let n = 0;
const item = (p: Partial<WorkItem>): WorkItem => ({
  cls: CLS,
  gradeId: `g${++n}`,
  assessmentId: `a${n}`,
  title: `T${n}`,
  kind: "assignment",
  dueSource: "class",
  state: "not_started",
  haloStatus: "ACTIVE",
  link: "x",
  tags: [],
  ...p,
});

describe("standingOf", () => {
  it("counts published points only and sorts work into awaiting, to do and missing", () => {
    const items = [
      item({ state: "graded", score: 45.125, points: 50 }),
      item({ state: "graded", score: 30, points: 40 }),
      item({ state: "graded", points: 20 }), // no published score: not counted
      item({ state: "graded", score: 5 }), // no points: not counted
      item({ state: "submitted", points: 10 }),
      item({ state: "late", points: 10 }),
      item({ state: "not_started" }),
      item({ state: "in_progress" }),
      item({ state: "reassigned" }),
      item({ state: "open", kind: "participation" }),
      item({ state: "missing", points: 15 }),
    ];
    const s = standingOf({ finalGrade: { gradeValue: " B+ ", isPublished: true } } as never, items);
    expect(s).toMatchObject({ letter: "B+", finalPublished: true, earned: 75.13, gradedMax: 90, gradedCount: 2 });
    expect(s.percent).toBeCloseTo((75.125 / 90) * 100, 10);
    expect(s.awaiting.map((i) => i.state)).toEqual(["submitted", "late"]);
    expect(s.todo.map((i) => i.state)).toEqual(["not_started", "in_progress", "reassigned", "open"]);
    expect(s.missing.map((i) => i.state)).toEqual(["missing"]);
  });

  it("no letter, no percentage and unpublished when Halo has none", () => {
    const s = standingOf({ finalGrade: { gradeValue: "  ", isPublished: false } } as never, [item({ state: "submitted" })]);
    expect(s.letter).toBeUndefined();
    expect("letter" in s).toBe(false);
    expect(s.percent).toBeUndefined();
    expect(s.finalPublished).toBe(false);
    expect(standingOf({} as never, []).finalPublished).toBe(false);
    expect(standingOf({ finalGrade: { gradeValue: null, isPublished: true } } as never, []).letter).toBeUndefined();
  });

  it("a score on work that is not graded is never counted", () => {
    const s = standingOf({ finalGrade: null } as never, [item({ state: "graded", score: 8, points: 10 }), item({ state: "submitted", score: 1, points: 10 })]);
    expect([s.earned, s.gradedMax, s.gradedCount, s.percent]).toEqual([8, 10, 1, 80]);
  });

  it("pts sums points (missing ones as zero); titles lists four then counts the rest", () => {
    expect(pts([item({ points: 10 }), item({}), item({ points: 2.5 })])).toBe(12.5);
    const five = ["a", "b", "c", "d", "e"].map((title) => item({ title }));
    expect(titles(five)).toBe('"a", "b", "c", "d" and 1 more');
    expect(titles(five.slice(0, 4))).toBe('"a", "b", "c", "d"');
    expect(titles(five, 2)).toBe('"a", "b" and 3 more');
    expect(titles([])).toBe("");
  });
});

describe("scopeLabel", () => {
  const c1 = { ...CLS, classCode: "O500", stage: "CURRENT" };
  const c2 = { ...c1, id: "c-2", courseCode: "ENG-105", name: "Writing" };
  it("names one class, or counts them with codes", () => {
    expect(scopeLabel([c1], "cst")).toBe("CST-323 Cloud Computing");
    expect(scopeLabel([], "cst")).toBe("cst");
    expect(scopeLabel([c1])).toBe("1 current class (CST-323)");
    expect(scopeLabel([c1, c2])).toBe("2 current classes (CST-323, ENG-105)");
    expect(scopeLabel([])).toBe("0 current classes (none)");
  });
});

describe("resolveExportPath", () => {
  const root = () => mkdtempSync(path.join(tmpdir(), "halo-export-"));
  const at = (dir: string, name: string) => ({ dir, name });

  it("defaults the name, adds the extension once and creates folders inside the downloads folder", async () => {
    const r = realpathSync(root());
    expect(await resolveExportPath(r, undefined, "deadlines.ics", ".ics")).toEqual(at(r, "deadlines.ics"));
    expect(await resolveExportPath(r, "  ", "deadlines.ics", ".ics")).toEqual(at(r, "deadlines.ics"));
    expect(await resolveExportPath(r, "term/fall", "d.ics", ".ics")).toEqual(at(path.join(r, "term"), "fall.ics"));
    expect(await resolveExportPath(r, "x.ICS", "d.ics", ".ics")).toEqual(at(r, "x.ICS"));
  });

  it("makes any name safe: control characters, reserved and over-long names, odd folder names", async () => {
    const r = realpathSync(root());
    expect(await resolveExportPath(r, "my\u0000cal\r\nBEGIN:VEVENT", "d.ics", ".ics")).toEqual(at(r, "my_cal__BEGIN_VEVENT.ics"));
    expect(await resolveExportPath(r, "CON", "d.ics", ".ics")).toEqual(at(r, "_CON.ics"));
    const long = await resolveExportPath(r, "x".repeat(400), "d.ics", ".ics");
    expect(long.name.length).toBeLessThanOrEqual(150);
    expect(long.name.endsWith(".ics")).toBe(true);
    expect(await resolveExportPath(r, "a\u001bb/c", "d.ics", ".ics")).toEqual(at(path.join(r, "a_b"), "c.ics"));
  });

  it("refuses paths outside, the folder itself and folders that link out", async () => {
    const r = root();
    await expect(resolveExportPath(r, "../x.ics", "d.ics", ".ics")).rejects.toThrow(/must be inside your downloads folder .*"\.\.\/x\.ics" is not/);
    await expect(resolveExportPath(r, "/etc/x.ics", "d.ics", ".ics")).rejects.toThrow(/must be inside/);
    await expect(resolveExportPath(r, ".", "d.ics", ".ics")).rejects.toThrow(/must be inside/);
    const outside = root();
    symlinkSync(outside, path.join(r, "out"));
    await expect(resolveExportPath(r, "out/x.ics", "d.ics", ".ics")).rejects.toThrow(/leads outside your downloads folder .* through a link/);
  });
});
