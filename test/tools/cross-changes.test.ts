import { readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { bare } from "../../src/sandbox/world/dates.js";
import { FIXED_NOW, startHarness, type Harness } from "../helpers/harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const HOUR = 3_600_000;
const stateFile = (x: Harness) => path.join(x.dir, "what-changed.json");
const gradeOf = (x: Harness, assessmentId: string) => x.sandbox.world.grades.find((g) => g.assessmentId === assessmentId && g.userId === x.sandbox.world.studentId)!;

function changeThings(x: Harness, at: Date): void {
  const w = x.sandbox.world;
  const reflection = gradeOf(x, SEED.assessments.submitted);
  Object.assign(reflection, { status: "PUBLISHED", finalPoints: 36, gradedDate: at.toISOString(), modifiedDate: at.toISOString() });
  const proposal = gradeOf(x, SEED.assessments.upload);
  const moved = bare(new Date(Date.parse(`${proposal.dueDate.replace(" ", "T")}Z`) + 2 * 86_400_000));
  proposal.dueDate = moved;
  const a = w.classes.flatMap((c) => c.units.flatMap((u) => u.assessments)).find((y) => y.id === SEED.assessments.upload)!;
  a.dueDate = moved;
  const template = w.posts.find((p) => p.forumId === SEED.forums.cloudAnnouncements && !p.parentPostId)!;
  w.posts.push({ ...template, id: "post-new-ann", title: "Office hours moved to Friday", isAcknowledge: false, acknowledgements: [], publishDate: at.toISOString(), startDate: at.toISOString(), modifiedDate: at.toISOString() });
  w.alerts.unshift({ id: "alert-new", userId: w.studentId, classId: SEED.classes.cloud.id, isRead: false, timestamp: at.toISOString(), type: "GRADE", data: { assignmentTitle: "Architecture Reading Reflection", assessmentId: SEED.assessments.submitted } });
}

describe("what_changed", () => {
  it("first call records a baseline; later calls report grades, moved due dates, announcements and alerts since then", async () => {
    h = await startHarness();
    const first = await h.call("what_changed", {});
    expect(first.isError).toBe(false);
    expect(first.text).toMatch(/^Baseline recorded at Sat Nov 21 10 AM for .*CST-323/);
    const st = statSync(stateFile(h));
    expect(st.mode & 0o777).toBe(0o600);
    expect(st.size).toBeLessThan(8_000);
    const saved = JSON.parse(readFileSync(stateFile(h), "utf8")) as { classes: Record<string, { items: Record<string, unknown[]> }> };
    expect(saved.classes[SEED.classes.cloud.id]!.items[SEED.assessments.missing]).toEqual(["OVERDUE", null, expect.any(Number)]);

    h.setNow(new Date(FIXED_NOW.getTime() + HOUR));
    const quiet = await h.call("what_changed", {});
    expect(quiet.text).toContain("Nothing new");

    changeThings(h, new Date(FIXED_NOW.getTime() + 1.5 * HOUR));
    h.setNow(new Date(FIXED_NOW.getTime() + 2 * HOUR));
    const r = await h.call("what_changed", {});
    expect(r.text).toMatch(/^Changes since your last check, Sat Nov 21 11 AM:/);
    expect(r.text).toContain('- graded: CST-323 "Architecture Reading Reflection" 36/40');
    expect(r.text).toMatch(/- due date moved: CST-323 "Cloud Architecture Proposal" from Tue Nov 24 to Thu Nov 26 \(in 5 days\)\n/);
    expect(r.text).toContain("All times Arizona (MST); year 2026 and time 11:59 PM unless shown.");
    expect(r.text).toMatch(/New announcements \(1;[\s\S]*> CST-323 · .* · Office hours moved to Friday/);
    expect(r.text).toMatch(/Unread alerts \(1\):[\s\S]*> CST-323 · grade: Architecture Reading Reflection/);
    expect(r.text).toContain("Watermark moved to now.");

    const again = await h.call("what_changed", {});
    expect(again.text).toContain("Nothing new");
  });

  it("a class that fails keeps its old mark, so its changes are reported once it loads again", async () => {
    h = await startHarness();
    await h.call("what_changed", {});
    h.sandbox.switches.failClassIds = [SEED.classes.cloud.id];
    changeThings(h, new Date(FIXED_NOW.getTime() + 0.5 * HOUR));
    h.setNow(new Date(FIXED_NOW.getTime() + HOUR));
    const failed = await h.call("what_changed", {});
    expect(failed.isError).toBe(false);
    expect(failed.text).toMatch(/⚠ CST-323 .*could not be loaded.*changes are NOT included/);
    expect(failed.text).not.toContain("Architecture Reading Reflection\" 36/40");
    const saved = JSON.parse(readFileSync(stateFile(h), "utf8")) as { classes: Record<string, { at: string }> };
    expect(saved.classes[SEED.classes.cloud.id]!.at).toBe(FIXED_NOW.toISOString());
    expect(saved.classes[SEED.classes.english.id]!.at).toBe(new Date(FIXED_NOW.getTime() + HOUR).toISOString());

    h.sandbox.switches.failClassIds = [];
    h.setNow(new Date(FIXED_NOW.getTime() + 2 * HOUR));
    const back = await h.call("what_changed", {});
    expect(back.text).toContain('- graded: CST-323 "Architecture Reading Reflection" 36/40');
    expect(back.text).toContain("Office hours moved to Friday");
  });

  it("since looks back without touching the watermark; bad since is refused", async () => {
    h = await startHarness();
    const r = await h.call("what_changed", { since: "7d" });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^Changes since Sat Nov 14 10 AM:/);
    expect(r.text).toMatch(/- graded: /);
    expect(r.text).toContain("Academic integrity acknowledgement required [you must acknowledge this]");
    expect(r.text).toContain("Due-date changes are only tracked");
    expect(existsSync(stateFile(h))).toBe(false);
    const bad = await h.call("what_changed", { since: "last tuesday-ish" });
    expect(bad.isError).toBe(true);
    expect(bad.text).toContain("Could not read since");
    const future = await h.call("what_changed", { since: "2027-01-01T00:00:00Z" });
    expect(future.isError).toBe(true);
  });

  it("finds announcements through the forum path when the announcements field is missing", async () => {
    h = await startHarness({ switches: { announcements: "missing" } });
    const r = await h.call("what_changed", { since: "7d" });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/> CST-323 · .*Academic integrity acknowledgement required/);
  });
});
