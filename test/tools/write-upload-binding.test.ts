/**
 * What an upload's approval is bound to and what its preview lists when Halo's records are sparse: the files
 * attached at preview time, names differing only in case, unnamed files and unnamed groups.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import type { Harness } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { approved, previewToken } from "../writes/support.js";

const harness = harnessPerTest();
const CLASS = "CST-323";
const A = SEED.assessments.upload;
const put = (h: Harness, name: string, body = "work") => writeFileSync(path.join(h.uploadsDir, name), body);
const args = (file_path: string, assessment_id = A, class_ref = CLASS) => ({ class_ref, assessment_id, file_path });
const attachedNames = (h: Harness) =>
  (h.sandbox.world.submissions.find((s) => s.assessmentId === A)?.resources ?? []).map((r) => h.sandbox.world.resources[r.resourceId]?.name);

describe("upload approval binding", () => {
  it("needs a new preview once another file was attached after it", async () => {
    const h = await harness();
    put(h, "a.pdf");
    put(h, "b.pdf");
    const { token } = await previewToken(h, "upload_assignment_file", args("a.pdf"));
    expect((await approved(h, "upload_assignment_file", args("b.pdf"))).isError).toBe(false);
    const r = await h.call("upload_assignment_file", { ...args("a.pdf"), confirm_token: token });
    expect(r.text).toMatch(/^That confirm_token does not match this exact request/);
    expect(attachedNames(h)).toEqual(["b.pdf"]);
  });

  it("lets only one of two racing uploads whose names differ only in case land", async () => {
    const h = await harness();
    put(h, "Same.pdf", "one");
    put(h, "same.PDF", "two");
    const one = await previewToken(h, "upload_assignment_file", args("Same.pdf"));
    const two = await previewToken(h, "upload_assignment_file", args("same.PDF"));
    const results = await Promise.all([
      h.call("upload_assignment_file", { ...args("Same.pdf"), confirm_token: one.token }),
      h.call("upload_assignment_file", { ...args("same.PDF"), confirm_token: two.token }),
    ]);
    expect(results.map((r) => r.isError).sort()).toEqual([false, true]);
    expect(attachedNames(h)).toHaveLength(1);
  });
});

describe("upload previews of sparse records", () => {
  it("lists an attached file Halo gives no name for, and a group without a name", async () => {
    const R = SEED.assessments.reassigned;
    const h = await harness({
      tweak: (s) => {
        const sr = s.world.submissions.find((x) => x.assessmentId === R)!.resources[0]!;
        s.world.resources[sr.resourceId]!.name = "";
        for (const g of s.world.groups) if (g.assessmentId === SEED.assessments.groupProject) g.name = "";
      },
    });
    put(h, "new.pdf");
    const { text } = await previewToken(h, "upload_assignment_file", args("new.pdf", R));
    expect(text.split("\n").slice(3, 5)).toEqual(["Already attached (1):", "- (unnamed file)"]);
    const group = await previewToken(h, "upload_assignment_file", args("new.pdf", SEED.assessments.groupProject, "ENG-106"));
    expect(group.text).toContain("\nGroup work: everyone in your group will see this file.\n");
  });

  it("lists files without an upload time plainly after attaching", async () => {
    const R = SEED.assessments.reassigned;
    const h = await harness({ tweak: (s) => void (s.world.submissions.find((x) => x.assessmentId === R)!.resources[0]!.uploadDate = "") });
    put(h, "extra.pdf");
    const r = await approved(h, "upload_assignment_file", args("extra.pdf", R));
    expect(r.text.split("\n").slice(1, 4)).toEqual(["Files attached now (2):", "- IaaS_Deployment_Lab_Rivera.docx", "- extra.pdf (uploaded Sat Nov 21 10 AM (now))"]);
  });
});
