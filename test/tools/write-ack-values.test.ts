/**
 * mark_grade_seen and acknowledge_announcement, value by value: the refusals, the preview, what is sent to Halo,
 * and a result that claims the change only when a fresh read shows it.
 */
import { HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import type { Harness } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { approved, auditLines, onOperation, writeCalls } from "../writes/support.js";

const harness = harnessPerTest();
const CLASS = "CST-323";
const FOOTER = "\n\nAll times Arizona (MST); year 2026 unless shown.";
/** The legend of an answer whose own dates were at 11:59 PM: the time is said there once. */
const FOOTER_AT = "\n\nAll times Arizona (MST); year 2026 and time 11:59 PM unless shown.";
const cloudGrades = (h: Harness) => h.sandbox.world.grades.filter((g) => g.courseClassId === SEED.classes.cloud.id);
const titleOf = (h: Harness, assessmentId: string) => h.sandbox.world.classes.flatMap((c) => c.units.flatMap((u) => u.assessments)).find((a) => a.id === assessmentId)!.title;
const cloudPost = (h: Harness, title: string) => h.sandbox.world.posts.find((p) => p.forumId === SEED.forums.cloudAnnouncements && p.title === title)!;
const marks = (h: Harness) => h.sandbox.stats.calls.filter((c) => c.operationName === "AddStudentGradeSeenDateTime" || c.operationName === "MarkPostsAsRead");

describe("mark_grade_seen values", () => {
  it("refuses an unknown or unpublished grade and reports one already seen, each without a mutation", async () => {
    const h = await harness();
    const unknown = await h.call("mark_grade_seen", { class_ref: CLASS, assessment_id: "nope" });
    expect(unknown).toEqual({ isError: true, text: "CST-323 has no graded item with id nope. Use the grades tool for this class to get the right id. Nothing was changed." });
    const unpublished = cloudGrades(h).find((g) => g.status === "SUBMITTED")!;
    const r = await h.call("mark_grade_seen", { class_ref: CLASS, assessment_id: unpublished.assessmentId });
    expect(r).toEqual({ isError: true, text: `"${titleOf(h, unpublished.assessmentId)}" has no published grade yet, so there is nothing to mark as seen. Nothing was changed.` });
    const seen = cloudGrades(h).find((g) => g.status === "PUBLISHED" && g.userLastSeenDate === "2026-11-07T06:59:00.000Z")!;
    const again = await h.call("mark_grade_seen", { class_ref: CLASS, assessment_id: seen.assessmentId });
    expect(again).toEqual({ isError: false, text: `"${titleOf(h, seen.assessmentId)}" is already marked as seen (Fri Nov 6). Nothing changed.${FOOTER_AT}` });
    expect(marks(h)).toEqual([]);
    expect(auditLines(h.dir).map((l) => [l.tool, l.outcome, l.reason, l.class, l.assessment])).toEqual([
      ["mark_grade_seen", "refused", "no such graded item", h.sandbox.ids.classes.cloud.slugId, "nope"],
      ["mark_grade_seen", "refused", "grade not published", h.sandbox.ids.classes.cloud.slugId, unpublished.assessmentId],
    ]);
  });

  it("sends the grade's id and reports the time Halo records", async () => {
    const seen: unknown[] = [];
    const h = await harness({ wrapHandlers: (hs) => [onOperation("AddStudentGradeSeenDateTime", seen), ...hs] });
    const g = cloudGrades(h).find((x) => x.status === "PUBLISHED" && !x.userLastSeenDate)!;
    const title = titleOf(h, g.assessmentId);
    const r = await approved(h, "mark_grade_seen", { class_ref: CLASS, assessment_id: g.assessmentId });
    expect(r.preview.split("\n")[1]).toBe(`Mark the grade for "${title}" (CST-323) as seen: Halo clears its new-grade marker and records that you saw the grade and feedback.`);
    expect(r).toMatchObject({ isError: false, text: `Marked the grade for "${title}" (CST-323) as seen; Halo records Sat Nov 21 10 AM (now).${FOOTER}` });
    expect(seen).toEqual([{ userCourseClassAssessmentGradeId: g.id }]);
    const at = { tool: "mark_grade_seen", class: h.sandbox.ids.classes.cloud.slugId, assessment: g.assessmentId };
    expect(auditLines(h.dir).map(({ time: _t, ...l }) => l)).toEqual([
      { ...at, outcome: "preview", via: "token" },
      { ...at, outcome: "confirmed", via: "token" },
      { ...at, outcome: "succeeded" },
    ]);
  });

  it("says Halo refused, and changes nothing else, when the mutation fails", async () => {
    const h = await harness({ switches: { failOperations: { AddStudentGradeSeenDateTime: "access" } } });
    const g = cloudGrades(h).find((x) => x.status === "PUBLISHED" && !x.userLastSeenDate)!;
    const r = await approved(h, "mark_grade_seen", { class_ref: CLASS, assessment_id: g.assessmentId });
    expect(r).toMatchObject({ isError: true, text: `Halo did not mark "${titleOf(h, g.assessmentId)}" as seen: Halo refused access to this class. Nothing else was changed; you can try again.` });
    expect(g.userLastSeenDate).toBeNull();
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "failed", step: "mark" });
  });

  it("does not claim it when Halo answers but its gradebook does not show the grade seen", async () => {
    const h = await harness({ wrapHandlers: (hs) => [onOperation("AddStudentGradeSeenDateTime", [], () => HttpResponse.json({ data: { addStudentGradeSeenDateTime: { userLastSeenDate: null } } })), ...hs] });
    const g = cloudGrades(h).find((x) => x.status === "PUBLISHED" && !x.userLastSeenDate)!;
    const r = await approved(h, "mark_grade_seen", { class_ref: CLASS, assessment_id: g.assessmentId });
    expect(r).toMatchObject({ isError: false, text: `Halo accepted marking "${titleOf(h, g.assessmentId)}" as seen, but its gradebook does not show it yet.` });
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "unverified", step: "verify" });
  });
});

describe("acknowledge_announcement values", () => {
  it("refuses unknown and scheduled announcements with their reasons, and reports ones already done", async () => {
    const h = await harness();
    const unknown = await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: "nope" });
    expect(unknown).toEqual({ isError: true, text: "CST-323 has no current announcement with id nope. Use the announcements tool to get the id. Nothing was changed." });
    const scheduled = await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.scheduled });
    expect(scheduled).toEqual({ isError: true, text: "That announcement is not published yet, so there is nothing to acknowledge. Nothing was changed." });
    const acked = await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: cloudPost(h, "Syllabus acknowledgement").id });
    expect(acked.text).toBe('"Syllabus acknowledgement" is already acknowledged in Halo. Nothing changed.');
    const read = await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: cloudPost(h, "Welcome to CST-323!").id });
    expect(read.text).toBe('"Welcome to CST-323!" is already marked as read in Halo. Nothing changed.');
    expect(marks(h)).toEqual([]);
    expect(auditLines(h.dir).map((l) => [l.outcome, l.reason, l.thread])).toEqual([
      ["refused", "no such announcement", "nope"],
      ["refused", "announcement not published", SEED.posts.scheduled],
    ]);
  });

  it("takes an announcement that starts this very minute as published", async () => {
    const h = await harness({ tweak: (s) => void (s.world.posts.find((p) => p.id === SEED.posts.scheduled)!.startDate = "2026-11-21T17:00:00.000Z") });
    const r = await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.scheduled });
    expect(r.isError, r.text).toBe(false);
    expect(r.text).toMatch(/^PREVIEW — nothing has been changed yet\.\n(Acknowledge|Mark as read) the announcement "/);
  });

  it("marks an ordinary announcement read, saying it asked for no acknowledgement", async () => {
    const seen: unknown[] = [];
    const h = await harness({ wrapHandlers: (hs) => [onOperation("MarkPostsAsRead", seen), ...hs] });
    const post = h.sandbox.world.posts.find((p) => p.forumId === SEED.forums.cloudAnnouncements && !p.isAcknowledge && p.title?.startsWith("This week"))!;
    const r = await approved(h, "acknowledge_announcement", { class_ref: CLASS, post_id: post.id });
    expect(r.preview.split("\n")[1]).toBe("Mark as read the announcement \"This week’s reminders\" in CST-323 Cloud Computing: Halo records that you have read it.");
    expect(r).toMatchObject({ isError: false, text: 'Marked "This week’s reminders" in CST-323 as read. (It did not ask for a formal acknowledgement.)' });
    expect(seen).toEqual([{ postIds: [post.id] }]);
    expect(post.readBy[SEED.student.userId]).toBeTruthy();
    const at = { tool: "acknowledge_announcement", class: h.sandbox.ids.classes.cloud.slugId, thread: post.id };
    expect(auditLines(h.dir).map(({ time: _t, ...l }) => l)).toEqual([
      { ...at, outcome: "preview", via: "token" },
      { ...at, outcome: "confirmed", via: "token" },
      { ...at, outcome: "succeeded" },
    ]);
  });

  it("acknowledges one that asks for it even when a classmate already did, with the time Halo records", async () => {
    const h = await harness();
    const post = h.sandbox.world.posts.find((p) => p.id === SEED.posts.mustAcknowledge)!;
    post.acknowledgements.push({ userId: SEED.instructors.cloud, acknowledgedTimestamp: "2026-11-20T17:00:00.000Z" });
    const r = await approved(h, "acknowledge_announcement", { class_ref: CLASS, post_id: post.id });
    expect(r.preview.split("\n")[1]).toBe(
      'Acknowledge the announcement "Academic integrity acknowledgement required" in CST-323 Cloud Computing: Halo records that you have read it (your instructor sees the acknowledgement).',
    );
    expect(r).toMatchObject({ isError: false, text: `Acknowledged "Academic integrity acknowledgement required" in CST-323 (Halo records Sat Nov 21 10 AM (now)).${FOOTER}` });
  });

  it("says Halo did not record it when the mutation fails, and does not claim an unconfirmed acknowledgement", async () => {
    const failing = await harness({ switches: { failOperations: { MarkPostsAsRead: "access" } } });
    const r = await approved(failing, "acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.mustAcknowledge });
    expect(r).toMatchObject({ isError: true, text: 'Halo did not record "Academic integrity acknowledgement required" as read: Halo refused access to this class. Nothing else was changed; you can try again.' });
    expect(auditLines(failing.dir).at(-1)).toMatchObject({ outcome: "failed", step: "mark" });
    await failing.close();

    const h = await harness({ wrapHandlers: (hs) => [onOperation("MarkPostsAsRead", [], () => HttpResponse.json({ data: { markPostsAsRead: true } })), ...hs] });
    const ack = await approved(h, "acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.mustAcknowledge });
    expect(ack.text).toBe('Halo accepted marking "Academic integrity acknowledgement required" as read, but does not show it acknowledged yet. Check the announcement in Halo if the acknowledgement matters.');
    const plain = h.sandbox.world.posts.find((p) => p.forumId === SEED.forums.cloudAnnouncements && !p.isAcknowledge && p.title?.startsWith("This week"))!;
    const read = await approved(h, "acknowledge_announcement", { class_ref: CLASS, post_id: plain.id });
    expect(read.text).toBe('Halo accepted marking "This week’s reminders" as read, but does not show it read yet. Check the announcement in Halo if the acknowledgement matters.');
    expect(auditLines(h.dir).filter((l) => l.outcome === "unverified").map((l) => l.step)).toEqual(["verify", "verify"]);
    expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
  });
});

describe("a re-read that fails after the change", () => {
  const failReadsOnApproval = (op: string) => {
    const box: { h?: Harness } = {};
    return {
      box,
      elicit: () => {
        box.h!.sandbox.switches.failOperations = { [op]: "http500" };
        return { action: "accept" as const };
      },
    };
  };

  it("leaves a grade marked but unconfirmed", async () => {
    const f = failReadsOnApproval("GetAllClassGrades");
    const h = (f.box.h = await harness({ elicit: f.elicit }));
    const g = cloudGrades(h).find((x) => x.status === "PUBLISHED" && !x.userLastSeenDate)!;
    const r = await h.call("mark_grade_seen", { class_ref: CLASS, assessment_id: g.assessmentId });
    expect(r).toEqual({ isError: false, text: `Halo accepted marking "${titleOf(h, g.assessmentId)}" as seen, but its gradebook does not show it yet.` });
    expect(g.userLastSeenDate).not.toBeNull();
  });

  it("leaves an acknowledgement made but unconfirmed", async () => {
    const f = failReadsOnApproval("Announcements");
    const h = (f.box.h = await harness({ elicit: f.elicit }));
    const r = await h.call("acknowledge_announcement", { class_ref: CLASS, post_id: SEED.posts.mustAcknowledge });
    expect(r).toEqual({
      isError: false,
      text: 'Halo accepted marking "Academic integrity acknowledgement required" as read, but does not show it acknowledged yet. Check the announcement in Halo if the acknowledgement matters.',
    });
    expect(h.sandbox.world.posts.find((p) => p.id === SEED.posts.mustAcknowledge)!.acknowledgements.map((a) => a.userId)).toEqual([SEED.student.userId]);
  });
});
