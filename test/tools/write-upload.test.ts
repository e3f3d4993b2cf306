import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { type Harness } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { approved, auditLines, auditText, previewToken, writeCalls } from "../writes/support.js";

type H = Harness;
const harness = harnessPerTest();

const CLASS = "CST-323";
const A = SEED.assessments.upload;
const attachedNames = (h: H, id = A) =>
  (h.sandbox.world.submissions.find((s) => s.assessmentId === id)?.resources ?? []).map((r) => h.sandbox.world.resources[r.resourceId]?.name);

describe("upload_assignment_file", () => {
  it("streams an allowed file through presign → PUT → attach → COMPLETED and reports it attached, not submitted", async () => {
    const h = await harness();
    writeFileSync(path.join(h.uploadsDir, "Proposal.DOCX"), "x".repeat(5000));
    const r = await approved(h, "upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path: "Proposal.DOCX" });
    expect(r.isError, r.text).toBe(false);
    expect(r.text).toMatch(/^Attached "Proposal.DOCX" \(4.9 KB\) to ".*" in CST-323\. It is NOT turned in yet\./);
    expect(r.text).toMatch(/submit_assignment/);
    expect(attachedNames(h)).toEqual(["Proposal.DOCX"]);
    const order = writeCalls(h.sandbox.stats.calls).map((c) => c.replace(/^store .*/, "store PUT"));
    expect(order).toEqual([
      expect.stringMatching(/^orchestration .*generate-presigned-urls$/),
      "store PUT",
      "gateway BulkAddAssignmentSubmissionResource",
      expect.stringMatching(/^orchestration .*fileUploadStatus$/),
    ]);
    expect(auditLines(h.dir).map((l) => l.outcome)).toEqual(["preview", "confirmed", "started", "succeeded"]);
    expect(auditLines(h.dir)[3]).toMatchObject({ tool: "upload_assignment_file", assessment: A, file: { name: "Proposal.DOCX", size: 5000 } });
    expect(auditText(h.dir)).not.toContain("xxxx");
  });

  it("streams a larger file with progress notifications and the store receives every byte", async () => {
    const h = await harness();
    const size = 3 * 1024 * 1024 + 17;
    const bytes = Buffer.alloc(size, 7);
    writeFileSync(path.join(h.uploadsDir, "big.pdf"), bytes);
    const events: Array<{ progress: number; total?: number }> = [];
    const args = { class_ref: CLASS, assessment_id: A, file_path: "big.pdf" };
    const { token } = await previewToken(h, "upload_assignment_file", args);
    const r = await h.client.callTool({ name: "upload_assignment_file", arguments: { ...args, confirm_token: token } }, undefined, {
      onprogress: (p) => events.push(p),
    });
    expect(r.isError).toBeFalsy();
    expect(events.length).toBeGreaterThan(1);
    expect(events.at(-1)).toMatchObject({ progress: size, total: size });
    const sub = h.sandbox.world.submissions.find((s) => s.assessmentId === A)!;
    const file = h.sandbox.world.resources[sub.resources[0]!.resourceId]?.file;
    expect(file).toMatchObject({ size, contentType: "application/pdf", sha256: createHash("sha256").update(bytes).digest("hex") });
  });

  it("accepts file_name + content_base64 for clients without a shared filesystem", async () => {
    const h = await harness();
    const r = await approved(h, "upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_name: "notes.txt", content_base64: Buffer.from("my notes").toString("base64") });
    expect(r.isError, r.text).toBe(false);
    expect(attachedNames(h)).toEqual(["notes.txt"]);
  });

  it("files group work under the student's group", async () => {
    const h = await harness();
    writeFileSync(path.join(h.uploadsDir, "group.pdf"), "%PDF-1.4");
    const r = await approved(h, "upload_assignment_file", { class_ref: "ENG-106", assessment_id: SEED.assessments.groupProject, file_path: "group.pdf" });
    expect(r.isError, r.text).toBe(false);
    expect(r.preview).toMatch(/^Group work: everyone in your group .*will see this file\.$/m);
  });

  it("refuses forbidden paths before anything is sent", async () => {
    const h = await harness();
    const outside = mkdtempSync(path.join(tmpdir(), "outside-"));
    writeFileSync(path.join(outside, "secret.pdf"), "secret");
    symlinkSync(path.join(outside, "secret.pdf"), path.join(h.uploadsDir, "link.pdf"));
    writeFileSync(path.join(h.uploadsDir, ".env"), "TOKEN=1");
    mkdirSync(path.join(h.uploadsDir, "folder.pdf"));
    writeFileSync(path.join(h.uploadsDir, "empty.pdf"), "");
    const cases: Array<[string, RegExp]> = [
      [path.join(outside, "secret.pdf"), /outside the upload folders/],
      ["../secret.pdf", /"\.\." segments/],
      ["link.pdf", /points outside/],
      ["/etc/passwd", /outside the upload folders/],
      [".env", /hidden/],
      ["folder.pdf", /folder/],
      ["empty.pdf", /empty \(0 bytes\)/],
      ["missing.pdf", /no such file/],
    ];
    h.sandbox.resetStats();
    for (const [file_path, re] of cases) {
      const r = await h.call("upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path });
      expect(r.isError, file_path).toBe(true);
      expect(r.text, file_path).toMatch(re);
      expect(r.text).toMatch(/Nothing was uploaded/);
    }
    expect(h.sandbox.stats.calls).toEqual([]);
    expect(auditLines(h.dir).map((l) => l.outcome)).toEqual(cases.map(() => "refused"));
  });

  it("never uploads the config file (the login) or the server's own state files, even from an upload folder", async () => {
    // The config folder itself is an upload root here, as the working directory is by default.
    const h = await harness({ configFile: { uploadRoots: ["."] } });
    symlinkSync(path.join(h.dir, "config.json"), path.join(h.dir, "notes.json"));
    for (const file_path of ["config.json", "notes.json", "halo-audit.log"]) {
      const r = await h.call("upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path });
      expect(r.isError, file_path).toBe(true);
      expect(r.text, file_path).toMatch(/own config or state file/);
    }
    expect(h.sandbox.stats.calls.filter((c) => c.service === "orchestration")).toEqual([]);
  });

  it("refuses a second file with the same name, since Halo's API cannot remove it", async () => {
    const h = await harness();
    writeFileSync(path.join(h.uploadsDir, "a.pdf"), "one");
    expect((await approved(h, "upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path: "a.pdf" })).isError).toBe(false);
    const r = await h.call("upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path: "a.pdf" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/already attached/);
    expect(attachedNames(h)).toEqual(["a.pdf"]);
  });

  it("refuses uploads to an assignment already turned in", async () => {
    const h = await harness();
    writeFileSync(path.join(h.uploadsDir, "b.pdf"), "two");
    const r = await h.call("upload_assignment_file", { class_ref: CLASS, assessment_id: SEED.assessments.submitted, file_path: "b.pdf" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/already submitted/);
  });

  const steps: Array<[string, RegExp, boolean]> = [
    ["presign", /step 1 of 4 .*Nothing was uploaded or attached/, false],
    ["store", /step 2 of 4 .*Nothing was attached/, false],
    ["attach", /was uploaded, but attaching it .*step 3 of 4.*NOT attached/, false],
    ["status", /uploaded and attached .*\(4 of 4.*Do not retry/s, true],
  ];
  for (const [step, re, attached] of steps) {
    it(`says exactly what happened when the ${step} step fails`, async () => {
      const h = await harness();
      writeFileSync(path.join(h.uploadsDir, "essay.pdf"), "%PDF-1.4 essay");
      h.sandbox.switches.failRest = { [step]: "http500" };
      const r = await approved(h, "upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path: "essay.pdf" });
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(re);
      expect(attachedNames(h)).toEqual(attached ? ["essay.pdf"] : []);
      const last = auditLines(h.dir).at(-1);
      expect(last).toMatchObject({ outcome: "failed", step: step === "store" ? "upload" : step });
    });
  }
});
