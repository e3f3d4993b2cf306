import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const gatewayOps = (x: Harness) => x.sandbox.stats.calls.filter((c) => c.service === "gateway").map((c) => (c as { operationName?: string }).operationName);
/** How many times each document was sent (order-free: the per-class calls run in parallel). */
const opCounts = (x: Harness) => gatewayOps(x).reduce<Record<string, number>>((n, op) => ({ ...n, [op ?? "?"]: (n[op ?? "?"] ?? 0) + 1 }), {});

describe("whats_due", () => {
  it("lists the week across current classes, soonest first, with the student's own dates, ids and statuses", async () => {
    h = await startHarness();
    const r = await h.call("whats_due", {});
    expect(r.isError).toBe(false);
    const t = r.text;
    // The 06:59 UTC due date is 11:59 PM the previous day in Arizona.
    expect(t).toMatch(/\n- Sat Nov 21 \(in 13 hours\) — CST-323 Discussion "Topic 4 DQ 1" · 10 pts · no post yet · 2446a8cf\n {2}initial post was due Fri Nov 20 — post it now\n/);
    expect(t.trimEnd().split("\n").at(-1)).toBe("All times Arizona (MST); year 2026 and time 11:59 PM unless shown.");
    // Accommodated quiz date; each item ends with the short id assignment_details takes (it gives the link).
    expect(t).toMatch(/CST-323 Quiz "Topic 4 Quiz" · 20 pts · not started · your accommodated date · [0-9a-f]{8}\n/);
    expect(t).toContain("Item ids are for assignment_details (it gives the Halo link).");
    // Participation: the kind is the title; the posts counted ride on the item's line.
    expect(t).toMatch(/\n- Tue Nov 24 \(in 3 days\) — CST-323 Participation · 5 pts · in progress, 5 posts counted so far · b8b495e9\n/);
    // No per-item links: they cost ~45% of the answer and assignment_details has them.
    expect(t).not.toContain("https://");
    // Group work names the group.
    expect(t).toMatch(new RegExp(`Collaborative Argument Project.*group: Team Rhetoric · ${SEED.assessments.groupProject.slice(0, 8)}`));
    // Derived DQ deadline is labelled as such.
    // What every discussion line shares is said once: replies, the derivation, the classes' (shared) policy.
    expect(t).toContain("\nDiscussions: replies by the due date; initial-post dates are derived (Day 3 of the topic week); class policy CST-323, ENG-106: 4 posts on 3 different days.\n");
    expect(t.match(/replies by the due date/g)).toHaveLength(1);
    // Done work hidden by default, counted; past-due work pointed to missing_work.
    expect(t).not.toContain("Architecture Reading Reflection");
    expect(t).toMatch(/^Due now through Sat Nov 28 \(7 days\) in 2 current classes \(ENG-106, CST-323\): 10 items to do \(2 turned in or graded not shown; include_done: true shows them\)\./);
    expect(t).toContain("see missing_work");
    // Soonest first.
    expect(t.indexOf("Topic 4 DQ 1")).toBeLessThan(t.indexOf("Cloud Architecture Proposal"));
    expect(t.indexOf("Cloud Architecture Proposal")).toBeLessThan(t.indexOf("Topic 5 DQ 1"));
  });

  it("sends only the documents its answer uses: the class list, then per current class the gradebook core, class detail and the groups companion, all at once; a repeat is served from cache", async () => {
    h = await startHarness();
    h.sandbox.resetStats();
    await h.call("whats_due", {});
    // CST-323 and ENG-106 are current. Class detail (witnessed) carries the policy, start dates and group flags, so
    // the gradebook's details companion is not sent; the groups companion names groups and counts participation.
    expect(opCounts(h)).toEqual({ GetCourseClassesForUser: 1, GetAllClassGrades: 2, GetCourseClassBySlugId: 2, GetAllClassGradeGroups: 2 });
    h.sandbox.resetStats();
    await h.call("whats_due", { days: 3 });
    expect(gatewayOps(h)).toHaveLength(0);
  });

  it("grades_summary sends the class list and one gradebook core per current class, nothing else; a later grades call adds only the companions", async () => {
    h = await startHarness();
    h.sandbox.resetStats();
    await h.call("grades_summary", {});
    expect(opCounts(h)).toEqual({ GetCourseClassesForUser: 1, GetAllClassGrades: 2 });
    h.sandbox.resetStats();
    const r = await h.call("grades", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(opCounts(h)).toEqual({ GetAllClassGradeDetails: 1, GetAllClassGradeGroups: 1 });
  });

  it("a failed companion costs only its own facts: without class detail the deadlines stay, the policy lines go; without the groups companion the group flag stays, its name goes", async () => {
    h = await startHarness({ switches: { failOperations: { GetCourseClassBySlugId: "access" } } });
    let r = await h.call("whats_due", {});
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/- Sat Nov 21 \(in 13 hours\) — CST-323 Discussion "Topic 4 DQ 1" · 10 pts · no post yet · [0-9a-f]{8}\n- /);
    expect(r.text).not.toContain("class policy");
    expect(r.text).not.toContain("initial post");
    expect(r.text).toContain(" · 5 pts · in progress, 5 posts counted so far · ");
    expect(r.text).not.toMatch(/could not be loaded/);
    expect(r.text.split("\n").at(-1)).toBe("Note: incomplete answer, Halo did not provide: participation policy, start dates and group flags (class details could not be read).");
    await h.close();
    h = await startHarness({ switches: { failOperations: { GetAllClassGradeGroups: "access" } } });
    r = await h.call("whats_due", {});
    expect(r.text).toMatch(/"Collaborative Argument Project" · 150 pts · not started · group work · [0-9a-f]{8}\n/);
    expect(r.text).toContain("class policy CST-323, ENG-106: 4 posts on 3 different days.");
    expect(r.text).not.toContain("posts counted so far");
    expect(r.text.split("\n").at(-1)).toMatch(/^Note: incomplete answer, Halo did not provide: group names and participation progress \(.+\)\.$/);
  });

  it("concurrent cross-class questions share one grades call per class; cached data says how old it is", async () => {
    h = await startHarness();
    h.sandbox.resetStats();
    const [due, summary, missing] = await Promise.all([h.call("whats_due", {}), h.call("grades_summary", {}), h.call("missing_work", {})]);
    expect([due.isError, summary.isError, missing.isError]).toEqual([false, false, false]);
    const ops = gatewayOps(h);
    expect(ops.filter((o) => o === "GetAllClassGrades")).toHaveLength(2);
    expect(ops.filter((o) => o === "GetCourseClassesForUser")).toHaveLength(1);
    expect(due.text).not.toContain("(cached)");
    h.setNow(new Date(h.now().getTime() + 30_000));
    const again = await h.call("whats_due", {});
    expect(again.text).toMatch(/Data for .*CST-323 is 30 s old.*\(cached\)/);
    h.setNow(new Date(h.now().getTime() + 60_000)); // grades are never kept longer than a minute
    h.sandbox.resetStats();
    await h.call("whats_due", {});
    expect(gatewayOps(h).filter((o) => o === "GetAllClassGrades")).toHaveLength(2);
  });

  it("include_done shows turned-in work; class_ref narrows to one class", async () => {
    h = await startHarness();
    const all = await h.call("whats_due", { days: 14, include_done: true });
    expect(all.text).toMatch(/"Architecture Reading Reflection" · 40 pts · submitted, awaiting grade/);
    const one = await h.call("whats_due", { class_ref: "ENG-106" });
    expect(one.text).toContain("ENG-106 English Composition II");
    expect(one.text).not.toContain("CST-323 ");
  });

  it("an unknown class_ref is an error listing the student's classes", async () => {
    h = await startHarness();
    const r = await h.call("whats_due", { class_ref: "BIO-101" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/No class of yours matches "BIO-101".*CST-323/);
  });

  it("shows dates in the configured zone (HALO_TIMEZONE)", async () => {
    h = await startHarness({ env: { HALO_TIMEZONE: "America/New_York" } });
    const r = await h.call("whats_due", {});
    expect(r.text).toMatch(/Sun Nov 22 1:59 AM \(in 13 hours\) — CST-323 Discussion "Topic 4 DQ 1"/);
    // 1:59 AM is not the deadline time here, so it stays; the derived 11:59 PM initial-post date is left out.
    expect(r.text).toContain("All times America/New_York; year 2026 and time 11:59 PM unless shown.");
  });

  it("a class that fails mid-fan-out is named, the others still answer", async () => {
    h = await startHarness({ switches: { failClassIds: [SEED.classes.cloud.id], failClassMode: "error" } });
    const r = await h.call("whats_due", {});
    expect(r.isError).toBe(false);
    expect(r.text).toContain('ENG-106 Discussion "Topic 3 DQ 1"');
    expect(r.text).toMatch(/⚠ CST-323 \(CST-323-O500-\d+\) could not be loaded — Halo error.*NOT included/);
  });

  it("an access-denied class says so", async () => {
    h = await startHarness({ switches: { failClassIds: [SEED.classes.english.id], failClassMode: "access" } });
    const r = await h.call("whats_due", {});
    expect(r.text).toMatch(/⚠ ENG-106 .* access denied by Halo/);
    expect(r.text).toContain("CST-323 Discussion");
  });

  it("reports progress per class when the client asks for it", async () => {
    h = await startHarness();
    const seen: string[] = [];
    await h.client.callTool({ name: "whats_due", arguments: {} }, undefined, { onprogress: (p) => seen.push(`${p.progress}/${p.total} ${p.message ?? ""}`) });
    expect(seen).toHaveLength(2);
    expect(seen.join(";")).toMatch(/2\/2 loaded (CST-323|ENG-106)/);
  });
});

describe("missing_work", () => {
  it("lists past-due work, work due within 48 hours not turned in, and reassigned work due later", async () => {
    h = await startHarness();
    const r = await h.call("missing_work", {});
    const [past, rest] = r.text.split("Due within 48 hours");
    // The heading says "past due, not turned in"; the row says only "missing".
    expect(past).toMatch(/Past due, not turned in \(1\):\n- Tue Nov 17 — CST-323 Assignment "Serverless Function Design" · 120 pts · missing · [0-9a-f]{8}\n/);
    expect(rest).toContain('"Topic 4 DQ 1"');
    expect(rest).toContain('"Topic 3 DQ 1"');
    expect(rest).not.toContain("Cloud Architecture Proposal"); // due in 3 days
    expect(r.text).toMatch(/Sent back for resubmission, due later \(1\):\n- .*"IaaS Deployment Lab"/);
  });

  it("sends the same documents as whats_due, all after one class list", async () => {
    h = await startHarness();
    h.sandbox.resetStats();
    await h.call("missing_work", {});
    expect(opCounts(h)).toEqual({ GetCourseClassesForUser: 1, GetAllClassGrades: 2, GetCourseClassBySlugId: 2, GetAllClassGradeGroups: 2 });
  });
});
