/**
 * The student, not the model, approves writes: with a client that supports MCP elicitation every write asks
 * the student inside the call, and a confirm token the model brings is not enough; with a client that does
 * not, the preview says so and the token flow applies.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { ElicitRequest, ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { runTool } from "../../src/server/server.js";
import { allTools } from "../../src/tools/registry.js";
import { type Harness } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { auditLines, tokenOf, writeCalls } from "../writes/support.js";

type H = Harness;
const harness = harnessPerTest();
const CLASS = "CST-323";
const A = SEED.assessments.upload;

/** A student at the client: answers each approval request with the next action, and remembers what was asked. */
function student(...answers: Array<ElicitResult["action"] | "fail">) {
  const asked: string[] = [];
  const params: Array<ElicitRequest["params"]> = [];
  const elicit = (p: ElicitRequest["params"]): ElicitResult => {
    asked.push(p.message);
    params.push(p);
    const a = answers.shift() ?? "decline";
    if (a === "fail") throw new Error("the client's approval dialog crashed");
    return { action: a };
  };
  return { asked, params, elicit };
}

const attachedNames = (h: H) =>
  (h.sandbox.world.submissions.find((s) => s.assessmentId === A)?.resources ?? []).map((r) => h.sandbox.world.resources[r.resourceId]?.name);
const unseenGrade = (h: H) => h.sandbox.world.grades.find((g) => g.status === "PUBLISHED" && !g.userLastSeenDate && g.courseClassId === SEED.classes.cloud.id)!;

describe("writes with a client that supports elicitation", () => {
  it("uploads only after the student accepts the exact preview, in one call, without any token", async () => {
    const s = student("accept");
    const h = await harness({ elicit: s.elicit });
    writeFileSync(path.join(h.uploadsDir, "essay.pdf"), "%PDF-1.4 my essay");
    const r = await h.call("upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path: "essay.pdf" });
    expect(r.isError, r.text).toBe(false);
    expect(r.text).toMatch(/^Attached "essay.pdf" \(17 B\) to ".*" in CST-323\. It is NOT turned in yet\./);
    expect(r.text).not.toMatch(/confirm_token/);
    expect(s.asked).toHaveLength(1);
    expect(s.asked[0]).toMatch(/^halo-lms-mcp asks YOU to approve this \(your assistant cannot approve it for you\):\nAttach "essay\.pdf" \(17 B, sha256 [0-9a-f]{12}\) to "Cloud Architecture Proposal" in CST-323 /);
    expect(s.asked[0]).toMatch(/^Nothing is attached to this assignment yet\.$/m);
    expect(s.params[0]).toMatchObject({ mode: "form", requestedSchema: { type: "object", properties: {} } });
    expect(attachedNames(h)).toEqual(["essay.pdf"]);
    expect(auditLines(h.dir).map((l) => [l.outcome, l.via])).toEqual([["confirmed", "elicitation"], ["started", undefined], ["succeeded", undefined]]);
  });

  for (const answer of ["decline", "cancel"] as const) {
    it(`changes nothing and says so when the student answers ${answer}`, async () => {
      const s = student(answer, answer, answer, answer);
      const h = await harness({ elicit: s.elicit });
      writeFileSync(path.join(h.uploadsDir, "essay.pdf"), "%PDF-1.4 my essay");
      const grade = unseenGrade(h);
      h.sandbox.resetStats();
      const calls: Array<[string, Record<string, unknown>, string]> = [
        ["upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path: "essay.pdf" }, "uploaded"],
        ["message_teacher", { class_ref: CLASS, forum_id: SEED.forums.cloudInbox, content: "Can I have an extension?" }, "sent"],
        ["mark_grade_seen", { class_ref: CLASS, assessment_id: grade.assessmentId }, "changed"],
        ["acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.mustAcknowledge }, "changed"],
      ];
      for (const [tool, args, nothing] of calls) {
        const r = await h.call(tool, args);
        expect(r.isError, r.text).toBe(false);
        expect(r.text).toBe(`The student ${answer === "decline" ? "declined" : "cancelled"} this when their client asked them. Nothing was ${nothing}. Do not try again unless they ask for it.`);
      }
      expect(s.asked).toHaveLength(4);
      expect(s.asked[1]).toMatch(/^Send to: .+ — private inbox thread in CST-323/m);
      expect(s.asked[1]).toContain("> Can I have an extension?");
      expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
      expect(h.sandbox.stats.calls.filter((c) => c.operationName === "AddStudentGradeSeenDateTime" || c.operationName === "MarkPostsAsRead")).toEqual([]);
      expect(auditLines(h.dir).map((l) => [l.tool, l.outcome, l.reason])).toEqual(
        calls.map(([tool]) => [tool, "refused", `student ${answer === "decline" ? "declined" : "cancelled"}`]),
      );
    });
  }

  it("asks for every kind of write: message, grade seen, acknowledgement and submit all run after accept", async () => {
    const s = student("accept", "accept", "accept", "accept", "accept");
    const h = await harness({ elicit: s.elicit });
    const grade = unseenGrade(h);
    expect((await h.call("message_teacher", { class_ref: CLASS, forum_id: SEED.forums.cloudInbox, content: "Thank you!" })).text).toMatch(/^Sent to /);
    expect((await h.call("mark_grade_seen", { class_ref: CLASS, assessment_id: grade.assessmentId })).text).toMatch(/^Marked the grade for /);
    expect((await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.mustAcknowledge })).text).toMatch(/^Acknowledged "/);
    writeFileSync(path.join(h.uploadsDir, "final.docx"), "final work");
    expect((await h.call("upload_assignment_file", { class_ref: CLASS, assessment_id: A, file_path: "final.docx" })).isError).toBe(false);
    const sub = await h.call("submit_assignment", { class_ref: CLASS, assessment_id: A });
    expect(sub.text).toMatch(/^Submitted "/);
    expect(s.asked.map((m) => m.split("\n")[1])).toEqual([
      expect.stringMatching(/^Send to: /),
      expect.stringMatching(/^Mark the grade for /),
      expect.stringMatching(/^Acknowledge the announcement /),
      expect.stringMatching(/^Attach "final\.docx"/),
      expect.stringMatching(/^Submit "Cloud Architecture Proposal" in CST-323/),
    ]);
    expect(s.asked[4]).toContain("- final.docx");
  });

  it("ignores a genuine confirm token the model brings: the student is still asked, and a decline stops the write", async () => {
    const s = student("decline");
    const h = await harness({ elicit: s.elicit });
    writeFileSync(path.join(h.uploadsDir, "essay.pdf"), "%PDF-1.4 my essay");
    const args = { class_ref: CLASS, assessment_id: A, file_path: "essay.pdf" };
    // A token issued by this process for exactly this request, as a client without elicitation would get it.
    const tool = allTools().find((t) => t.name === "upload_assignment_file")!;
    const token = tokenOf((await runTool(tool, args, h.context)).content[0]!.text);
    const r = await h.call("upload_assignment_file", { ...args, confirm_token: token });
    expect(r.text).toMatch(/^The student declined this/);
    expect(s.asked).toHaveLength(1);
    expect(attachedNames(h)).toEqual([]);
  });

  it("does not count the student's thinking time against the tool deadline", async () => {
    // The student takes longer to answer than the whole call may take; the write still runs once they accept.
    const h = await harness({ configFile: { toolDeadlineMs: 1_000 }, elicit: () => new Promise<ElicitResult>((r) => setTimeout(() => r({ action: "accept" }), 1_500)) });
    const r = await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.mustAcknowledge });
    expect(r.text).toMatch(/^Acknowledged "/);
    expect(r.isError).toBe(false);
  });

  it("changes nothing when the client fails to ask", async () => {
    const s = student("fail");
    const h = await harness({ elicit: s.elicit });
    const r = await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.mustAcknowledge });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^Could not ask the student to approve this: .* Nothing was changed\./);
    expect(h.sandbox.stats.calls.filter((c) => c.operationName === "MarkPostsAsRead")).toEqual([]);
  });
});

describe("writes with a client without elicitation", () => {
  it("says the approval goes through the confirm token, and nothing runs without it", async () => {
    const h = await harness();
    const r = await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.mustAcknowledge });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^Approval: this client cannot ask the student directly \(no MCP elicitation\), so it goes through you with a confirm token\.$/m);
    expect(tokenOf(r.text)).toBeTruthy();
    expect(h.sandbox.stats.calls.filter((c) => c.operationName === "MarkPostsAsRead")).toEqual([]);
    expect(auditLines(h.dir).map((l) => [l.outcome, l.via])).toEqual([["preview", "token"]]);
  });
});
