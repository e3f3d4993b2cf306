/** One work item as lines: what each fact adds, and when the discussion and participation lines appear. */
import { describe, expect, it } from "vitest";
import { toWorkItem } from "../../src/assistant/items.js";
import { itemBlock, itemLines, type RenderOpts } from "../../src/assistant/render.js";
import { BASE, CLS, NOW, grade } from "./fixtures.js";

const TZ = "America/Phoenix";
const policies = new Map([[CLS.id, { numPosts: 4, numDays: 3 }]]);
const item = (p: Parameters<typeof grade>[0]) => toWorkItem(CLS, grade(p), BASE, NOW)!;
const render = (p: Parameters<typeof grade>[0], o: Partial<RenderOpts> = {}) => itemLines(item(p), { tz: TZ, now: NOW, policies, ...o });
const dq = (p: Parameters<typeof grade>[0] = {}) => ({ ...p, dueDate: "2026-11-23 06:59:00", assessment: { type: "DISCUSSION_QUESTION", startDate: "2026-11-16 07:00:00", dueDate: "2026-11-23 06:59:00", ...p.assessment } });

describe("the item line", () => {
  it("a future opening date is shown; one that has arrived is not", () => {
    expect(render({ assessment: { id: "A1", title: "Plan", startDate: "2026-11-19 07:00:00" } })).toEqual(['- Fri Nov 20 11:59 PM (in 2 days) — CST-323 Assignment "Plan" · opens Thu Nov 19 12 AM · 100 pts · not started · A1']);
    expect(render({ assessment: { id: "A2", title: "Plan", startDate: "2026-11-18 19:00:00" } })).toEqual(['- Fri Nov 20 11:59 PM (in 2 days) — CST-323 Assignment "Plan" · 100 pts · not started · A2']);
  });
  it("group work without a group name says so; the class's own date adds nothing", () => {
    expect(render({ assessment: { id: "A3", title: "Team", isGroupEnabled: true, points: null } })).toEqual(['- Fri Nov 20 11:59 PM (in 2 days) — CST-323 Assignment "Team" · not started · group work · A3']);
  });
  it("a block is the items' lines in order", () => {
    const o = { tz: TZ, now: NOW };
    const a = item({ assessment: { id: "X1", title: "One" } }), b = item({ assessment: { id: "X2", title: "Two" } });
    expect(itemBlock([a, b], o)).toBe([...itemLines(a, o), ...itemLines(b, o)].join("\n"));
  });
});

describe("the discussion line", () => {
  const second = (p: Parameters<typeof grade>[0], o: Partial<RenderOpts> = {}) => render(dq(p), o)[1];
  it("the derived initial-post deadline while it is ahead, to the minute", () => {
    expect(second({})).toBe("  initial post due by Wed Nov 18 11:59 PM (in 11 hours)");
  });
  it("due by until the deadline minute itself; was due, post it now, after it", () => {
    const ip = new Date("2026-11-19T06:59:00Z");
    expect(second({}, { now: ip })).toBe("  initial post due by Wed Nov 18 11:59 PM");
    expect(second({}, { now: new Date(ip.getTime() + 1) })).toBe("  initial post was due Wed Nov 18 11:59 PM — post it now");
  });
  it("a DQ due by Day 3 has its initial post by the due date", () => {
    expect(second({ assessment: { startDate: "2026-11-21 07:00:00" } })).toBe("  initial post by the due date");
  });
  it("no discussion line once graded, without a due date, without a policy, or for other kinds", () => {
    expect(render(dq({ status: "PUBLISHED", finalPoints: 10 }))).toHaveLength(1);
    expect(render({ dueDate: null, assessment: { type: "DISCUSSION_QUESTION", dueDate: null } })).toHaveLength(1);
    expect(render(dq({}), { policies: new Map() })).toHaveLength(1);
    expect(render(dq({}), { policies: undefined })).toHaveLength(1);
    expect(render({ assessment: { type: "QUIZ", startDate: "2026-11-16 07:00:00" } })).toHaveLength(1);
  });
});

describe("the participation line", () => {
  const part = (gradeId: string) => ({ id: gradeId, assessment: { type: "PARTICIPATION" } });
  it("counts posts when the gradebook says how many, zero included", () => {
    const g = grade(part("gp"));
    const grades = new Map([["gp", { ...g, participationSummary: { allPostsCount: 0 } }]]);
    expect(render(part("gp"), { grades: grades as never })).toEqual([expect.stringMatching(/^- Fri Nov 20 11:59 PM \(in 2 days\) — CST-323 Participation "Item \d+" · 100 pts · in progress, 0 posts counted so far · a-\d+$/)]);
  });
  it("nothing when the count, the summary or the row is missing", () => {
    const g = grade(part("gq"));
    expect(render(part("gq"), { grades: new Map([["gq", { ...g, participationSummary: null }]]) as never })).toHaveLength(1);
    expect(render(part("gq"), { grades: new Map([["gq", { ...g, participationSummary: {} }]]) as never })).toHaveLength(1);
    expect(render(part("gq"), { grades: new Map() })).toHaveLength(1);
    expect(render(part("gq"))).toHaveLength(1);
  });
  it("only participation items get it, whatever their grade row carries", () => {
    const g = grade({ id: "ga" });
    expect(render({ id: "ga" }, { grades: new Map([["ga", { ...g, participationSummary: { allPostsCount: 3 } }]]) as never })).toHaveLength(1);
  });
});
