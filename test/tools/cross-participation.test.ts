import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("dq_participation", () => {
  it("per open forum: initial post, replies and what the policy still needs; earlier forums from the gradebook", async () => {
    h = await startHarness();
    h.sandbox.resetStats();
    const r = await h.call("dq_participation", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(r.text).toContain("class participation policy: 4 posts on 3 different days");
    expect(r.text).toMatch(/- "Topic 4 DQ 1" · due Sat Nov 21 \(in 13 hours\) · initial post: NOT YET \(derived deadline Fri Nov 20\) .*your replies: 0 · 0 posts on 0 days → policy still needs 4 more posts on 3 more days/);
    expect(r.text).toMatch(/- "Topic 4 DQ 2" · .*initial post: yes .*→ policy still needs 3 more posts on 2 more days/);
    expect(r.text).toMatch(/earlier: \d+ forums, \d+ with your post \(from the gradebook\)/);
    // An opening date is not a deadline: no "(in N days)" countdown after it.
    expect(r.text).toMatch(/next: "Topic 5 DQ 1" opens \w{3} \w{3} \d{1,2}(?: [^(\n]*)?(?: \(\+\d+ later\))?$/m);
    expect(r.text).not.toMatch(/opens [^\n]*\(in /);
    // Posts are read only for open forums: list + gradebook (core + 2 companions) + class detail (policy) +
    // forums + one post read per open forum.
    const ops = h.sandbox.stats.calls.filter((c) => c.service === "gateway").map((c) => (c as { operationName?: string }).operationName);
    expect(ops.filter((o) => o === "Posts")).toHaveLength(2);
    expect(ops.length).toBeLessThanOrEqual(8);
  });

  it("counts a new post by the student", async () => {
    h = await startHarness();
    const w = h.sandbox.world;
    const forum = w.forums.find((f) => f.contextId === SEED.assessments.dueAtUtcEdge)!;
    const at = new Date(h.now().getTime() - 3_600_000).toISOString();
    const base = w.posts.find((p) => p.forumId === forum.forumId) ?? w.posts[0]!;
    w.posts.push({ ...base, id: "p-mine-1", forumId: forum.forumId, parentPostId: null, rootParentId: null, createdByUserId: w.studentId, publishDate: at, startDate: at, modifiedDate: at, postStatus: "PUBLISHED" });
    const r = await h.call("dq_participation", { class_ref: "CST-323" });
    expect(r.text).toMatch(/- "Topic 4 DQ 1" · .*initial post: yes .*your replies: 0 · 1 post on 1 day → policy still needs 3 more posts on 2 more days/);
  });

  it("names a class that fails", async () => {
    h = await startHarness({ switches: { failClassIds: [SEED.classes.english.id] } });
    const r = await h.call("dq_participation", {});
    expect(r.text).toContain("CST-323 Cloud Computing —");
    expect(r.text).toMatch(/⚠ ENG-106 .*could not be loaded/);
  });
});
