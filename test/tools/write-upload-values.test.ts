/**
 * upload_assignment_file, value by value: the preview, each refusal and failure text, the audit trail, and a
 * result that says "attached" only when a fresh read of the submission lists the file.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import type { Harness } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { approved, auditLines, onOperation, previewToken, writeCalls } from "../writes/support.js";

const harness = harnessPerTest();
const CLASS = "CST-323";
const A = SEED.assessments.upload;
const FOOTER = "\n\nAll times Arizona (MST); year 2026 unless shown.";
const link = (h: Harness) => `${h.config.halo.baseUrl.replace(/\/+$/, "")}/courses/${h.sandbox.ids.classes.cloud.slugId}#assignment-submission/${A}`;
const put = (h: Harness, name: string, body = "work") => writeFileSync(path.join(h.uploadsDir, name), body);
const args = (file_path: string, assessment_id = A) => ({ class_ref: CLASS, assessment_id, file_path });

describe("upload_assignment_file results", () => {
  it("lists every attached file after each upload and says how to turn them in", async () => {
    const h = await harness();
    const texts: string[] = [];
    for (const name of ["one.pdf", "two.pdf", "three.pdf"]) {
      put(h, name);
      const r = await approved(h, "upload_assignment_file", args(name));
      expect(r.isError, r.text).toBe(false);
      texts.push(r.text);
    }
    expect(texts[0]).toBe(
      [
        'Attached "one.pdf" (4 B) to "Cloud Architecture Proposal" in CST-323. It is NOT turned in yet.',
        "Files attached now (1):",
        "- one.pdf (uploaded Sat Nov 21 10 AM (now))",
        "To turn in this file, call submit_assignment with the same class_ref and assessment_id (it asks for approval first).",
      ].join("\n") + FOOTER,
    );
    expect(texts[1]).toMatch(/\nTo turn in both files, call submit_assignment /);
    expect(texts[2]!.split("\n").slice(1, 6)).toEqual([
      "Files attached now (3):",
      "- one.pdf (uploaded Sat Nov 21 10 AM (now))",
      "- two.pdf (uploaded Sat Nov 21 10 AM (now))",
      "- three.pdf (uploaded Sat Nov 21 10 AM (now))",
      "To turn in all 3 files, call submit_assignment with the same class_ref and assessment_id (it asks for approval first).",
    ]);
    expect(auditLines(h.dir).filter((l) => l.outcome === "succeeded").map((l) => l.files)).toEqual([1, 2, 3]);
    const at = { tool: "upload_assignment_file", class: h.sandbox.ids.classes.cloud.slugId, assessment: A, file: { name: "three.pdf", size: 4 } };
    expect(auditLines(h.dir).slice(-4).map(({ time: _t, ...l }) => l)).toEqual([
      { ...at, outcome: "preview", via: "token" },
      { ...at, outcome: "confirmed", via: "token" },
      { ...at, outcome: "started" },
      { ...at, outcome: "succeeded", files: 3 },
    ]);
  });

  it("says inline content has no file behind it, and names the group that will see group work", async () => {
    const h = await harness();
    const inline = await previewToken(h, "upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_name: "notes.txt", content_base64: Buffer.from("hi").toString("base64") });
    expect(inline.text.split("\n")[2]).toBe("From: content the assistant sent inline (no file on this computer).");
    put(h, "group.pdf");
    const group = await previewToken(h, "upload_assignment_file", { class_ref: "ENG-106", assessment_id: SEED.assessments.groupProject, file_path: "group.pdf" });
    const name = h.sandbox.world.groups.find((g) => g.assessmentId === SEED.assessments.groupProject)!.name;
    expect(group.text).toContain(`\nGroup work: everyone in your group "${name}" will see this file.\nHalo's API offers no way to remove an attached file from here: a wrong file must be removed in Halo's web page.\n`);
  });

  it("refuses a name already attached in another case, and work already turned in, with exact reasons", async () => {
    const h = await harness();
    put(h, "Essay.pdf");
    expect((await approved(h, "upload_assignment_file", args("Essay.pdf"))).isError).toBe(false);
    put(h, "ESSAY.PDF");
    const dup = await h.call("upload_assignment_file", args("ESSAY.PDF"));
    expect(dup).toEqual({
      isError: true,
      text: 'A file named "ESSAY.PDF" is already attached to "Cloud Architecture Proposal". Halo\'s API offers no way to remove an attached file from here, so a second copy would stay. To replace it, remove the old one in Halo\'s web page first; to add a different file, give it a different name. Nothing was uploaded.',
    });
    const done = await h.call("upload_assignment_file", args("Essay.pdf", SEED.assessments.submitted));
    expect(done).toEqual({
      isError: true,
      text: '"Architecture Reading Reflection" was already submitted (Sat Nov 21 5 AM); Halo takes no more files for it from here. If you need to add something, ask your instructor to reassign it. Nothing was uploaded.',
    });
    expect(auditLines(h.dir).slice(-2).map((l) => [l.outcome, l.reason, l.file])).toEqual([
      ["refused", "assignment not open for this upload", { name: "ESSAY.PDF", size: 4 }],
      ["refused", "assignment not open for this upload", { name: "Essay.pdf", size: 4 }],
    ]);
  });

  it("records local refusals without a file, and a failed read of Halo as a failure", async () => {
    const h = await harness();
    expect((await h.call("upload_assignment_file", args("missing.pdf"))).isError).toBe(true);
    put(h, "a.pdf");
    h.sandbox.switches.failOperations = { GetCourseClassAssessmentById: "http500" };
    const r = await h.call("upload_assignment_file", args("a.pdf"));
    expect(r.isError).toBe(true);
    expect(auditLines(h.dir)).toEqual([
      expect.objectContaining({ tool: "upload_assignment_file", assessment: A, outcome: "refused", reason: "file refused by the local checks" }),
      expect.objectContaining({ outcome: "failed", step: "read", file: { name: "a.pdf", size: 4 } }),
    ]);
    expect(auditLines(h.dir)[0]).not.toHaveProperty("file");
    expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
  });
});

describe("upload_assignment_file re-checks Halo once approved", () => {
  it("refuses when a file of that name was attached meanwhile, and sends nothing", async () => {
    const R = SEED.assessments.reassigned;
    const box: { h?: Harness } = {};
    const h = await harness({
      elicit: () => {
        // While the student looks at the preview, a file of the same name appears on the submission.
        const w = box.h!.sandbox.world;
        w.resources[w.submissions.find((x) => x.assessmentId === R)!.resources[0]!.resourceId]!.name = "B.pdf";
        box.h!.sandbox.resetStats();
        return { action: "accept" };
      },
    });
    box.h = h;
    put(h, "b.pdf");
    const r = await h.call("upload_assignment_file", args("b.pdf", R));
    expect(r).toEqual({ isError: true, text: expect.stringMatching(/^A file named "b\.pdf" is already attached to "IaaS Deployment Lab"\. /) });
    expect(auditLines(h.dir).map((l) => [l.outcome, l.reason])).toEqual([
      ["confirmed", undefined],
      ["refused", "assignment not open for this upload"],
    ]);
    expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
  });

  it("records a failed re-read after approval as a failure, not a refusal", async () => {
    const box: { h?: Harness } = {};
    const h = await harness({
      elicit: () => {
        box.h!.sandbox.switches.failOperations = { GetUserAssignmentSubmissionForAssessment: "http500" };
        return { action: "accept" };
      },
    });
    box.h = h;
    put(h, "a.pdf");
    const r = await h.call("upload_assignment_file", args("a.pdf"));
    expect(r.isError).toBe(true);
    expect(auditLines(h.dir).map((l) => [l.outcome, l.step])).toEqual([
      ["confirmed", undefined],
      ["failed", "read"],
    ]);
    expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
  });

  it("does not claim the file is attached when the submission does not list it afterwards", async () => {
    let attached = false;
    const h = await harness({
      wrapHandlers: (hs) => [
        onOperation("BulkAddAssignmentSubmissionResource", [], () => void (attached = true) as undefined),
        onOperation("GetUserAssignmentSubmissionForAssessment", [], () => (attached ? HttpResponse.json({ data: { getUserAssignmentSubmissionForAssessment: null } }) : undefined)),
        ...hs,
      ],
    });
    put(h, "ghost.pdf", "ghost");
    const r = await approved(h, "upload_assignment_file", args("ghost.pdf"));
    expect(r).toMatchObject({
      isError: false,
      text: `Halo accepted "ghost.pdf" (5 B) for "Cloud Architecture Proposal", but its submission does not list the file yet, so I cannot confirm it is attached. Check again in a minute with assignment_details or open ${link(h)} before submitting.`,
    });
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "unverified", step: "verify" });
  });

  const failures: Array<[string, (n: string, link: string) => string]> = [
    ["presign", (n) => `Uploading "${n}" failed at step 1 of 4 (asking Halo for an upload slot): Halo refused access to this class. Nothing was uploaded or attached. You can try again.`],
    ["store", (n) => `Uploading "${n}" failed at step 2 of 4 (sending the file to Halo's storage): Halo refused access to this class. Nothing was attached to your submission. You can try again.`],
    ["attach", (n) => `"${n}" was uploaded, but attaching it to your submission failed at step 3 of 4: Halo refused access to this class. It is NOT attached and there is nothing to clean up. You can try again.`],
    ["status", (n, l) => `"${n}" was uploaded and attached to your submission, but the last step (4 of 4, telling Halo the upload is complete) failed: Halo refused access to this class. Halo may show the file as still processing or broken. Open ${l} and check it before submitting; if it does not open correctly, remove it there and upload it again. Do not retry this upload as is: the file is already attached.`],
  ];
  for (const [step, text] of failures) {
    it(`says exactly what state a failed ${step} step leaves`, async () => {
      const h = await harness({ switches: { failRest: { [step]: "access" } } });
      put(h, "essay.pdf");
      const r = await approved(h, "upload_assignment_file", args("essay.pdf"));
      expect(r).toMatchObject({ isError: true, text: text("essay.pdf", link(h)) });
    });
  }
});
