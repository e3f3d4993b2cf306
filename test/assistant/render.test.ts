/** Work item lines, value by value (found by mutation testing). */
import { describe, expect, it } from "vitest";
import { normalisePolicy, policyText } from "../../src/assistant/dq.js";
import type { WorkItem } from "../../src/assistant/items.js";
import { dqNote, itemBlock, itemLines, stateLabel } from "../../src/assistant/render.js";
import { CLS, NOW } from "./fixtures.js";

const TZ = "America/Phoenix";
const o = { tz: TZ, now: NOW };
const item = (p: Partial<WorkItem>): WorkItem => ({
  cls: CLS,
  gradeId: "g1",
  assessmentId: "a1",
  title: "Essay",
  kind: "assignment",
  dueSource: "class",
  state: "not_started",
  haloStatus: "ACTIVE",
  link: "https://halo.gcu.edu/x",
  tags: [],
  ...p,
});

describe("stateLabel", () => {
  it("words every state, with published scores", () => {
    expect(stateLabel(item({ state: "graded", score: 45, points: 50 }))).toBe("graded 45/50");
    expect(stateLabel(item({ state: "graded", score: 45 }))).toBe("graded 45");
    expect(stateLabel(item({ state: "graded" }))).toBe("graded");
    expect(stateLabel(item({ state: "submitted" }))).toBe("submitted, awaiting grade");
    expect(stateLabel(item({ state: "late" }))).toBe("submitted late");
    expect(stateLabel(item({ state: "reassigned" }))).toBe("reassigned — resubmit");
    expect(stateLabel(item({ state: "missing" }))).toBe("missing");
    expect(stateLabel(item({ state: "in_progress" }))).toBe("started, not turned in");
    expect(stateLabel(item({ state: "not_started" }))).toBe("not started");
    expect(stateLabel(item({ state: "not_started", kind: "discussion" }))).toBe("no post yet");
    expect(stateLabel(item({ state: "open" }))).toBe("in progress");
  });
});

describe("itemLines", () => {
  it("date first, then kind, title, opening, points, state, date source, group, turn-in time, link", () => {
    const lines = itemLines(
      item({
        due: new Date("2026-11-21T06:59:00Z"),
        start: new Date("2026-11-19T07:00:00Z"),
        points: 100,
        state: "late",
        dueSource: "accommodated",
        group: "Team 2",
        submittedAt: new Date("2026-11-18T18:00:00Z"),
      }),
      o,
    );
    expect(lines).toEqual([
      '- Fri Nov 20 11:59 PM — CST-323 Assignment "Essay" · opens Thu Nov 19 12 AM · 100 pts · submitted late · your accommodated date · group: Team 2 · turned in Wed Nov 18 11 AM · a1',
    ]);
  });

  it("no due date, a start already past, no turn-in time unless turned in, the other date sources", () => {
    const [first] = itemLines(item({ start: new Date("2026-11-01T00:00:00Z"), submittedAt: new Date("2026-11-18T18:00:00Z"), dueSource: "group", kind: "quiz" }), o);
    expect(first).toBe('- no due date — CST-323 Quiz "Essay" · not started · your group\'s date · a1');
    expect(itemLines(item({ dueSource: "extended", kind: "external" }), o)[0]).toBe('- no due date — CST-323 External tool "Essay" · not started · your extended date · a1');
    expect(itemLines(item({ state: "submitted", submittedAt: new Date("2026-11-18T18:00:00Z") }), o)[0]).toContain("· turned in Wed Nov 18 11 AM");
  });

  it("a discussion with a policy gets the derived initial-post line; a passed one says post it now", () => {
    const policies = new Map([[CLS.id, { numDays: 3, numPosts: 3 }]]);
    const dq = item({ kind: "discussion", due: new Date("2026-11-23T06:59:00Z"), start: new Date("2026-11-16T07:00:00Z") });
    const lines = itemLines(dq, { ...o, policies });
    expect(lines[1]).toBe("  initial post due by Wed Nov 18 11:59 PM (in 11 hours)");
    const late = itemLines(dq, { ...o, now: new Date("2026-11-19T08:00:00Z"), policies });
    expect(late[1]).toBe("  initial post was due Wed Nov 18 11:59 PM — post it now");
    expect(itemLines({ ...dq, state: "in_progress", posted: true }, { ...o, policies })[1]).toBe("  initial post done");
    expect(itemLines({ ...dq, start: undefined, due: new Date("2026-11-23T06:59:00Z") }, { ...o, policies })[1]).toBe("  initial post due by Wed Nov 18 11:59 PM (in 11 hours)");
    expect(itemLines({ ...dq, state: "graded" }, { ...o, policies })).toHaveLength(1); // no policy line once graded
    expect(itemLines(dq, o)).toHaveLength(1); // no policy known: no derived deadline claimed
  });

  it("says once for every discussion line what they share: replies, the derivation, each class's policy", () => {
    const other = { ...CLS, id: "c2", courseCode: "ENG-106" };
    const dq = item({ kind: "discussion", due: new Date("2026-11-23T06:59:00Z"), start: new Date("2026-11-16T07:00:00Z") });
    const same = new Map([[CLS.id, { numDays: 3, numPosts: 3 }], ["c2", { numDays: 3, numPosts: 3 }]]);
    expect(dqNote([dq, { ...dq, cls: other }, dq], { ...o, policies: same })).toBe(
      "Discussions: replies by the due date; initial-post dates are derived (Day 3 of the topic week); class policy CST-323, ENG-106: 3 posts on 3 different days.",
    );
    const differ = new Map([[CLS.id, { numDays: 3, numPosts: 3 }], ["c2", { numDays: 0, numPosts: 2 }]]);
    expect(dqNote([dq, { ...dq, cls: other, posted: true }], { ...o, policies: differ })).toBe(
      "Discussions: replies by the due date; initial-post dates are derived (Day 3 of the topic week); class policy CST-323: 3 posts on 3 different days; ENG-106: 2 posts.",
    );
    // Posted already: no derived date shown, so none to explain.
    expect(dqNote([{ ...dq, posted: true }], { ...o, policies: same })).toBe("Discussions: replies by the due date; class policy CST-323: 3 posts on 3 different days.");
    expect(dqNote([{ ...dq, state: "graded" }, item({ title: "Essay" })], { ...o, policies: same })).toBe("");
    expect(dqNote([dq], o)).toBe("");
  });

  it("participation shows the posts counted so far on its line; a title that only repeats the kind is left out", () => {
    const grades = new Map([["g1", { participationSummary: { allPostsCount: 4 } } as never]]);
    const p = item({ kind: "participation", state: "open", title: "Participation" });
    expect(itemLines(p, { ...o, grades })).toEqual(["- no due date — CST-323 Participation · in progress, 4 posts counted so far · a1"]);
    expect(itemLines(p, o)).toEqual(["- no due date — CST-323 Participation · in progress · a1"]);
    expect(itemBlock([p, item({ title: "Two" })], o).split("\n")).toHaveLength(2);
    expect(itemBlock([], o)).toBe("");
  });
});

describe("policies", () => {
  it("normalises numbers and words them", () => {
    expect(normalisePolicy({ numDays: "3", numPosts: 4 } as never)).toEqual({ numDays: 3, numPosts: 4 });
    expect(normalisePolicy({ numDays: -2, numPosts: "x" } as never)).toBeUndefined();
    expect(normalisePolicy({ numDays: 0, numPosts: 1 })).toEqual({ numDays: 0, numPosts: 1 });
    expect(normalisePolicy(null)).toBeUndefined();
    expect(policyText({ numDays: 1, numPosts: 1 })).toBe("1 post on 1 different day");
    expect(policyText({ numDays: 0, numPosts: 2 })).toBe("2 posts");
    expect(policyText({ numDays: 2, numPosts: 0 })).toBe("on 2 different days");
  });
});
