import { describe, expect, it } from "vitest";
import { coverageNote, failureReason, fanOut, GRADES_TTL, gradesKey, loadGrades, scopeClasses, type PlannerClass } from "../../src/assistant/load.js";
import { HaloError } from "../../src/halo/errors.js";
import { Cache } from "../../src/queries/cache.js";
import type { ToolContext } from "../../src/queries/context.js";

const cls = (code: string, stage = "CURRENT"): PlannerClass => ({ id: `id-${code}`, slugId: `${code}-O500`, classCode: `${code}-O500`, courseCode: code, name: `${code} class`, stage });
const CLASSES = [cls("CST-323"), cls("ENG-106"), cls("UNV-103", "POST"), cls("BIO-101", "PRE_START")];

function fakeCtx(over: { clock?: () => number; progress?: ToolContext["progress"]; query?: (req: unknown) => Promise<unknown> } = {}) {
  const progress: Array<[number, number | undefined, string | undefined]> = [];
  const ctx = {
    classes: { list: async () => CLASSES },
    cache: new Cache(over.clock ?? (() => 1_000)),
    progress: over.progress ?? (async (d: number, t?: number, m?: string) => void progress.push([d, t, m])),
    halo: { query: over.query ?? (async () => ({})) },
  } as unknown as ToolContext;
  return { ctx, progress };
}

describe("which classes a cross-class tool covers", () => {
  it("every current class without a ref, whitespace counting as none", async () => {
    const { ctx } = fakeCtx();
    expect((await scopeClasses(ctx)).map((c) => c.courseCode)).toEqual(["CST-323", "ENG-106"]);
    expect((await scopeClasses(ctx, "  ")).map((c) => c.courseCode)).toEqual(["CST-323", "ENG-106"]);
  });
  it("exactly the named class with a ref, whatever its stage", async () => {
    const { ctx } = fakeCtx();
    expect((await scopeClasses(ctx, "unv-103")).map((c) => c.courseCode)).toEqual(["UNV-103"]);
  });
});

describe("grades through the shared cache", () => {
  it("the core and each companion the tool asks for, on the read tools' keys, kept for the grades TTL", async () => {
    let t = 1_000;
    const { ctx } = fakeCtx({ clock: () => t, query: async () => { throw new Error("no Halo call expected"); } });
    const book = { finalGrade: null, grades: [] };
    await ctx.cache.get(gradesKey("CST-323-O500"), GRADES_TTL, async () => book);
    await ctx.cache.get(`${gradesKey("CST-323-O500")}:groups`, GRADES_TTL, async () => (b: typeof book) => ({ ...b, finalGrade: { gradeValue: "A" } }));
    expect(gradesKey("X")).toBe("grades:X");
    t += GRADES_TTL - 1;
    expect(await loadGrades(ctx, CLASSES[0]!, GRADES_TTL, [])).toBe(book);
    expect(await loadGrades(ctx, CLASSES[0]!, GRADES_TTL, ["groups"])).toEqual({ finalGrade: { gradeValue: "A" }, grades: [] });
    expect(GRADES_TTL).toBe(45_000);
  });
});

describe("why a class did not load", () => {
  it("access problems and other Halo errors say so, with the status when there is one", () => {
    expect(failureReason(new HaloError("access", "denied"))).toBe("access denied by Halo (not enrolled, or access has ended)");
    expect(failureReason(new HaloError("http", "Bad gateway", { status: 502 }))).toBe("Halo error (http 502): Bad gateway");
    expect(failureReason(new HaloError("timeout", "took too long"))).toBe("Halo error (timeout): took too long");
  });
  it("other failures are unexpected errors; long messages are cut to 160 characters", () => {
    expect(failureReason(new TypeError("x is undefined"))).toBe("unexpected error: x is undefined");
    expect(failureReason("boom")).toBe("unexpected error: boom");
    expect(failureReason(new HaloError("upstream", "e".repeat(300)))).toBe(`Halo error (upstream): ${"e".repeat(160)}`);
    expect(failureReason(new Error("f".repeat(300)))).toBe(`unexpected error: ${"f".repeat(160)}`);
  });
  it("a token quoted in an error message never reaches the answer", () => {
    expect(failureReason(new HaloError("http", "rejected Bearer abcdefgh12345678", { status: 400 }))).toBe("Halo error (http 400): rejected Bearer [redacted]");
    expect(failureReason(new Error("sent Bearer abcdefgh12345678"))).toBe("unexpected error: sent Bearer [redacted]");
  });
  it("session-level failures end the whole call", () => {
    for (const kind of ["auth", "session_expired", "no_credentials"] as const) {
      const err = new HaloError(kind, "log in");
      expect(() => failureReason(err)).toThrow(err);
    }
  });
});

describe("loading every class at once", () => {
  it("names the classes that failed, keeps the rest, reports progress per class and the age of cached data", async () => {
    let t = 10_000;
    const { ctx, progress } = fakeCtx({ clock: () => t });
    await ctx.cache.get("k:CST-323", 60_000, async () => 1);
    t += 7_000;
    const out = await fanOut(ctx, CLASSES.slice(0, 2), async (c) => {
      if (c.courseCode === "ENG-106") throw new HaloError("access", "no");
      return c.courseCode.length;
    }, (c) => `k:${c.courseCode}`);
    expect(out.loaded).toEqual([{ cls: CLASSES[0], value: 7, ageMs: 7_000 }]);
    expect(out.failed).toEqual([{ cls: CLASSES[1], reason: "access denied by Halo (not enrolled, or access has ended)" }]);
    expect(progress.map((p) => p[1])).toEqual([2, 2]);
    expect(progress.map((p) => p[0]).sort()).toEqual([1, 2]);
    expect(progress.map((p) => p[2]).sort()).toEqual(["loaded CST-323", "loaded ENG-106"]);
  });
  it("without an age key (or nothing cached) data counts as fetched now; a failing progress report is ignored", async () => {
    const { ctx } = fakeCtx({ progress: async () => Promise.reject(new Error("client gone")) });
    const out = await fanOut(ctx, [CLASSES[0]!], async () => "v");
    expect(out).toEqual({ loaded: [{ cls: CLASSES[0], value: "v", ageMs: 0 }], failed: [] });
    const keyed = await fanOut(ctx, [CLASSES[0]!], async () => "v", () => "never-cached");
    expect(keyed.loaded[0]!.ageMs).toBe(0);
  });
  it("a session failure in any class fails the call", async () => {
    const { ctx } = fakeCtx();
    await expect(fanOut(ctx, CLASSES.slice(0, 2), async () => { throw new HaloError("session_expired", "log in again"); })).rejects.toMatchObject({ kind: "session_expired" });
  });
});

describe("the closing coverage lines", () => {
  const loaded = (code: string, ageMs: number) => ({ cls: cls(code), value: 1, ageMs });
  it("one warning per failed class and one line for data at least five seconds old", () => {
    const note = coverageNote({ loaded: [loaded("CST-323", 4_999), loaded("ENG-106", 5_000), loaded("PSY-102", 12_600)], failed: [{ cls: cls("UNV-103"), reason: "Halo error (timeout): slow" }] }, "deadlines");
    expect(note).toBe(
      "⚠ UNV-103 (UNV-103-O500) could not be loaded — Halo error (timeout): slow. Its deadlines are NOT included above.\n" +
        "Data for ENG-106 is 5 s old, PSY-102 is 13 s old (cached); everything else was fetched just now.",
    );
  });
  it("nothing to say when everything is fresh", () => {
    expect(coverageNote({ loaded: [loaded("CST-323", 0)], failed: [] }, "grades")).toBe("");
  });
});
