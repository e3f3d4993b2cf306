import { describe, expect, it } from "vitest";
import type { PlannerClass } from "../../src/assistant/load.js";
import { classPolicy, loadWork, scopeLabel } from "../../src/assistant/work.js";
import { withDegradedNotes } from "../../src/halo/degraded.js";
import { HaloError } from "../../src/halo/errors.js";
import { Cache } from "../../src/queries/cache.js";
import type { ToolContext } from "../../src/queries/context.js";
import { BASE, NOW, grade } from "./fixtures.js";

const cls = (code: string, stage = "CURRENT"): PlannerClass => ({ id: `id-${code}`, slugId: `${code}-O500`, classCode: `${code}-O500`, courseCode: code, name: `${code} class`, stage });
const CST = cls("CST-323"), ENG = cls("ENG-106"), UNV = cls("UNV-103", "POST");
const detail = (c: PlannerClass, p: Record<string, unknown> = {}) => ({ id: c.id, slugId: c.slugId, units: [], instructors: [], holidays: [], gradeScale: [], resources: [], participationPolicy: null, ...p });

/** A context whose cache already holds what Halo would return; any Halo query is recorded and answered by `query`. */
function fakeCtx(cached: Record<string, unknown>, query: (op: string) => unknown = () => { throw new HaloError("http", "down", { status: 503 }); }) {
  const asked: string[] = [];
  const cache = new Cache(() => 0);
  for (const [k, v] of Object.entries(cached)) void cache.get(k, 60_000, async () => v);
  const ctx = {
    classes: { list: async () => [CST, ENG, UNV] },
    cache,
    now: () => NOW,
    config: { halo: { baseUrl: BASE } },
    progress: async () => undefined,
    halo: { query: async (req: { operationName: string }) => (asked.push(req.operationName), query(req.operationName)) },
  } as unknown as ToolContext;
  return { ctx, asked };
}

describe("loading work across classes", () => {
  const dq = grade({ id: "g-dq", assessment: { id: "DQ", type: "DISCUSSION_QUESTION" } });
  const graded = grade({ id: "g-pub", status: "PUBLISHED", finalPoints: 9, assessment: { id: "PUB", type: "DISCUSSION_QUESTION" } });
  const essay = grade({ id: "g-essay", assessment: { id: "ESSAY", title: "Essay" } });
  const books = { "grades:CST-323-O500": { finalGrade: null, grades: [dq, graded] }, "grades:ENG-106-O500": { finalGrade: null, grades: [essay] } };
  const details = {
    "class:CST-323-O500": detail(CST, { participationPolicy: { numDays: 3, numPosts: 4 } }),
    "class:ENG-106-O500": detail(ENG, { units: [{ assessments: [{ id: "ESSAY", isGroupEnabled: true, startDate: "2026-11-16 07:00:00" }] }] }),
  };

  it("the gradebook core alone by default: current classes' items and grade rows, no class detail", async () => {
    const { ctx, asked } = fakeCtx(books);
    const w = await loadWork(ctx);
    expect(asked).toEqual([]);
    expect(w.classes.map((c) => c.courseCode)).toEqual(["CST-323", "ENG-106"]);
    expect(w.fan.loaded.map((l) => l.cls.courseCode)).toEqual(["CST-323", "ENG-106"]);
    expect(w.items.map((i) => `${i.cls.courseCode}:${i.assessmentId}:${i.state}`)).toEqual(["CST-323:DQ:not_started", "CST-323:PUB:graded", "ENG-106:ESSAY:not_started"]);
    expect([w.policies.size, w.items[2]!.groupWork, w.items[2]!.start]).toEqual([0, undefined, undefined]);
    expect([...w.grades.keys()]).toEqual(["g-dq", "g-pub", "g-essay"]);
  });

  it("class facts: each class's policy, and start dates and group flags from class detail", async () => {
    const { ctx, asked } = fakeCtx({ ...books, ...details });
    const w = await loadWork(ctx, undefined, { classFacts: true });
    expect(asked).toEqual([]);
    const e = w.items[2]!;
    expect([e.groupWork, e.start?.toISOString(), e.link]).toEqual([true, "2026-11-16T07:00:00.000Z", `${BASE}/courses/ENG-106-O500/groups?assessmentId=ESSAY`]);
    expect([...w.policies]).toEqual([[CST.id, { numDays: 3, numPosts: 4 }], [ENG.id, undefined]]);
  });

  it("groups: the groups companion is merged into the core", async () => {
    const withGroup = (b: { grades: Array<ReturnType<typeof grade>> }) => ({ ...b, grades: b.grades.map((g) => ({ ...g, assessmentGroup: { id: "t", name: "Team" }, assessment: { ...g.assessment, isGroupEnabled: true } })) });
    const { ctx } = fakeCtx({ ...books, "grades:CST-323-O500:groups": withGroup, "grades:ENG-106-O500:groups": withGroup });
    const w = await loadWork(ctx, undefined, { groups: true });
    expect(w.items.map((i) => i.group)).toEqual(["Team", "Team", "Team"]);
  });

  it("one named class, any stage", async () => {
    const { ctx } = fakeCtx({ "grades:UNV-103-O500": { finalGrade: null, grades: [] } });
    const w = await loadWork(ctx, "UNV-103");
    expect([w.classes.map((c) => c.courseCode), w.items, w.policies.size]).toEqual([["UNV-103"], [], 0]);
  });

  it("class detail failing costs only the policy and the flags, and says so", async () => {
    const { ctx, asked } = fakeCtx(books);
    const { result: w, notes } = await withDegradedNotes(() => loadWork(ctx, undefined, { classFacts: true }));
    expect(asked).toEqual(["GetCourseClassBySlugId", "GetCourseClassBySlugId"]);
    expect(w.items.map((i) => i.assessmentId)).toEqual(["DQ", "PUB", "ESSAY"]);
    expect(w.items[2]!.groupWork).toBeUndefined();
    expect([...w.policies]).toEqual([[CST.id, undefined], [ENG.id, undefined]]);
    expect(notes).toEqual([{ feature: "participation policy, start dates and group flags", detail: "class details could not be read" }]);
  });

  it("a class whose gradebook fails is reported once, as failed, not also as missing its class facts", async () => {
    const { ctx } = fakeCtx({ "grades:CST-323-O500": books["grades:CST-323-O500"], "class:CST-323-O500": details["class:CST-323-O500"] });
    const { result: w, notes } = await withDegradedNotes(() => loadWork(ctx, undefined, { classFacts: true }));
    expect(w.fan.failed.map((f) => [f.cls.courseCode, f.reason])).toEqual([["ENG-106", "Halo error (http 503): down"]]);
    expect([...w.policies.keys()]).toEqual([CST.id]);
    expect(notes).toEqual([]);
  });

  it("a session failure while reading class detail fails the call", async () => {
    for (const kind of ["auth", "session_expired", "no_credentials"] as const) {
      const { ctx } = fakeCtx(books, () => { throw new HaloError(kind, "log in"); });
      await expect(loadWork(ctx, undefined, { classFacts: true })).rejects.toMatchObject({ kind });
    }
  });
});

describe("a class's participation policy", () => {
  it("read from cached class detail; none when Halo has none", async () => {
    const { ctx } = fakeCtx({ "class:CST-323-O500": detail(CST, { participationPolicy: { numDays: 2, numPosts: 0 } }), "class:ENG-106-O500": detail(ENG) });
    expect(await classPolicy(ctx, CST)).toEqual({ numDays: 2, numPosts: 0 });
    expect(await classPolicy(ctx, ENG)).toBeUndefined();
  });
  it("a class detail that cannot be read costs only the policy, and says so", async () => {
    const { ctx } = fakeCtx({});
    expect(await withDegradedNotes(() => classPolicy(ctx, CST))).toEqual({ result: undefined, notes: [{ feature: "participation policy", detail: "class details could not be read" }] });
  });
  it("a class detail Halo does not return is no policy", async () => {
    const { ctx, asked } = fakeCtx({}, () => ({ getCourseClassBySlugId: null }));
    expect(await classPolicy(ctx, CST)).toBeUndefined();
    expect(asked).toEqual(["GetCourseClassBySlugId"]);
  });
});

describe("scope label", () => {
  it("names the one class, or counts the current ones", () => {
    expect(scopeLabel([CST], "cst")).toBe("CST-323 CST-323 class");
    expect(scopeLabel([], "BIO-999")).toBe("BIO-999");
    expect(scopeLabel([CST, ENG])).toBe("2 current classes (CST-323, ENG-106)");
    expect(scopeLabel([CST])).toBe("1 current class (CST-323)");
    expect(scopeLabel([])).toBe("0 current classes (none)");
  });
});
