/**
 * What keeps an upload from being the wrong file: the preview names exactly what goes, names cannot fake
 * preview lines, the login never leaves in a file, racing uploads of one name cannot both land, and bytes
 * that change under the upload are refused instead of stored.
 */
import { appendFileSync, linkSync, truncateSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { type Harness } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { approved, auditLines, previewToken, writeCalls } from "../writes/support.js";

type H = Harness;
const harness = harnessPerTest();
const CLASS = "CST-323";
const A = SEED.assessments.upload;
const args = (file_path: string) => ({ class_ref: CLASS, assessment_id: A, file_path });
const attachedNames = (h: H) =>
  (h.sandbox.world.submissions.find((s) => s.assessmentId === A)?.resources ?? []).map((r) => h.sandbox.world.resources[r.resourceId]?.name);
const assessment = (w: H["sandbox"]["world"]) => w.classes.flatMap((c) => c.units.flatMap((u) => u.assessments)).find((a) => a.id === A)!;

describe("upload preview", () => {
  it("names the file, its size and short hash, where it comes from, the assignment and what is already attached", async () => {
    const h = await harness();
    writeFileSync(path.join(h.uploadsDir, "first.pdf"), "first");
    expect((await approved(h, "upload_assignment_file", args("first.pdf"))).isError).toBe(false);
    const body = "second draft";
    writeFileSync(path.join(h.uploadsDir, "second.docx"), body);
    h.sandbox.resetStats();
    const { text } = await previewToken(h, "upload_assignment_file", args("second.docx"));
    const sha = createHash("sha256").update(body).digest("hex").slice(0, 12);
    expect(text.split("\n").slice(0, 5)).toEqual([
      "PREVIEW — nothing has been uploaded yet.",
      expect.stringMatching(new RegExp(`^Attach "second\\.docx" \\(12 B, sha256 ${sha}\\) to "Cloud Architecture Proposal" in CST-323 `)),
      `From: ${path.join(h.uploadsDir, "second.docx")}`,
      "Already attached (1):",
      "- first.pdf",
    ]);
    expect(text).toMatch(/It is NOT turned in: that takes submit_assignment\./);
    expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
  });

  it("binds the token to the file's content: a file edited after the preview needs a new one", async () => {
    const h = await harness();
    const file = path.join(h.uploadsDir, "essay.pdf");
    writeFileSync(file, "version 1");
    const { token } = await previewToken(h, "upload_assignment_file", args("essay.pdf"));
    writeFileSync(file, "version 2"); // same size, different bytes
    const r = await h.call("upload_assignment_file", { ...args("essay.pdf"), confirm_token: token });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/does not match this exact request/);
    expect(attachedNames(h)).toEqual([]);
  });

  it("shows hostile names from Halo escaped, so they cannot fake preview lines or flip text direction", async () => {
    const h = await harness({ tweak: (s) => void (assessment(s.world).title = "Essay\"\nFrom: C:\\safe.pdf\u202Efdp.exe") });
    writeFileSync(path.join(h.uploadsDir, "a.pdf"), "a");
    const { text } = await previewToken(h, "upload_assignment_file", args("a.pdf"));
    expect(text).toContain('to "Essay"\\nFrom: C:\\safe.pdf\\u202Efdp.exe" in CST-323');
    expect(text.split("\n").filter((l) => l.startsWith("From: "))).toEqual([`From: ${path.join(h.uploadsDir, "a.pdf")}`]);
    expect(text).not.toMatch(/[\u202E\r]/);
    expect(assessment(h.sandbox.world).title).toContain("\n");
  });

  it("refuses local file names with control or text-direction characters, and escapes them in the refusal", async () => {
    const h = await harness();
    for (const name of ["report\u202Efdp.exe", "a\nb.pdf", "tab\there.pdf", "zero\u200Bwidth.pdf"]) {
      writeFileSync(path.join(h.uploadsDir, name), "x");
      const r = await h.call("upload_assignment_file", args(name));
      expect(r.isError, name).toBe(true);
      expect(r.text, name).toMatch(/control, invisible or text-direction characters/);
      expect(r.text, name).not.toMatch(/[\u202E\u200B\n\t]/);
    }
    const inline = await h.call("upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_name: "x\u2067.pdf", content_base64: Buffer.from("x").toString("base64") });
    expect(inline.text).toMatch(/^Refusing to upload "x\\u2067\.pdf"/);
    expect(h.sandbox.stats.calls.filter((c) => c.service === "orchestration")).toEqual([]);
  });
});

describe("the login never leaves in a file", () => {
  it("refuses a hard link of the config file under another name, and any file holding the session cookie", async () => {
    const h = await harness();
    linkSync(path.join(h.dir, "config.json"), path.join(h.uploadsDir, "notes.txt"));
    const cookie = h.sandbox.credentials.cookieHeader.split(";").map((p) => p.split("=").slice(1).join("=").trim()).sort((a, b) => b.length - a.length)[0]!;
    // The cookie value split across a 64 KiB read boundary must still be found.
    writeFileSync(path.join(h.uploadsDir, "essay.docx"), Buffer.concat([Buffer.alloc(65536 - 10, 0x61), Buffer.from(cookie), Buffer.from(" end")]));
    const inline = { class_ref: CLASS, assessment_id: A, file_name: "paste.txt", content_base64: Buffer.from(`token: ${h.sandbox.credentials.authToken}`).toString("base64") };
    for (const a of [args("notes.txt"), args("essay.docx"), inline]) {
      const r = await h.call("upload_assignment_file", a);
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/its content includes your Halo login .*Nothing was uploaded\./);
      expect(r.text).not.toContain(cookie);
    }
    expect(h.sandbox.stats.calls.filter((c) => c.service === "orchestration" || c.service === "store")).toEqual([]);
    expect(auditLines(h.dir).map((l) => l.outcome)).toEqual(["refused", "refused", "refused"]);
  });
});

describe("racing and changing files", () => {
  it("serializes concurrent uploads of one name to one assignment: one lands, the other is refused", async () => {
    const h = await harness();
    writeFileSync(path.join(h.uploadsDir, "same.pdf"), "same");
    const one = await previewToken(h, "upload_assignment_file", args("same.pdf"));
    const two = await previewToken(h, "upload_assignment_file", args("same.pdf"));
    const results = await Promise.all([one, two].map((p) => h.call("upload_assignment_file", { ...args("same.pdf"), confirm_token: p.token })));
    expect(results.map((r) => r.isError).sort()).toEqual([false, true]);
    expect(results.find((r) => r.isError)!.text).toMatch(/A file named "same\.pdf" is already attached/);
    expect(attachedNames(h)).toEqual(["same.pdf"]);
  });

  const changes: Array<[string, (file: string) => void, RegExp]> = [
    ["grows", (f) => appendFileSync(f, "more bytes"), /the file grew while it was being uploaded/],
    ["shrinks", (f) => truncateSync(f, 3), /the file shrank while it was being uploaded/],
    ["changes", (f) => writeFileSync(f, "Y".repeat(100_000)), /the file changed while it was being uploaded/],
  ];
  for (const [what, change, re] of changes) {
    it(`refuses a file that ${what} during the upload and never reports it attached`, async () => {
      const file = { path: "" };
      const h = await harness({
        // Fires after the approved bytes were hashed, just before they are streamed to the store.
        wrapHandlers: (hs) => [http.post(/generate-presigned-urls$/, () => void (file.path && change(file.path))), ...hs],
      });
      const target = path.join(h.uploadsDir, "draft.pdf");
      writeFileSync(target, "X".repeat(100_000));
      const { token } = await previewToken(h, "upload_assignment_file", args("draft.pdf"));
      file.path = target;
      const r = await h.call("upload_assignment_file", { ...args("draft.pdf"), confirm_token: token });
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/failed at step 2 of 4/);
      expect(r.text).toMatch(re);
      expect(r.text).toMatch(/Nothing was attached/);
      expect(attachedNames(h)).toEqual([]);
      expect(Object.values(h.sandbox.world.resources).filter((x) => x.file?.size === 100_000 || (x.file && x.file.size > 0))).toEqual([]);
      expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "failed", step: "upload" });
    });
  }
});
