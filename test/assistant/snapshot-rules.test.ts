import { describe, expect, it } from "vitest";
import { toWorkItem, type WorkItem } from "../../src/assistant/items.js";
import { classMark, diffClass, emptyState, markOf, parseState } from "../../src/assistant/snapshot.js";
import { BASE, CLS, NOW, grade } from "./fixtures.js";

const item = (g: ReturnType<typeof grade>): WorkItem => toWorkItem(CLS, g, BASE, NOW)!;
const row = (id: string, p: Parameters<typeof grade>[0] = {}) => item(grade({ ...p, assessment: { ...p.assessment, id } }));
const types = (prev: ReturnType<typeof classMark>, now: WorkItem[]) => diffClass(prev, now).map((c) => `${c.type}:${c.item.assessmentId}`);

describe("what a mark remembers", () => {
  it("status, the published score and the due time in epoch minutes", () => {
    expect(markOf(row("A", { status: "PUBLISHED", finalPoints: 88 }))).toEqual(["PUBLISHED", 88, Math.round(Date.parse("2026-11-21T06:59:00Z") / 60_000)]);
    expect(markOf(row("B", { dueDate: null, assessment: { dueDate: null } }))).toEqual(["ACTIVE", null, null]);
  });
  it("a score on an item that is not graded, or a graded item without a score, is remembered as no score", () => {
    expect(markOf({ ...row("C"), state: "submitted", score: 12 })[1]).toBeNull();
    expect(markOf({ ...row("D", { status: "PUBLISHED" }), score: undefined })[1]).toBeNull();
  });
  it("a class mark records the code, the time read and one mark per assessment", () => {
    const m = classMark("CST-323", NOW, [row("A"), row("B", { status: "LATE" })]);
    expect(m.code).toBe("CST-323");
    expect(m.at).toBe("2026-11-18T19:00:00.000Z");
    expect(Object.keys(m.items)).toEqual(["A", "B"]);
    expect(m.items.B![0]).toBe("LATE");
  });
});

describe("what changed against the marks", () => {
  const prev = classMark("CST-323", NOW, [
    row("A", { status: "SUBMITTED" }),
    row("B", { status: "PUBLISHED", finalPoints: 80 }),
    row("R", { status: "REASSIGNED" }),
    row("N", { dueDate: null, assessment: { dueDate: null } }),
  ]);
  it("nothing moved: no changes", () => {
    const same = [row("A", { status: "SUBMITTED" }), row("B", { status: "PUBLISHED", finalPoints: 80 }), row("R", { status: "REASSIGNED" }), row("N", { dueDate: null, assessment: { dueDate: null } })];
    expect(diffClass(prev, same)).toEqual([]);
  });
  it("a grade that disappears (unpublished again) is not a change; a still-reassigned item is not reported again", () => {
    expect(types(prev, [row("B", { status: "SUBMITTED" }), row("R", { status: "REASSIGNED" })])).toEqual([]);
  });
  it("a date appearing or vanishing is not a move; a real move reports the old time", () => {
    expect(types(prev, [row("N"), row("A", { status: "SUBMITTED", dueDate: null, assessment: { dueDate: null } })])).toEqual([]);
    const moved = diffClass(prev, [row("A", { status: "SUBMITTED", dueDate: "2026-11-22 06:59:00" })]);
    expect(moved).toEqual([{ type: "due_moved", item: expect.objectContaining({ assessmentId: "A" }), previousDue: new Date("2026-11-21T06:59:00Z") }]);
  });
  it("a first grade carries no previous score; a regrade carries the old one", () => {
    const out = diffClass(prev, [row("A", { status: "PUBLISHED", finalPoints: 90 }), row("B", { status: "PUBLISHED", finalPoints: 85 })]);
    expect(out.map((c) => [c.type, "previousScore" in c ? c.previousScore : "none"])).toEqual([["graded", "none"], ["regraded", 80]]);
  });
});

describe("reading the state file", () => {
  const good = { version: 1, lastCheck: "2026-11-18T19:00:00.000Z", classes: { "c-1": { code: "CST-323", at: "2026-11-18T19:00:00.000Z", items: {} } } };
  it("keeps a well-formed state, feeds included", () => {
    const feeds = { alerts: "2026-11-18T19:00:00.000Z" };
    expect(parseState(JSON.stringify({ ...good, feeds }))).toEqual({ ...good, feeds });
  });
  it("treats non-object feeds as none", () => {
    expect(parseState(JSON.stringify({ ...good, feeds: "x" }))?.feeds).toEqual({});
    expect(parseState(JSON.stringify({ ...good, feeds: null }))?.feeds).toEqual({});
  });
  it("refuses anything that is not a version-1 state with a real time and a classes object", () => {
    for (const bad of [null, 5, { ...good, version: undefined }, { ...good, lastCheck: 5 }, { ...good, lastCheck: "soon" }, { ...good, classes: null }, { ...good, classes: "x" }]) {
      expect(parseState(JSON.stringify(bad))).toBeUndefined();
    }
  });
  it("an empty state starts the watermark now", () => {
    expect(emptyState(NOW)).toEqual({ version: 1, lastCheck: "2026-11-18T19:00:00.000Z", classes: {}, feeds: {} });
  });
});
