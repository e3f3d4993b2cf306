import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { startHarness } from "../helpers/harness.js";
import { approved, auditLines } from "../writes/support.js";

type H = Awaited<ReturnType<typeof startHarness>>;
let h: H | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("mark_grade_seen", () => {
  it("marks a published grade seen once, then reports it already seen", async () => {
    h = await startHarness();
    const unseen = h.sandbox.world.grades.find((g) => g.status === "PUBLISHED" && !g.userLastSeenDate && g.courseClassId === SEED.classes.cloud.id);
    expect(unseen, "seed has an unseen published grade in CST-323").toBeDefined();
    const r = await approved(h, "mark_grade_seen", { class_ref: "CST-323", assessment_id: unseen!.assessmentId });
    expect(r.isError, r.text).toBe(false);
    expect(r.preview).toMatch(/^PREVIEW — nothing has been changed yet\.\nMark the grade for ".*" \(CST-323\) as seen/);
    expect(r.text).toMatch(/^Marked the grade for ".*" \(CST-323\) as seen; Halo records /);
    expect(h.sandbox.world.grades.find((g) => g.id === unseen!.id)?.userLastSeenDate).toBeTruthy();
    const again = await h.call("mark_grade_seen", { class_ref: "CST-323", assessment_id: unseen!.assessmentId });
    expect(again.text).toMatch(/already marked as seen/);
    expect(auditLines(h.dir).map((l) => l.outcome)).toEqual(["preview", "confirmed", "succeeded"]);
  });

  it("refuses an unpublished grade without calling the mutation", async () => {
    h = await startHarness();
    const r = await h.call("mark_grade_seen", { class_ref: "CST-323", assessment_id: SEED.assessments.unpublishedGraded });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/no published grade yet/);
    expect(h.sandbox.stats.calls.filter((c) => c.operationName === "AddStudentGradeSeenDateTime")).toEqual([]);
  });
});

describe("acknowledge_announcement", () => {
  it("acknowledges an announcement that asks for it, once", async () => {
    h = await startHarness();
    const id = SEED.posts.mustAcknowledge;
    const r = await approved(h, "acknowledge_announcement", { class_ref: "CST-323", post_id: id });
    expect(r.isError, r.text).toBe(false);
    expect(r.preview).toMatch(/^Acknowledge the announcement ".*" in CST-323 .*your instructor sees the acknowledgement/m);
    expect(r.text).toMatch(/^Acknowledged ".*" in CST-323 \(Halo records /);
    expect(h.sandbox.world.posts.find((p) => p.id === id)?.acknowledgements.map((a) => a.userId)).toEqual([SEED.student.userId]);
    const again = await h.call("acknowledge_announcement", { class_ref: "CST-323", post_id: id });
    expect(again.text).toMatch(/already acknowledged/);
    expect(auditLines(h.dir).map((l) => l.outcome)).toEqual(["preview", "confirmed", "succeeded"]);
  });

  it("refuses scheduled and unknown announcements without writing", async () => {
    h = await startHarness();
    const scheduled = await h.call("acknowledge_announcement", { class_ref: "CST-323", post_id: SEED.posts.scheduled });
    expect(scheduled.isError).toBe(true);
    const unknown = await h.call("acknowledge_announcement", { class_ref: "CST-323", post_id: "nope" });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toMatch(/no current announcement/);
    expect(h.sandbox.stats.calls.filter((c) => c.operationName === "MarkPostsAsRead")).toEqual([]);
  });
});
