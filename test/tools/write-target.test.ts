/**
 * Which assessment a write may target (src/writes/assignment.ts): ids from other classes, kinds that take no
 * files, group work without a group, the due date that applies, and when work counts as turned in.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import type { ToolContext } from "../../src/queries/context.js";
import { attachedFiles, submissionLink, submittedAt } from "../../src/writes/assignment.js";
import type { Harness } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { auditLines, previewToken, writeCalls } from "../writes/support.js";

const harness = harnessPerTest();
const CLASS = "CST-323";
const cloudOfType = (h: Harness, type: string) => h.sandbox.world.classes.find((c) => c.id === SEED.classes.cloud.id)!.units.flatMap((u) => u.assessments).find((a) => a.type === type)!;

describe("targets a write refuses", () => {
  it("says what each kind of assessment that takes no files is, and sends nothing", async () => {
    const h = await harness();
    const kinds: Array<[string, string]> = [
      ["QUIZ", "a quiz: take it in Halo's web page"],
      ["PARTICIPATION", "a participation grade: it comes from discussion posts, there is nothing to turn in"],
      ["LTI", "work done in an external tool linked from Halo, not submitted here"],
      ["DISCUSSION_QUESTION", "a discussion question: it is answered by posting in its discussion forum in Halo, not by uploading files"],
    ];
    for (const [type, what] of kinds) {
      const a = cloudOfType(h, type);
      const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: a.id });
      expect(r, type).toEqual({ isError: true, text: `"${a.title}" is ${what}. Nothing was changed.` });
    }
    expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
  });

  it("treats an assessment of another class as unknown in this one", async () => {
    const h = await harness();
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.groupProject });
    expect(r).toEqual({ isError: true, text: `CST-323 has no assessment with id ${SEED.assessments.groupProject}. Use view_assignments for this class to get the right id. Nothing was changed.` });
  });

  it("refuses group work while Halo shows no group, pointing at the group page", async () => {
    const h = await harness({ tweak: (s) => void (s.world.groups = s.world.groups.filter((g) => g.assessmentId !== SEED.assessments.groupProject)) });
    writeFileSync(path.join(h.uploadsDir, "g.pdf"), "g");
    const r = await h.call("upload_assignment_file", { class_ref: "ENG-106", assessment_id: SEED.assessments.groupProject, file_path: "g.pdf" });
    const slug = h.sandbox.ids.classes.english.slugId;
    expect(r.text).toBe(
      `"Collaborative Argument Project" is group work, but Halo shows no group for you yet, so a file could not be filed under your group. Check the group page in Halo (${h.config.halo.baseUrl}/courses/${slug}/groups?assessmentId=${SEED.assessments.groupProject}) or ask your instructor. Nothing was changed.`,
    );
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "refused", reason: "assignment not open for this upload" });
  });

  it("passes on a Halo failure of the class's grades instead of calling the id unknown", async () => {
    const h = await harness({ switches: { failClassIds: [SEED.classes.cloud.id], failClassMode: "error" } });
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.upload });
    expect(r.isError).toBe(true);
    expect(r.text).not.toMatch(/has no assessment with id/);
  });
});

describe("reads that fail", () => {
  it("treats a submission Halo refuses to show as another class's, and a broken submission read as a failure", async () => {
    const h = await harness({ switches: { failOperations: { GetUserAssignmentSubmissionForAssessment: "access" } } });
    const denied = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.reassigned });
    expect(denied.text).toBe(`CST-323 has no assessment with id ${SEED.assessments.reassigned}. Use view_assignments for this class to get the right id. Nothing was changed.`);
    h.sandbox.switches.failOperations = { GetUserAssignmentSubmissionForAssessment: "http500" };
    const broken = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.reassigned });
    expect(broken.isError).toBe(true);
    expect(broken.text).not.toMatch(/PREVIEW|has no assessment/);
  });
});

describe("the due date a write shows", () => {
  it("takes the grade's due date first, then the submission's", async () => {
    const A = SEED.assessments.reassigned;
    const h = await harness({
      tweak: (s) => {
        for (const c of s.world.classes) for (const u of c.units) for (const a of u.assessments) if (a.id === A) a.dueDate = "2026-12-01 06:59:00";
        s.world.submissions.find((x) => x.assessmentId === A)!.dueDate = "2026-11-30 06:59:00";
      },
    });
    const due = async () => (await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: A })).text.split("\n")[2];
    expect(await due()).toMatch(/^Due: Thu Nov 26 \(in 5 days\) /);
    h.sandbox.world.grades = h.sandbox.world.grades.filter((g) => g.assessmentId !== A);
    expect(await due()).toMatch(/^Due: Sun Nov 29 \(in 8 days\) /);
  });

  it("uses the student's accommodated due date over the class's", async () => {
    const h = await harness();
    const A = SEED.assessments.reassigned;
    const grade = h.sandbox.world.grades.find((g) => g.assessmentId === A && g.userId === SEED.student.userId)!;
    grade.accommodatedDueDate = "2026-11-29T06:59:00.000Z";
    const { text } = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    expect(text.split("\n")[2]).toBe("Due: Sat Nov 28 (in 7 days) — on time if submitted now.");
  });
});

describe("submission helpers", () => {
  const sub = (over: Record<string, unknown>) => ({ id: "s", resources: [], ...over });
  it("counts a submission as turned in by status or date, unless the grade was reassigned", () => {
    expect(submittedAt({ submission: sub({ status: "SUBMITTED" }) })).toBe("an unknown time");
    expect(submittedAt({ submission: sub({ status: "IN_PROGRESS", submissionDate: "2026-11-20T10:00:00Z" }) })).toBe("2026-11-20T10:00:00Z");
    expect(submittedAt({ submission: sub({ status: "SUBMITTED", submissionDate: "2026-11-20T10:00:00Z" }), grade: { status: "REASSIGNED" } as never })).toBeUndefined();
    expect(submittedAt({ submission: sub({ status: "IN_PROGRESS" }), grade: { status: "PUBLISHED" } as never })).toBeUndefined();
    expect(submittedAt({ submission: null })).toBeUndefined();
  });

  it("lists only attached files that carry a resource id", () => {
    const files = attachedFiles(sub({ resources: [null, { id: "a", resource: null }, { id: "b", resource: { id: "r-b", name: "b.pdf" } }, { id: "c", resource: { id: "" } }] }) as never);
    expect(files.map((f) => f.id)).toEqual(["b"]);
    expect(attachedFiles(null)).toEqual([]);
  });

  it("links to the submission page under the web host, whatever slashes the host ends with", () => {
    const ctx = { config: { halo: { baseUrl: "https://halo.gcu.edu//" } } } as unknown as ToolContext;
    expect(submissionLink(ctx, { slugId: "CST-323-O500-X" } as never, "a1")).toBe("https://halo.gcu.edu/courses/CST-323-O500-X#assignment-submission/a1");
  });
});
