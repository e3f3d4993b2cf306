import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("grades_summary", () => {
  it("gives each current class's letter, published points and percentage, and what is ungraded", async () => {
    h = await startHarness();
    const r = await h.call("grades_summary", {});
    expect(r.isError).toBe(false);
    // The exact letter Halo states for each class (the sandbox's gradeValue), not any text before the points.
    expect(r.text).toContain("CST-323 Cloud Computing — B+ (Halo's current letter) · 147/165 pts = 89.1% of published work (9 graded items)");
    expect(r.text).toContain("ENG-106 English Composition II — A- (Halo's current letter) · 120/130 pts = 92.3%");
    expect(r.text).toMatch(/awaiting a grade: 5 items, 110 pts \("Topic 2 Quiz", "Topic 3 DQ 1"/);
    expect(r.text).toMatch(/MISSING: 1 item, 120 pts \("Serverless Function Design"\)/);
    // Topic 3 DQ 1 has finalPoints 7 but is not published: its score never appears.
    expect(r.text).not.toMatch(/Topic 3 DQ 1[^\n]*7\/10/);
  });

  it("names a class that failed to load", async () => {
    h = await startHarness({ switches: { failClassIds: [SEED.classes.english.id] } });
    const r = await h.call("grades_summary", {});
    expect(r.text).toContain("CST-323 Cloud Computing —");
    expect(r.text).toMatch(/⚠ ENG-106 .*could not be loaded.*grades are NOT included/);
  });
});

describe("grade_target", () => {
  it("achievable: the average needed on the remaining points, from the class's scale", async () => {
    h = await startHarness();
    const r = await h.call("grade_target", { class_ref: "CST-323", target: "B" });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/target B \(\d+(\.\d+)?%\+\)/);
    expect(r.text).toMatch(/ACHIEVABLE: you need an average of [\d.]+% on the remaining 1045 pts/);
    expect(r.text).toMatch(/If your missing work \("Serverless Function Design", 120 pts\) stays at zero/);
  });

  it("secured and impossible", async () => {
    h = await startHarness();
    const low = await h.call("grade_target", { class_ref: "cloud", target: "12%" });
    expect(low.text).toContain("SECURED");
    const high = await h.call("grade_target", { class_ref: "CST-323", target: "99" });
    expect(high.text).toMatch(/IMPOSSIBLE: even full marks on everything left give 98\.5%/);
  });

  it("what-if applies hypothetical scores without touching Halo", async () => {
    h = await startHarness();
    const base = await h.call("grade_target", { class_ref: "CST-323", target: "A" });
    const wi = await h.call("grade_target", { class_ref: "CST-323", target: "A", what_if: [{ item: "Cloud Architecture Proposal", score: 150 }, { item: "Cloud Service Models", score: 100 }] });
    expect(wi.isError).toBe(false);
    expect(wi.text).toContain('"Cloud Architecture Proposal" = 150/150; "Cloud Service Models Comparison" = 100/100 (actual 88)');
    const need = (t: string) => Number(/average of ([\d.]+)%/.exec(t)?.[1]);
    expect(need(wi.text)).toBeLessThan(need(base.text));
    const bad = await h.call("grade_target", { class_ref: "CST-323", target: "A", what_if: [{ item: "Cloud Architecture Proposal", score: 151 }] });
    expect(bad.isError).toBe(true);
    expect(bad.text).toContain("outside 0–150 points");
  });

  it("a letter not on the scale is an error listing the scale", async () => {
    h = await startHarness();
    const r = await h.call("grade_target", { class_ref: "CST-323", target: "E" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/"E" is not on this class's grade scale \(A, A-, /);
  });
});
