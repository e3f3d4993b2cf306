/**
 * `doctor --live` against the loopback sandbox, in-process through runCli: every read document once, a report
 * per document (ok / pruned / partial / failed) that carries no ids, names, tokens or content.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import type { LiveReport } from "../../src/cli/doctor-live.js";
import { setLogSink } from "../../src/log.js";
import { secretsOf, startWorld, type World } from "./support.js";

let world: World;
beforeAll(async () => {
  world = await startWorld();
  setLogSink(() => undefined);
});
afterAll(async () => {
  setLogSink(undefined);
  await world.close();
});
afterEach(() => {
  world.sandbox.resetSwitches();
  // Healed documents persist beside the config: each test starts from the documents as written.
  rmSync(path.join(path.dirname(world.env.HALO_CONFIG!), "halo-documents.json"), { force: true });
});

async function doctor(...flags: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io = { env: world.env, cwd: world.dir, out: (t: string) => (out += t + "\n"), err: () => undefined, stdin: new PassThrough(), interactive: false };
  const r = await runCli(["doctor", ...flags], io);
  return { code: "exitCode" in r ? r.exitCode : -1, out };
}

/** Everything personal the sandbox world holds: none of it may appear in a report. */
function personal(): string[] {
  const w = world.sandbox.world;
  const student = w.users[world.sandbox.ids.student.userId];
  return [
    ...secretsOf(world.sandbox),
    world.sandbox.ids.student.userId,
    ...w.classes.flatMap((c) => [c.id, c.slugId, c.name]),
    ...(student ? [student.firstName, student.lastName] : []),
  ].filter((x): x is string => typeof x === "string" && x.length > 3);
}

describe("doctor --live", () => {
  it("runs every read document once and reports each ok, with nothing personal", async () => {
    world.sandbox.resetStats();
    const r = await doctor("--live");
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/\[ok {2}\] Halo login works/);
    for (const p of personal()) expect(r.out, p).not.toContain(p);
    const report = r.out.slice(r.out.indexOf("Halo compatibility report"));
    const lines = report.split("\n").filter((l) => l.startsWith("["));
    const ops = lines.map((l) => /^\[\w+ *\] (\w+)/.exec(l)?.[1]);
    for (const op of ["GetCourseClassesForUser", "GetCourseClassBySlugId", "GetAllClassGrades", "GetCourseClassAssessmentById", "GetUserAssignmentSubmissionForAssessment",
      "GetAllDQForCourseClass", "Posts", "GetForumNotifications", "GetInboxLeftPanel", "GetPostsForInboxForum", "GetInboxNotifications", "GetUserAlerts", "GetUserAlertCount", "GetUserById"]) {
      expect(ops, op).toContain(op);
    }
    expect(lines.every((l) => l.startsWith("[ok     ]")), report).toBe(true);
    expect(report).toMatch(new RegExp(`^${lines.length} documents: ${lines.length} ok, 0 pruned, 0 partial, 0 failed\\.$`, "m"));
    for (const p of personal()) expect(report, p).not.toContain(p);
    // Smallest page where the document is paged per class (the class list stays whole: it picks the current class).
    const forumLists = world.sandbox.stats.calls.filter((c) => c.operationName === "GetAllDQForCourseClass");
    expect(forumLists.map((c) => c.pgSize)).toEqual([1, 1]);
    expect(world.sandbox.stats.calls.filter((c) => c.operationName === "GetPostsForInboxForum").map((c) => c.pgSize)).toEqual([1]);
    // Reads only: nothing was written.
    expect(world.sandbox.stats.calls.some((c) => /^(BulkAdd|AddStudent|MarkPosts)/.test(c.operationName ?? ""))).toBe(false);
  });

  it("--json says which documents were pruned and which failed, with Halo's message and no ids", async () => {
    world.sandbox.switches.rejectFields = ["UserCourseClassAssessmentGrade.rubricScores"];
    world.sandbox.switches.fieldErrors = { "Query.getUserAlerts": `Permission Evaluator exception on Class : ${world.sandbox.ids.student.userId}` };
    const r = await doctor("--live", "--json");
    expect(r.code, r.out).toBe(1);
    const report = JSON.parse(r.out) as LiveReport;
    expect(report.documents).toContainEqual(expect.objectContaining({ operation: "GetAllClassGrades", status: "pruned", removed: ["getAllClassGrades.grades.rubricScores"] }));
    const alerts = report.documents.find((d) => d.operation === "GetUserAlerts");
    expect(alerts).toMatchObject({ status: "failed" });
    expect(alerts?.message).toMatch(/not available to your account/);
    // The single-grade read selects the same field on the same type: healed too.
    const pruned = report.documents.filter((d) => d.status === "pruned");
    expect(pruned.map((d) => d.operation).sort()).toEqual(["GetAllClassGrades", "GetGradeForUserCourseClassAssessment"]);
    expect(pruned.every((d) => d.removed?.length === 1 && d.removed[0]!.endsWith(".rubricScores"))).toBe(true);
    expect(report.summary.pruned).toBe(2);
    expect(report.summary.failed, JSON.stringify(report.documents.filter((d) => d.status === "failed"))).toBe(1);
    for (const p of personal()) expect(r.out, p).not.toContain(p);

    // The plain doctor remembers what was healed (from the state file) and asks for the live report.
    const plain = await doctor();
    expect(plain.out).toContain("[warn] Halo no longer offers getAllClassGrades.grades.rubricScores (GetAllClassGrades); the server works around it");
    expect(plain.out).toContain("fix: run `halo-lms-mcp doctor --live`");
  });

  it("--json needs --live", async () => {
    expect((await doctor("--json")).code).toBe(2);
  });
});
