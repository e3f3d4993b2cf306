/**
 * Halo drifting from our documents, through a real MCP client against the sandbox: rejected fields are pruned and
 * remembered, field-level errors never touch the session or claim a class is unavailable, root auth errors are
 * confirmed before anyone is told to log in again.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withDegradedNotes } from "../../src/halo/degraded.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import type { Harness } from "../helpers/harness.js";

const start = harnessPerTest();
const callsOf = (h: Harness, op: string) => h.sandbox.stats.calls.filter((c) => c.operationName === op).length;
const falseAlarm = /not available to you|log in|logged out|Cookie header/i;

// Two fields the gradebook document selects but a newer Halo might not serve.
const DROPPED = ["UserCourseClassAssessmentGrade.rubricScores", "UserCourseClassAssessmentGrade.gradedDate"];

describe("rejected fields (validation failures)", () => {
  for (const status of [400, 200] as const) {
    it(`prunes what Halo rejects (HTTP ${status}), retries once, remembers it and says what is missing`, async () => {
      const h = await start({ switches: { rejectFields: DROPPED, validationStatus: status } });
      const r = await h.call("grades", { class_ref: "CST-323" });
      expect(r.isError).toBe(false);
      expect(r.text).toMatch(/^CST-323/);
      expect(r.text.split("\n").at(-1)).toMatch(/^Note: incomplete answer, Halo did not provide: \w+ \(Halo no longer offers grades\.gradedDate, grades\.rubricScores\)\.$/);
      expect(callsOf(h, "GetAllClassGrades")).toBe(2);
      expect(h.sandbox.stats.refreshes).toBe(0);

      // The pruned document is sent straight away next time, and is on disk for the next start.
      h.context.cache.invalidate();
      const again = await h.call("grades", { class_ref: "CST-323" });
      expect(again.text).toContain("Halo no longer offers grades.gradedDate, grades.rubricScores");
      expect(callsOf(h, "GetAllClassGrades")).toBe(3);
      const saved = JSON.parse(readFileSync(path.join(h.dir, "halo-documents.json"), "utf8")) as { documents: Array<{ operation: string; removed: string[]; query: string }> };
      expect(saved.documents).toEqual([expect.objectContaining({ operation: "GetAllClassGrades", removed: ["getAllClassGrades.grades.gradedDate", "getAllClassGrades.grades.rubricScores"] })]);
      expect(saved.documents[0]!.query).not.toMatch(/rubricScores|gradedDate/);
      expect(h.halo.outcomes()).toContainEqual(expect.objectContaining({ operation: "GetAllClassGrades", status: "pruned" }));

      const check = await h.call("check_tokens");
      expect(check.text).toMatch(/Halo has not provided everything since start: .*grades\.rubricScores.* halo-lms-mcp doctor --live$/m);
    });
  }

  it("a fresh start reuses the healed document from the state file", async () => {
    const first = await start({ switches: { rejectFields: DROPPED } });
    await first.call("grades", { class_ref: "CST-323" });
    const saved = readFileSync(path.join(first.dir, "halo-documents.json"), "utf8");
    const h = await start({ switches: { rejectFields: DROPPED } });
    writeFileSync(path.join(h.dir, "halo-documents.json"), saved);
    const r = await h.call("grades", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(callsOf(h, "GetAllClassGrades")).toBe(1);
  });

  it("matches rejected fields by name when Halo sends no locations", async () => {
    const h = await start({ switches: { rejectFields: DROPPED, validationLocations: false, validationStatus: 400 } });
    const r = await h.call("whats_due", {});
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/Halo no longer offers/);
    expect(h.sandbox.stats.refreshes).toBe(0);
  });

  it("a required field is never pruned: one sentence naming the feature", async () => {
    const h = await start({ switches: { rejectFields: ["UserCourseClassAssessmentGrade.status"] } });
    const req = {
      operationName: "GetAllClassGrades",
      query: "query GetAllClassGrades($courseClassSlugId: String!) { getAllClassGrades(courseClassSlugId: $courseClassSlugId) { grades { id status } } }",
      variables: { courseClassSlugId: (await h.context.classes.resolve("CST-323")).slugId },
      feature: "gradebook",
      required: ["getAllClassGrades.grades.id", "getAllClassGrades.grades.status"],
    };
    await expect(h.halo.api.query(req)).rejects.toThrow(/^Halo no longer offers grades\.status, which the gradebook needs, so the gradebook cannot be read until halo-lms-mcp is updated \(run `halo-lms-mcp doctor --live`[^.]*\)\.$/);
    expect(callsOf(h, "GetAllClassGrades")).toBe(1);
    expect(h.halo.outcomes()).toContainEqual(expect.objectContaining({ operation: "GetAllClassGrades", feature: "gradebook", status: "failed" }));
  });
});

describe("field-level resolver errors", () => {
  it("keep the data of an optional subtree's neighbours and note what is missing", async () => {
    const h = await start({ switches: { fieldErrors: { "CourseClassAssessment.title": "Permission Evaluator exception on Class : 7" } } });
    const slug = (await h.context.classes.resolve("CST-323")).slugId;
    const { result, notes } = await withDegradedNotes(() =>
      h.halo.api.query<{ getAllClassGrades: Array<{ grades: Array<{ id: string; assessment: unknown }> }> }>({
        operationName: "GetAllClassGrades",
        query: "query GetAllClassGrades($courseClassSlugId: String!) { getAllClassGrades(courseClassSlugId: $courseClassSlugId) { grades { id assessment { id title } } } }",
        variables: { courseClassSlugId: slug },
        feature: "gradebook",
        optional: ["getAllClassGrades.grades.assessment"],
      }),
    );
    const rows = result.getAllClassGrades[0]!.grades;
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((g) => typeof g.id === "string" && g.assessment === null)).toBe(true);
    expect(notes).toEqual([{ feature: "gradebook", detail: "grades.assessment unavailable" }]);
    expect(h.sandbox.stats.refreshes).toBe(0);
    expect(h.halo.outcomes()).toContainEqual(expect.objectContaining({ operation: "GetAllClassGrades", status: "partial", missing: ["grades.assessment"] }));
  });

  it("through the MCP client: an error inside the gradebook's optional parts leaves the grades and names what is missing", async () => {
    const h = await start({ switches: { fieldErrors: { "RubricScore.comment": "401: Unauthorized" } } });
    const r = await h.call("grades", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^Final grade not published; published so far \d+\/\d+/m);
    expect(r.text.split("\n").at(-1)).toBe("Note: incomplete answer, Halo did not provide: gradebook (grades.rubricScores unavailable).");
    expect(r.text).not.toMatch(falseAlarm);
    expect(h.sandbox.stats.refreshes).toBe(0);
    expect(callsOf(h, "GetAllClassGrades")).toBe(1);
  });

  for (const message of ["401: Unauthorized", "Permission Evaluator exception on Class : 7", "Jwt is expired"]) {
    it(`"${message}" on one field: no refresh, no "not available", no "log in again"`, async () => {
      const h = await start({ switches: { fieldErrors: { "UserCourseClassAssessmentGrade.status": message } } });
      for (const tool of ["grades", "whats_due", "view_assignments"]) {
        const r = await h.call(tool, tool === "whats_due" ? {} : { class_ref: "CST-323" });
        expect(r.text, tool).not.toMatch(falseAlarm);
      }
      expect(h.sandbox.stats.refreshes).toBe(0);
      expect((await h.call("check_tokens")).text).toMatch(/^Session: OK/m);
    });
  }
});

describe("a root-level auth error is confirmed before blaming the login", () => {
  it("the session still works: one refresh, then the refusal is reported as this request's problem", async () => {
    const h = await start({ switches: { fieldErrors: { "Query.getAllClassGrades": "401: Unauthorized" } } });
    const r = await h.call("grades", { class_ref: "CST-323" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/although your login works/);
    expect(r.text).not.toMatch(falseAlarm);
    expect(h.sandbox.stats.refreshes).toBe(1);
    // The core and its companion documents were refused together: one refresh, one shared canary.
    expect(callsOf(h, "GetUserAlertCount")).toBe(1);
    expect((await h.call("list_classes")).isError).toBe(false);
  });

  it("a genuinely dead session still ends in log in again", async () => {
    const h = await start({ switches: { authFailureMode: "message401" } });
    expect((await h.call("list_classes")).isError).toBe(false);
    h.sandbox.endSession();
    h.sandbox.expireTokens();
    const r = await h.call("grades", { class_ref: "CST-323" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^Your Halo login has ended .*Log in to https:\/\/halo\.sandbox\.test/);
  });
});
