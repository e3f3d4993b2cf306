import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { FIXED_NOW, type Harness } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { approved, auditLines, auditText, outcomes, previewToken } from "../writes/support.js";

type H = Harness;
const harness = harnessPerTest();

const CLASS = "CST-323";
const A = SEED.assessments.upload;
const submissionOf = (h: H, id: string) => h.sandbox.world.submissions.find((s) => s.assessmentId === id);

async function attach(h: H, name: string, body = "some work"): Promise<void> {
  writeFileSync(path.join(h.uploadsDir, name), body);
  const r = await approved(h, "upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path: name });
  expect(r.isError, r.text).toBe(false);
}

describe("submit_assignment", () => {
  it("previews without changing anything, then submits with the token, then refuses a second submit", async () => {
    const h = await harness();
    await attach(h, "proposal.docx");
    const { text: previewText, token } = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    const preview = { text: previewText };
    expect(preview.text).toMatch(/^PREVIEW — nothing has been submitted yet\./);
    expect(preview.text).toContain("proposal.docx");
    expect(preview.text).toMatch(/Due: .*(on time|PASSED)/);
    expect(preview.text).toMatch(/explicit approval/);
    expect(submissionOf(h, A)?.status).not.toBe("SUBMITTED");

    const done = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A, confirm_token: token });
    expect(done.isError, done.text).toBe(false);
    expect(done.text).toMatch(/^Submitted "/);
    expect(submissionOf(h, A)?.status).toBe("SUBMITTED");

    const again = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A, confirm_token: token });
    expect(again.isError).toBe(true);
    expect(again.text).toMatch(/already submitted/);

    expect(outcomes(h.dir, "submit_assignment")).toEqual(["preview", "confirmed", "succeeded", "refused"]);
    expect(auditText(h.dir)).not.toContain(token);
  });

  it("refuses wrong and stale tokens without submitting", async () => {
    const h = await harness();
    await attach(h, "part1.pdf");
    const { token } = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });

    const wrong = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A, confirm_token: "made.up.token" });
    expect(wrong.isError).toBe(true);
    expect(wrong.text).toMatch(/does not match|not one this server issued/);

    // Another file attached after the preview: the student never saw this file list.
    await attach(h, "part2.pdf");
    const stale = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A, confirm_token: token });
    expect(stale.isError).toBe(true);
    expect(stale.text).toMatch(/does not match this exact request/);
    expect(submissionOf(h, A)?.status).not.toBe("SUBMITTED");
  });

  it("refuses an expired token (after ten minutes)", async () => {
    const h = await harness();
    await attach(h, "late.pdf");
    const { token } = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    const r = await confirmLater(h, token);
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/has expired/);
    expect(submissionOf(h, A)?.status).not.toBe("SUBMITTED");
  });

  it("refuses submitting with nothing attached, and an assignment already turned in", async () => {
    const h = await harness();
    const empty = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A });
    expect(empty.isError).toBe(true);
    expect(empty.text).toMatch(/Nothing is attached/);
    const twice = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.submitted });
    expect(twice.isError).toBe(true);
    expect(twice.text).toMatch(/already submitted/);
    expect(auditLines(h.dir).map((l) => [l.outcome, l.reason])).toEqual([
      ["refused", "nothing attached"],
      ["refused", "already submitted"],
    ]);
  });

  it("reports a failed submit step and says what Halo shows", async () => {
    const h = await harness();
    await attach(h, "x.pdf");
    const { token } = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    h.sandbox.switches.failRest = { submit: "http500" };
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A, confirm_token: token });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/Submitting ".*" failed: .*Halo still shows it as not submitted/);
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "failed", step: "submit" });
  });

  it("sends the course headers Halo may enforce on every REST step", async () => {
    const h = await harness({ switches: { requireClassHeaders: true } });
    await attach(h, "headers.pdf");
    const { token } = await previewToken(h, "submit_assignment", { class_ref: CLASS, assessment_id: A });
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A, confirm_token: token });
    expect(r.isError, r.text).toBe(false);
    const rest = h.sandbox.stats.calls.filter((c) => c.service === "orchestration");
    expect(rest.length).toBe(3);
    for (const c of rest) expect(c.headers).toMatchObject({ classSlugId: expect.stringMatching(/^CST-323-O500-/), courseClassId: SEED.classes.cloud.id });
  });

  it("treats an assessment id from a class the student cannot see as unknown here, and a reassigned one as reopened", async () => {
    const h = await harness();
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.denied });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/CST-323 has no assessment with id/);
    const reopened = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.reassigned });
    expect(reopened.text).toMatch(/reopened \(reassigned\)/);
  });

  it("refuses a discussion question as not submittable", async () => {
    const h = await harness();
    const r = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: SEED.assessments.dueAtUtcEdge });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/discussion question/);
  });
});

describe("read-only mode and annotations", () => {
  it("offers no write tool at all in read-only mode", async () => {
    const h = await harness({ readOnly: true });
    const names = (await h.client.listTools()).tools.map((t) => t.name);
    for (const w of ["message_teacher", "upload_assignment_file", "submit_assignment", "mark_grade_seen", "acknowledge_announcement"]) expect(names).not.toContain(w);
    expect(names.length).toBeGreaterThan(0);
  });

  it("marks the irreversible tools destructive and uploads as a non-idempotent write", async () => {
    const h = await harness();
    const tools = Object.fromEntries((await h.client.listTools()).tools.map((t) => [t.name, t.annotations]));
    expect(tools.submit_assignment).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(tools.message_teacher).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(tools.upload_assignment_file).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    expect(tools.mark_grade_seen).toMatchObject({ readOnlyHint: false, idempotentHint: true });
    expect(tools.acknowledge_announcement).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: true });
  });
});

async function confirmLater(h: H, token: string) {
  h.setNow(new Date(FIXED_NOW.getTime() + 10 * 60_000));
  return h.call("submit_assignment", { class_ref: CLASS, assessment_id: A, confirm_token: token });
}
