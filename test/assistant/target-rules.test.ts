import { describe, expect, it } from "vitest";
import { applyWhatIf, computeTarget, letterFor, normaliseScale, parseTarget, round } from "../../src/assistant/target.js";

const scale = normaliseScale([
  { label: "A", minPercent: 93, maxPercent: 100 },
  { label: "B+", minPercent: 87, maxPercent: 89.99 },
  { label: "B", minPercent: 83, maxPercent: 86.99 },
]);

describe("grade scale from Halo", () => {
  it("keeps each row's range, trims labels and fills a missing top with 100", () => {
    expect(normaliseScale([{ label: " B ", minPercent: 83, maxPercent: 86.99 }, { label: "A", minPercent: 93, maxPercent: null }])).toEqual([
      { label: "A", minPercent: 93, maxPercent: 100 },
      { label: "B", minPercent: 83, maxPercent: 86.99 },
    ]);
  });
  it("drops empty rows, unlabelled rows and rows without a numeric minimum", () => {
    expect(normaliseScale([null, undefined, { label: "", minPercent: 50 }, { label: "X", minPercent: null }, { label: "P", minPercent: 60, maxPercent: 100 }])).toEqual([{ label: "P", minPercent: 60, maxPercent: 100 }]);
    expect(normaliseScale([])).toEqual([]);
  });
  it("scales a 0–1 scale to percentages, maxima included", () => {
    expect(normaliseScale([{ label: "B", minPercent: 0.83, maxPercent: 0.8699 }, { label: "A", minPercent: 0.93 }, { label: "Top", minPercent: 1, maxPercent: 1.0001 }]).map((e) => [e.label, round(e.minPercent, 2), round(e.maxPercent, 2)])).toEqual([
      ["Top", 100, 100.01],
      ["A", 93, 100],
      ["B", 83, 86.99],
    ]);
  });
  it("a percent scale stays as given even when its lowest row is below 1", () => {
    expect(normaliseScale([{ label: "F", minPercent: 0, maxPercent: 59.99 }])).toEqual([{ label: "F", minPercent: 0, maxPercent: 59.99 }]);
    expect(normaliseScale([{ label: "A", minPercent: 90, maxPercent: 100 }, { label: "F", minPercent: 0 }]).map((e) => e.minPercent)).toEqual([90, 0]);
  });
  it("a percentage exactly on a boundary (to float noise) earns that letter; below every row there is none", () => {
    expect(letterFor(87, scale)).toBe("B+");
    expect(letterFor(87 - 1e-9, scale)).toBe("B+");
    expect(letterFor(86.99, scale)).toBe("B");
    expect(letterFor(50, scale)).toBeUndefined();
  });
});

describe("parsing a target", () => {
  it("percentages with or without a sign, spaces and decimals", () => {
    expect(parseTarget(" 85 ", scale)).toEqual({ percent: 85, label: "85%" });
    expect(parseTarget("85 %", scale)).toEqual({ percent: 85, label: "85%" });
    expect(parseTarget("85.75%", scale)).toEqual({ percent: 85.75, label: "85.75%" });
    expect(parseTarget("100", scale)).toEqual({ percent: 100, label: "100%" });
  });
  it("refuses text around a number and targets above 100%", () => {
    const letters = `"%s" is not on this class's grade scale (A, B+, B); give one of those or a percentage.`;
    for (const t of ["x85", "85x", "85.x", "85%%"]) expect(parseTarget(t, scale)).toEqual({ error: letters.replace("%s", t) });
    expect(parseTarget("100.5", scale)).toEqual({ error: "A target of 100.5% is above 100%." });
  });
  it("letters name their minimum; a class without a scale asks for a percentage", () => {
    expect(parseTarget("b+", scale)).toEqual({ percent: 87, label: "B+ (87%+)" });
    expect(parseTarget("Half", normaliseScale([{ label: "Half", minPercent: 86.55 }]))).toEqual({ percent: 86.55, label: "Half (86.6%+)" });
    expect(parseTarget("B", [])).toEqual({ error: "This class has no grade scale in Halo; give the target as a percentage." });
  });
});

describe("what the rest of the class needs", () => {
  it("needing exactly everything left is achievable at 100%", () => {
    const r = computeTarget([{ points: 100, earned: 50 }, { points: 100 }], 75);
    expect(r).toMatchObject({ verdict: "achievable", neededAverage: 100, earned: 50, gradedMax: 100, remainingMax: 100, totalMax: 200, currentPercent: 50, floorPercent: 25, bestPercent: 75, nearBoundary: true });
  });
  it("a class with no points at all: zero percentages, secured, nothing current", () => {
    const r = computeTarget([], 50);
    expect(r).toEqual({ verdict: "secured", targetPercent: 50, earned: 0, gradedMax: 0, remainingMax: 0, totalMax: 0, bestPercent: 0, floorPercent: 0, nearBoundary: false });
  });
  it("nothing graded yet: no current percentage, the average needed equals the target", () => {
    const r = computeTarget([{ points: 40 }, { points: 60 }], 80);
    expect(r.currentPercent).toBeUndefined();
    expect("currentPercent" in r).toBe(false);
    expect(r.neededAverage).toBeCloseTo(80, 9);
    expect([r.floorPercent, r.bestPercent]).toEqual([0, 100]);
  });
  it("a secured or impossible target has no needed average", () => {
    const parts = [{ points: 100, earned: 90 }, { points: 100 }];
    expect("neededAverage" in computeTarget(parts, 40)).toBe(false);
    expect(computeTarget(parts, 45).verdict).toBe("secured");
    expect("neededAverage" in computeTarget(parts, 96)).toBe(false);
  });
  it("near a boundary means within half a point of the floor or the best, not at half a point", () => {
    const parts = [{ points: 100, earned: 80 }, { points: 100 }];
    expect(computeTarget(parts, 40.3).nearBoundary).toBe(true);
    expect(computeTarget(parts, 40.5).nearBoundary).toBe(false);
    expect(computeTarget(parts, 89.7).nearBoundary).toBe(true);
    expect(computeTarget(parts, 89.5).nearBoundary).toBe(false);
    expect(computeTarget(parts, 65).nearBoundary).toBe(false);
  });
});

describe("what-if scores", () => {
  const items = [
    { id: "a1", title: "Quiz", points: 50 },
    { id: "a2", title: "Quiz 2", points: 50, earned: 30 },
    { id: "a3", title: "Project", points: 100 },
  ];
  it("an exact title wins over fragments; ids and names match case-insensitively after trimming", () => {
    const r = applyWhatIf(items, [{ item: " QUIZ ", score: 0 }, { item: "A3", score: 100 }, { item: "quiz 2", score: 45 }]);
    if ("error" in r) throw new Error(r.error);
    expect(r.applied).toEqual([
      { title: "Quiz", score: 0, points: 50 },
      { title: "Project", score: 100, points: 100 },
      { title: "Quiz 2", score: 45, points: 50, replaced: 30 },
    ]);
    expect(r.items.map((i) => i.earned)).toEqual([0, 45, 100]);
    expect(r.applied.map((a) => "replaced" in a)).toEqual([false, false, true]);
  });
  it("names the items when nothing matches and the candidates when several do", () => {
    expect(applyWhatIf(items, [{ item: "essay", score: 1 }])).toEqual({ error: `No graded item in this class matches "essay". Items: Quiz; Quiz 2; Project.` });
    expect(applyWhatIf(items, [{ item: "qui", score: 1 }])).toEqual({ error: `"qui" matches several items (Quiz; Quiz 2); use a longer title or the id.` });
  });
  it("refuses negative scores and scores above the item's points", () => {
    expect(applyWhatIf(items, [{ item: "project", score: -1 }])).toEqual({ error: `A score of -1 for "Project" is outside 0–100 points.` });
    expect(applyWhatIf(items, [{ item: "project", score: 100.5 }])).toEqual({ error: `A score of 100.5 for "Project" is outside 0–100 points.` });
  });
});
