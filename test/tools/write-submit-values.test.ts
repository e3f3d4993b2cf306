/**
 * submit_assignment, value by value: the preview the student approves, the body sent to Halo, and a result
 * that says "submitted" only when Halo's fresh record shows it (whatever the submit call itself answered).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import type { Harness, HarnessOptions } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { approved, auditLines, previewToken } from "../writes/support.js";

const harness = harnessPerTest();
const CLASS = "CST-323";
const FOOTER = "All times Arizona (MST); year 2026 unless shown.";
/** The legend of an answer whose own dates were at 11:59 PM: the time is said there once. */
const FOOTER_AT = "All times Arizona (MST); year 2026 and time 11:59 PM unless shown.";
const submissionOf = (h: Harness, id: string) => h.sandbox.world.submissions.find((s) => s.assessmentId === id)!;
const link = (h: Harness, id: string) => `${h.config.halo.baseUrl.replace(/\/+$/, "")}/courses/${h.sandbox.ids.classes.cloud.slugId}#assignment-submission/${id}`;

/** A harness whose submit calls are recorded (body as sent) and optionally answered by `answer` instead of Halo. */
async function recorded(opts: HarnessOptions = {}, answer?: (h: Harness) => Response | undefined) {
  const bodies: unknown[] = [];
  const box: { h?: Harness } = {};
  const h = await harness({
    ...opts,
    wrapHandlers: (hs) => [
      http.post(/\/submit$/, async ({ request }) => {
        bodies.push(await request.clone().json());
        return answer?.(box.h!);
      }),
      ...hs,
    ],
  });
  box.h = h;
  return { h, bodies };
}

async function attach(h: Harness, assessment: string, name: string, classRef = CLASS) {
  writeFileSync(path.join(h.uploadsDir, name), "my work");
  const r = await approved(h, "upload_assignment_file", { class_ref: classRef, assessment_id: assessment, file_path: name });
  expect(r.isError, r.text).toBe(false);
}

describe("submit_assignment previews and bodies", () => {
  it("turns in overdue work, warning before and after that Halo may mark it late, and sends every attached file", async () => {
    const { h, bodies } = await recorded();
    const A = SEED.assessments.missing;
    await attach(h, A, "late.pdf");
    const r = await approved(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    expect(r.preview.split("\n").slice(0, 9)).toEqual([
      "PREVIEW — nothing has been submitted yet.",
      `Submit "Serverless Function Design" in CST-323 Cloud Computing (${h.sandbox.ids.classes.cloud.slugId})?`,
      "Due: Tue Nov 17 — the due date has PASSED: Halo will likely mark this late.",
      "Files that will be turned in (1):",
      "- late.pdf (pdf; uploaded Sat Nov 21 10 AM (now))",
      "Check that these are the right files: Halo's API offers no way to remove an attached file from here (remove extras in Halo's web page first).",
      "LopesWrite: yes — Halo runs its similarity (plagiarism) check on these files when submitted.",
      "This cannot be undone: after submitting, the files cannot be changed from here; only the instructor can reopen it.",
      "Approval: this client cannot ask the student directly (no MCP elicitation), so it goes through you with a confirm token.",
    ]);
    expect(r.isError, r.text).toBe(false);
    expect(r.text).toBe(
      `Submitted "Serverless Function Design" (CST-323) with 1 file; Halo shows it turned in Sat Nov 21 10 AM (now) — after the due date (Tue Nov 17 2026), so Halo may mark it late.\n\n${FOOTER_AT}`,
    );
    const sub = submissionOf(h, A);
    const sr = sub.resources[0]!;
    expect(bodies).toEqual([
      {
        classId: SEED.classes.cloud.id,
        className: "Cloud Computing",
        assessmentId: A,
        assessmentTitle: "Serverless Function Design",
        requiresLopeswrite: true,
        resourceInfo: [{ assignmentSubmissionResourceId: sr.id, resourceId: sr.resourceId, fileName: "late.pdf", similarityReportStatus: "NOT_SUBMITTED" }],
      },
    ]);
    expect(sub.status).toBe("SUBMITTED");
    const at = { tool: "submit_assignment", class: h.sandbox.ids.classes.cloud.slugId, assessment: A, files: 1 };
    expect(auditLines(h.dir).filter((l) => l.tool === "submit_assignment").map(({ time: _t, ...l }) => l)).toEqual([
      { ...at, outcome: "preview", via: "token" },
      { ...at, outcome: "confirmed", via: "token" },
      { ...at, outcome: "succeeded" },
    ]);
  });

  it("resubmits reopened work on time, listing each file's type, upload time and word count", async () => {
    const { h, bodies } = await recorded();
    const A = SEED.assessments.reassigned;
    const r = await approved(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    expect(r.preview.split("\n").slice(1, 8)).toEqual([
      `Submit "IaaS Deployment Lab" in CST-323 Cloud Computing (${h.sandbox.ids.classes.cloud.slugId})?`,
      "Due: Thu Nov 26 (in 5 days) — on time if submitted now.",
      "Your instructor reopened (reassigned) this assignment: submitting turns it in again.",
      "Files that will be turned in (1):",
      "- IaaS_Deployment_Lab_Rivera.docx (docx; uploaded Mon Nov 9; 1240 words)",
      "Check that these are the right files: Halo's API offers no way to remove an attached file from here (remove extras in Halo's web page first).",
      "This cannot be undone: after submitting, the files cannot be changed from here; only the instructor can reopen it.",
    ]);
    expect(r.text).toBe(`Submitted "IaaS Deployment Lab" (CST-323) with 1 file; Halo shows it turned in Sat Nov 21 10 AM (now) — on time.\n\n${FOOTER}`);
    const sr = submissionOf(h, A).resources[0]!;
    expect(bodies).toEqual([
      {
        classId: SEED.classes.cloud.id,
        className: "Cloud Computing",
        assessmentId: A,
        assessmentTitle: "IaaS Deployment Lab",
        requiresLopeswrite: false,
        resourceInfo: [{ assignmentSubmissionResourceId: sr.id, resourceId: sr.resourceId, fileName: "IaaS_Deployment_Lab_Rivera.docx", similarityReportStatus: "NOT_SUBMITTED" }],
      },
    ]);
  });

  it("says when Halo shows no due date, and turns in group work for the whole group", async () => {
    const h = await harness();
    await attach(h, SEED.assessments.groupProject, "group.pdf", "ENG-106");
    const g = await h.call("submit_assignment", { class_ref: "ENG-106", assessment_id: SEED.assessments.groupProject });
    const group = h.sandbox.world.groups.find((x) => x.assessmentId === SEED.assessments.groupProject)!;
    expect(g.text).toContain(`\nGroup work: this turns the assignment in for your whole group "${group.name}".\n`);
    group.name = "";
    const unnamed = await h.call("submit_assignment", { class_ref: "ENG-106", assessment_id: SEED.assessments.groupProject });
    expect(unnamed.text).toContain("\nGroup work: this turns the assignment in for your whole group.\n");

    for (const rec of [...h.sandbox.world.grades, ...h.sandbox.world.submissions]) if (rec.assessmentId === SEED.assessments.missing) Object.assign(rec, { dueDate: null, accommodatedDueDate: null });
    for (const c of h.sandbox.world.classes) for (const u of c.units) for (const a of u.assessments) if (a.id === SEED.assessments.missing) Object.assign(a, { dueDate: null });
    await attach(h, SEED.assessments.missing, "undated.pdf");
    const { text } = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.missing });
    expect(text.split("\n")[2]).toBe("Due: Halo shows no due date.");
  });

  it("refuses work already turned in with when Halo recorded it", async () => {
    const h = await harness();
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.submitted });
    expect(r).toEqual({
      isError: true,
      text: '"Architecture Reading Reflection" was already submitted (Sat Nov 21 5 AM). Halo does not take a second submission from here; if it must change, ask your instructor to reassign it. Nothing was submitted.',
    });
  });
});

describe("submit_assignment with sparse or edge-case records", () => {
  it("shows a file Halo gives no name, type or date for, and passes on its similarity status", async () => {
    const A = SEED.assessments.reassigned;
    const { h, bodies } = await recorded({
      tweak: (s) => {
        const sr = s.world.submissions.find((x) => x.assessmentId === A)!.resources[0]!;
        Object.assign(sr, { uploadDate: "", wordCount: null, similarityReportStatusEnum: "COMPLETED" });
        Object.assign(s.world.resources[sr.resourceId]!, { name: "", type: "" });
      },
    });
    const r = await approved(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    expect(r.preview.split("\n")).toContain("- (unnamed file)");
    expect((bodies[0] as { resourceInfo: unknown[] }).resourceInfo).toEqual([expect.objectContaining({ fileName: "", similarityReportStatus: "COMPLETED" })]);
  });

  it("refuses a submission whose files were all removed", async () => {
    const h = await harness({ tweak: (s) => void (s.world.submissions.find((x) => x.assessmentId === SEED.assessments.reassigned)!.resources = []) });
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.reassigned });
    expect(r).toEqual({ isError: true, text: 'Nothing is attached to "IaaS Deployment Lab" yet, so there is nothing to submit. Attach the work with upload_assignment_file first. Nothing was submitted.' });
  });

  it("calls a due date of this very minute on time, and needs no grade row to preview", async () => {
    const h = await harness({
      tweak: (s) => {
        for (const g of s.world.grades) if (g.assessmentId === SEED.assessments.reassigned) g.dueDate = "2026-11-21T17:00:00.000Z";
      },
    });
    const { text } = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.reassigned });
    expect(text.split("\n")[2]).toBe("Due: Sat Nov 21 10 AM — on time if submitted now.");
    await attach(h, SEED.assessments.missing, "nograde.pdf");
    h.sandbox.world.grades = h.sandbox.world.grades.filter((g) => g.assessmentId !== SEED.assessments.missing);
    const bare = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.missing });
    expect(bare.text).toMatch(/^Due: Tue Nov 17 — the due date has PASSED/m);
    expect(bare.text).not.toMatch(/reopened/);
  });

  it("reports a submission Halo records without a time as turned in at an unknown time, with no late note", async () => {
    const { h } = await recorded({}, (hh) => {
      Object.assign(submissionOf(hh, SEED.assessments.reassigned), { status: "SUBMITTED", submissionDate: null });
      return HttpResponse.json({});
    });
    const r = await approved(h, "submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.reassigned });
    expect(r.text).toBe(`Submitted "IaaS Deployment Lab" (CST-323) with 1 file; Halo shows it turned in an unknown time.`);
  });

  it("refuses a token once the attached files were swapped for others of the same count", async () => {
    const A = SEED.assessments.reassigned;
    const h = await harness();
    const { token } = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    const sr = submissionOf(h, A).resources[0]!;
    const w = h.sandbox.world;
    w.resources["swapped-resource"] = { ...w.resources[sr.resourceId]!, id: "swapped-resource" };
    sr.resourceId = "swapped-resource";
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A, confirm_token: token });
    expect(r.text).toMatch(/^That confirm_token does not match this exact request/);
    expect(submissionOf(h, A).status).toBe("IN_PROGRESS");
  });
});

describe("submit_assignment believes Halo's record, not the submit call's answer", () => {
  it("reports success when the call errors but Halo's record shows the submission", async () => {
    const { h } = await recorded({}, (hh) => {
      const sub = submissionOf(hh, SEED.assessments.reassigned);
      Object.assign(sub, { status: "SUBMITTED", submissionDate: "2026-11-21T17:00:00.000Z" });
      return HttpResponse.json({ message: "Internal Server Error" }, { status: 500 });
    });
    const r = await approved(h, "submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.reassigned });
    expect(r.isError, r.text).toBe(false);
    expect(r.text).toBe(
      `Submitted "IaaS Deployment Lab" (CST-323) with 1 file; Halo shows it turned in Sat Nov 21 10 AM — on time. (The submit call itself reported an error, but Halo's record shows the submission.)\n\n${FOOTER}`,
    );
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "succeeded", files: 1 });
  });

  it("does not call it submitted when Halo accepts the call but its record does not change", async () => {
    const { h } = await recorded({}, () => HttpResponse.json({}));
    const A = SEED.assessments.reassigned;
    const r = await approved(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    expect(r.isError).toBe(true);
    expect(r.text).toBe(
      `Halo accepted the submit request for "IaaS Deployment Lab", but its record does not show the assignment as submitted yet. Do not submit again; check ${link(h, A)} or assignment_details in a minute.`,
    );
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "unverified", step: "verify" });
  });

  it("says it cannot tell when the submit call fails and the record cannot be re-read", async () => {
    const A = SEED.assessments.reassigned;
    const box: { h?: Harness } = {};
    const h = await harness({
      elicit: () => {
        // The student approves; by then Halo fails the submit and the verification read.
        box.h!.sandbox.switches.failRest = { submit: "http500" };
        box.h!.sandbox.switches.failOperations = { GetUserAssignmentSubmissionForAssessment: "http500" };
        return { action: "accept" };
      },
    });
    box.h = h;
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^Submitting "IaaS Deployment Lab" failed: .+\. I also could not re-read the submission, so I cannot tell whether it went through\. /);
    expect(r.text).toContain(`. Check ${link(h, A)} before trying again; to retry, call submit_assignment again without the old confirm_token (it asks for approval again).`);
    expect(submissionOf(h, A).status).toBe("IN_PROGRESS");
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "failed", step: "submit" });
  });
});
