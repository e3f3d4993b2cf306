import { describe, expect, it } from "vitest";
import { applyWhatIf, computeTarget, letterFor, normaliseScale, parseTarget } from "../../src/assistant/target.js";

const scale = normaliseScale([
  { label: "A", minPercent: 93, maxPercent: 100 },
  { label: "B", minPercent: 83, maxPercent: 86.99 },
  { label: "B+", minPercent: 87, maxPercent: 89.99 },
  { label: "A-", minPercent: 90, maxPercent: 92.99 },
  { label: "F", minPercent: 0, maxPercent: 59.99 },
]);

describe("scale", () => {
  it("sorts highest first and maps percentages to letters", () => {
    expect(scale.map((s) => s.label)).toEqual(["A", "A-", "B+", "B", "F"]);
    expect(letterFor(88, scale)).toBe("B+");
    expect(letterFor(92.999, scale)).toBe("A-");
  });
  it("accepts fractional scales", () => {
    expect(normaliseScale([{ label: "A", minPercent: 0.93, maxPercent: 1 }])[0]!.minPercent).toBeCloseTo(93);
  });
  it("parses letters and percentages, rejects unknown letters with the list", () => {
    expect(parseTarget("b+", scale)).toMatchObject({ percent: 87 });
    expect(parseTarget("85%", scale)).toMatchObject({ percent: 85 });
    expect(parseTarget("C", scale)).toMatchObject({ error: expect.stringContaining("A, A-, B+, B, F") });
    expect(parseTarget("120", scale)).toHaveProperty("error");
  });
});

describe("targets", () => {
  const parts = [{ points: 100, earned: 90 }, { points: 100, earned: 80 }, { points: 200 }];
  it("achievable: average needed on what remains", () => {
    const r = computeTarget(parts, 87); // need 348 of 400: 178 of 200 remaining = 89%
    expect(r.verdict).toBe("achievable");
    expect(r.neededAverage).toBeCloseTo(89);
    expect(r.currentPercent).toBeCloseTo(85);
    expect(r.bestPercent).toBeCloseTo(92.5);
  });
  it("secured when zero on the rest still reaches it; impossible when full marks do not", () => {
    expect(computeTarget(parts, 40).verdict).toBe("secured");
    const imp = computeTarget(parts, 93);
    expect(imp.verdict).toBe("impossible");
    expect(imp.bestPercent).toBeCloseTo(92.5);
    expect(imp.nearBoundary).toBe(false);
    expect(computeTarget(parts, 92.8)).toMatchObject({ verdict: "impossible", nearBoundary: true });
  });
  it("with nothing left the current percentage decides", () => {
    expect(computeTarget([{ points: 10, earned: 9 }], 90).verdict).toBe("secured");
    expect(computeTarget([{ points: 10, earned: 8 }], 90).verdict).toBe("impossible");
  });
});

describe("what-if", () => {
  const items = [
    { id: "a1", title: "Topic 5 Quiz", points: 50 },
    { id: "a2", title: "Topic 5 Project", points: 100 },
    { id: "a3", title: "Topic 1 Quiz", points: 50, earned: 40 },
  ];
  it("applies by title fragment or id and reports what it replaced", () => {
    const r = applyWhatIf(items, [{ item: "project", score: 95 }, { item: "a3", score: 50 }]);
    if ("error" in r) throw new Error(r.error);
    expect(r.items.find((i) => i.id === "a2")!.earned).toBe(95);
    expect(r.applied[1]).toMatchObject({ title: "Topic 1 Quiz", replaced: 40 });
    expect(items[2]!.earned).toBe(40); // input untouched
  });
  it("rejects ambiguous names, unknown names and out-of-range scores", () => {
    expect(applyWhatIf(items, [{ item: "quiz", score: 1 }])).toMatchObject({ error: expect.stringContaining("several") });
    expect(applyWhatIf(items, [{ item: "essay", score: 1 }])).toMatchObject({ error: expect.stringContaining("No graded item") });
    expect(applyWhatIf(items, [{ item: "project", score: 101 }])).toMatchObject({ error: expect.stringContaining("0–100") });
  });
});
