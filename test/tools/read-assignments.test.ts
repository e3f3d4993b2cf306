/**
 * view_assignments, assignment_details, grades and feedback against the sandbox, through a real MCP client.
 */
import { describe, expect, it } from "vitest";
import { sharedHarness } from "../helpers/lifecycle.js";
import { SEED } from "../../src/sandbox/world/ids.js";

const h = sharedHarness();

/** Answers show ids as their first 8+ characters: find a row by an id's 8-character prefix. */
const lineWith = (text: string, needle: string): string => text.split("\n").find((l) => l.includes(/^[0-9a-f]{8}-/.test(needle) ? needle.slice(0, 8) : needle)) ?? "";
const hiddenPoints = () => {
  const g = h.sandbox.world.grades.find((x) => x.assessmentId === SEED.assessments.unpublishedGraded && x.userId === SEED.student.userId)!;
  expect(g.status).not.toBe("PUBLISHED");
  expect(g.finalPoints).not.toBeNull();
  return g.finalPoints!;
};

describe("view_assignments", () => {
  it("groups by unit with local due dates, accommodations and ids", async () => {
    const r = await h.call("view_assignments", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^CST-323 Cloud Computing — \d+ assessments/);
    expect(r.text).toMatch(/## Topic 4: Cloud Architecture \(.*\) — current unit/);
    // Due 06:59 UTC on Nov 22 is still Saturday night in Arizona.
    expect(lineWith(r.text, SEED.assessments.dueAtUtcEdge)).toBe("- 2446a8cf Topic 4 DQ 1 · 10 pts · due Sat Nov 21 (in 13 hours) · not submitted");
    // Topic 4 Quiz carries a two-day accommodation.
    expect(lineWith(r.text, "Topic 4 Quiz")).toBe("- 74ee9c17 Topic 4 Quiz · 20 pts · due Thu Nov 26 (in 5 days) · not submitted · timed");
    // The date most of a unit's rows share is said once; rows due otherwise show theirs.
    expect(r.text).toContain("## Topic 4: Cloud Architecture (Nov 18 – Nov 24) — current unit — due Tue Nov 24 (in 3 days) unless shown\n");
    expect(lineWith(r.text, "LopesCloud Lab 4")).toBe("- e3b27df6 LopesCloud Lab 4 · external tool · 30 pts · not submitted");
    // A unit where nothing is open says so once; a future opening is a date, not a countdown.
    expect(r.text).toContain("## Topic 6: Cloud Security (Dec 2 – Dec 8) — all due Tue Dec 8 (in 17 days) — not open yet\n");
    expect(lineWith(r.text, "Topic 6 DQ 1")).toBe("- bf226070 Topic 6 DQ 1 · 10 pts · opens Wed Dec 2 12 AM");
    expect(lineWith(r.text, "Topic 6 Assignment")).toBe("- ff4b82d0 Topic 6 Assignment · 100 pts · LopesWrite");
    // Past or met deadlines carry no relative phrase.
    // A unit whose items share one due date says it once, in its heading.
    expect(r.text).toContain("## Topic 3: Serverless Computing (Nov 11 – Nov 17) — all due Tue Nov 17\n");
    expect(lineWith(r.text, SEED.assessments.missing)).toMatch(/ · 120 pts · overdue, not submitted/);
    expect(lineWith(r.text, SEED.assessments.missing)).not.toMatch(/\bdue\b/);
    expect(lineWith(r.text, SEED.assessments.submitted)).toMatch(/due Sun Nov 22 · submitted Sat Nov 21 5 AM$/);
    // A published score says the points; "100 pts" is not repeated beside it.
    expect(lineWith(r.text, SEED.assessments.publishedWithRubric)).toMatch(/^- 28053496 Cloud Service Models Comparison · assignment · graded 88\/100 \(88%\)/);
    // Rows start with their short id; no full UUID is left outside links.
    expect(r.text).not.toMatch(/(?<![/=#])[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(r.text.trimEnd().split("\n").at(-1)).toBe("All times Arizona (MST); year 2026 and time 11:59 PM unless shown.");
    expect(r.text).not.toMatch(/__typename|null|undefined|NaN/);
  });

  it("narrows to one unit on request", async () => {
    const cur = await h.call("view_assignments", { class_ref: "CST-323", unit: "current" });
    expect(cur.text.match(/^## /gm)).toHaveLength(1);
    expect(cur.text).toMatch(/## Topic 4: Cloud Architecture/);
    const two = await h.call("view_assignments", { class_ref: "CST-323", unit: "2" });
    expect(two.text).toMatch(/## Topic 2: Infrastructure as a Service/);
    expect(two.text.match(/^## /gm)).toHaveLength(1);
    const none = await h.call("view_assignments", { class_ref: "CST-323", unit: "basket" });
    expect(none.isError).toBe(true);
    expect(none.text).toMatch(/Units: Topic 1/);
  });

  it("never shows points of an unpublished grade", async () => {
    const r = await h.call("view_assignments", { class_ref: "CST-323" });
    const line = lineWith(r.text, SEED.assessments.unpublishedGraded);
    expect(line).toContain("submitted");
    expect(line).not.toMatch(new RegExp(`graded|\\b${hiddenPoints()}/`));
  });
});

describe("assignment_details", () => {
  it("shows instructions, rubric levels, flags, my files and the deep link", async () => {
    const r = await h.call("assignment_details", { assessment_id: SEED.assessments.publishedWithRubric });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^# Cloud Service Models Comparison \(CST-323 Cloud Computing\)/);
    expect(r.text).toContain("LopesWrite similarity check required");
    expect(r.text).toContain(`/courses/${h.sandbox.ids.classes.cloud.slugId}#assignment-submission/${SEED.assessments.publishedWithRubric}`);
    expect(r.text).toContain("## Instructions\n> Cloud Service Models Comparison");
    expect(r.text.match(/quoted text/g)).toHaveLength(1);
    expect(r.text).toMatch(/> - Content and Analysis \(50 pts\)/);
    expect(r.text).toMatch(/> {3}- Target \(50\)/);
    expect(r.text).toMatch(/Files attached \(1; resource_id is for download_resource\)/);
    expect(r.text).toContain("score: 88/100 (88%)");
  });

  it("links quizzes and group work to their own pages", async () => {
    const quiz = await h.call("assignment_details", { assessment_id: SEED.assessments.quizPublished });
    expect(quiz.text).toContain(`/quiz/${SEED.assessments.quizPublished}`);
    const group = await h.call("assignment_details", { assessment_id: SEED.assessments.groupProject, class_ref: "ENG-106" });
    expect(group.isError).toBe(false);
    expect(group.text).toContain(`/groups?assessmentId=${SEED.assessments.groupProject}`);
    expect(group.text).toContain("group assignment");
  });

  it("finds by title, and lists candidates on a tie or a miss", async () => {
    const tie = await h.call("assignment_details", { title: "proposal" });
    expect(tie.isError).toBe(true);
    expect(tie.text).toContain(SEED.assessments.upload.slice(0, 8));
    expect(tie.text).toMatch(/ENG-106/);
    const one = await h.call("assignment_details", { title: "architecture proposal" });
    expect(one.isError).toBe(false);
    expect(one.text).toMatch(/^# Cloud Architecture Proposal/);
    expect(one.text).toMatch(/## Your work\nStatus: not submitted/);
    const scoped = await h.call("assignment_details", { title: "proposal", class_ref: "CST-323" });
    expect(scoped.text).toMatch(/^# Cloud Architecture Proposal/);
    const miss = await h.call("assignment_details", { title: "underwater basket weaving", class_ref: "CST-323" });
    expect(miss.isError).toBe(true);
    expect(miss.text).toMatch(/Nothing in CST-323 Cloud Computing matches/);
    const none = await h.call("assignment_details", {});
    expect(none.isError).toBe(true);
    expect(none.text).toMatch(/assessment_id .* or a title/);
  });
});

describe("short ids", () => {
  it("a tool takes the 8-character id an answer showed, and the full id", async () => {
    const list = await h.call("view_assignments", { class_ref: "CST-323" });
    const short = SEED.assessments.publishedWithRubric.slice(0, 8);
    expect(list.text).toContain(`- ${short} Cloud Service Models Comparison`);
    const byShort = await h.call("assignment_details", { assessment_id: short });
    expect(byShort.isError).toBe(false);
    expect(byShort.text).toMatch(/^# Cloud Service Models Comparison/);
    // The link keeps the whole id; the id line shows the short form.
    expect(byShort.text).toContain(`#assignment-submission/${SEED.assessments.publishedWithRubric}`);
    expect(byShort.text).toContain(`assessment_id: ${short}\n`);
    const byFull = await h.call("feedback", { class_ref: "CST-323", assessment_id: SEED.assessments.publishedWithRubric });
    expect(byFull.text).toContain("Score: 88/100 (88%)");
    const unknown = await h.call("feedback", { class_ref: "CST-323", assessment_id: "0000beef" });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toMatch(/assessment_id "0000beef" matches no id shown in this session/);
  });
});

describe("grades and feedback", () => {
  it("grades: published scores only, totals stated, unpublished points hidden", async () => {
    const r = await h.call("grades", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(r.text).toContain("Final grade not published; published so far 147/165 (89.1%) over 9 graded items.");
    expect(r.text).toMatch(/## Submitted, awaiting grade \(\d+\)\n(- .*\n)*- [0-9a-f]{8} Topic 3 DQ 1 · discussion · 10 pts · due Tue Nov 17\n/);
    expect(lineWith(r.text, SEED.assessments.unpublishedGraded)).not.toContain(`${hiddenPoints()}/`);
  });

  it("a finished class shows its published final grade", async () => {
    const r = await h.call("grades", { class_ref: "UNV-103" });
    expect(r.text).toMatch(/Final grade: [A-F][+-]? · /);
  });

  it("feedback joins rubric scores to criteria and lists feedback files", async () => {
    const r = await h.call("feedback", { class_ref: "CST-323", assessment_id: SEED.assessments.publishedWithRubric });
    expect(r.isError).toBe(false);
    expect(r.text).toContain("Score: 88/100 (88%)");
    expect(r.text).toMatch(/## Instructor comment\n> /);
    expect(r.text).toContain(`resource_id: ${SEED.resources.feedbackPdf.slice(0, 8)}`);
    expect(r.text).toMatch(/> - Content and Analysis · level: \w+ · [\d.]+\/50/);
  });

  it("feedback on a quiz includes the quiz result", async () => {
    const r = await h.call("feedback", { class_ref: "CST-323", title: "topic 1 quiz" });
    expect(r.text).toMatch(/## Quiz result\nScore: [\d.]+ · correct: \d+/);
  });

  it("feedback on an unpublished grade says so and leaks nothing", async () => {
    const r = await h.call("feedback", { class_ref: "CST-323", assessment_id: SEED.assessments.unpublishedGraded });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/Not graded yet — status: submitted/);
    expect(r.text).not.toMatch(new RegExp(`\\b${hiddenPoints()}/|Score:`));
    expect(r.text).not.toMatch(/Instructor comment|Rubric scores/);
  });
});
