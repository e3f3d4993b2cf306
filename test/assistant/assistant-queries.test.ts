import { describe, expect, it } from "vitest";
import { softAnnouncementPosts } from "../../src/assistant/announcements.js";
import { DQ_POST_AUTHORS_QUERY, fetchDqForums, fetchPostAuthors } from "../../src/assistant/dq-queries.js";
import type { PlannerClass } from "../../src/assistant/load.js";
import { withDegradedNotes } from "../../src/halo/degraded.js";
import { HaloError } from "../../src/halo/errors.js";
import type { HaloApi } from "../../src/halo/types.js";
import type { RawAlert } from "../../src/queries/inbox.js";
import type { ToolContext } from "../../src/queries/context.js";

const CLS: PlannerClass = { id: "c-1", slugId: "CST-323-O500", classCode: "CST-323-O500", courseCode: "CST-323", name: "Cloud", stage: "CURRENT" };
interface Req { operationName: string; variables: Record<string, unknown>; context?: unknown; feature?: string; required?: string[]; query: string }

/** A Halo that answers by operation name and records every request. */
function fakeHalo(answer: (r: Req) => unknown) {
  const reqs: Req[] = [];
  const halo = { query: async (r: Req) => (reqs.push(r), answer(r)) } as unknown as HaloApi;
  return { halo, reqs, ctx: { halo } as unknown as ToolContext };
}

describe("discussion forums of a class", () => {
  const forum = (i: number) => ({ forumId: `F${i}`, contextId: `A${i}`, title: `DQ ${i}` });
  it("pages of 50 until a short page, skipping empty rows, scoped to the class", async () => {
    const pages = [[...Array.from({ length: 49 }, (_, i) => forum(i)), null], [forum(50), { forumId: "" }]];
    const { halo, reqs } = fakeHalo((r) => ({ getAllDQForCourseClass: pages[(r.variables.pgNum as number) - 1] }));
    const out = await fetchDqForums(halo, CLS);
    expect(out.map((f) => f.forumId)).toEqual([...Array.from({ length: 49 }, (_, i) => `F${i}`), "F50"]);
    expect(reqs.map((r) => r.variables)).toEqual([{ courseClassId: "c-1", pgNum: 1, pgSize: 50 }, { courseClassId: "c-1", pgNum: 2, pgSize: 50 }]);
    expect(reqs[0]).toMatchObject({ operationName: "GetAllDQForCourseClass", feature: "discussion participation", required: ["getAllDQForCourseClass.forumId"], context: { slugId: "CST-323-O500", courseClassId: "c-1" } });
    expect(reqs[0]!.query).toContain('sortBy: "startDate"');
  });
  it("stops after ten full pages", async () => {
    const { halo, reqs } = fakeHalo((r) => ({ getAllDQForCourseClass: Array.from({ length: 50 }, (_, i) => forum((r.variables.pgNum as number) * 100 + i)) }));
    expect(await fetchDqForums(halo, CLS)).toHaveLength(500);
    expect(reqs.map((r) => r.variables.pgNum)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it("a probe asks for one row of one page; a null list is no forums", async () => {
    const { halo, reqs } = fakeHalo(() => ({ getAllDQForCourseClass: [forum(1)] }));
    expect((await fetchDqForums(halo, CLS, true)).map((f) => f.forumId)).toEqual(["F1"]);
    expect(reqs.map((r) => r.variables)).toEqual([{ courseClassId: "c-1", pgNum: 1, pgSize: 1 }]);
    const empty = fakeHalo(() => ({ getAllDQForCourseClass: null }));
    expect(await fetchDqForums(empty.halo, CLS)).toEqual([]);
  });
});

describe("who posted when in a forum", () => {
  it("asks five reply levels deep for authors and times only, and flattens the thread", async () => {
    const { halo, reqs } = fakeHalo(() => ({ posts: [{ id: "p1", publishDate: "t1", createdBy: { userId: "me" }, replies: [{ id: "p2", publishDate: "t2", createdBy: { userId: "you" }, replies: null }] }, null] }));
    const out = await fetchPostAuthors(halo, "F1", CLS);
    expect(out).toEqual([{ id: "p1", publishDate: "t1", createdBy: { userId: "me" } }, { id: "p2", parentPostId: "p1", publishDate: "t2", createdBy: { userId: "you" } }]);
    expect(reqs[0]).toMatchObject({ operationName: "Posts", variables: { forumId: "F1", depthStart: 0, depthEnd: 5 }, required: ["posts.id", "posts.createdBy.userId"], feature: "discussion participation", context: { slugId: "CST-323-O500", courseClassId: "c-1" } });
    expect(DQ_POST_AUTHORS_QUERY.match(/replies \{/g)).toHaveLength(4);
    expect(DQ_POST_AUTHORS_QUERY).toContain("posts(forumId: $forumId, depthStart: $depthStart, depthEnd: $depthEnd) { id parentPostId publishDate postStatus createdBy { userId } replies { id parentPostId");
    expect(DQ_POST_AUTHORS_QUERY).not.toMatch(/content|title/);
  });
});

describe("announcement posts for what_changed", () => {
  const missing = () => { throw new HaloError("validation", 'Cannot query field "announcements" on type "Query".'); };
  it("from the announcements root when Halo has it", async () => {
    const { ctx, reqs } = fakeHalo((r) => ({ announcements: [{ forumId: "AF", posts: [{ id: "a1", title: "Week 4" }] }, { forumId: "AG", posts: [{ id: "a2", title: "Week 5" }] }] , _op: r.operationName }));
    expect((await softAnnouncementPosts(ctx, CLS, [])).map((p) => [p.id, p.title])).toEqual([["a1", "Week 4"], ["a2", "Week 5"]]);
    expect(reqs.map((r) => r.operationName).sort()).toEqual(["AnnouncementExtras", "Announcements"]);
  });
  it("without the root: announcement forums from notification counts and alerts, top-level posts of each", async () => {
    const { ctx, reqs } = fakeHalo((r) => {
      if (r.operationName === "Announcements" || r.operationName === "AnnouncementExtras") return missing();
      if (r.operationName === "GetForumNotifications") return { getForumNotifications: { forumTypes: { ANNOUNCEMENTS: { count: 1, classes: [{ classId: "c-1", count: 1, forums: [{ forumId: "AF1", count: 1 }] }] } } } };
      return { posts: [{ id: `${r.variables.forumId}-post`, title: "hello" }] };
    });
    const alerts = [{ id: "x", classId: "c-1", data: { forumId: "AF2", forumType: "ANNOUNCEMENTS" } }] as RawAlert[];
    expect((await softAnnouncementPosts(ctx, CLS, alerts)).map((p) => p.id)).toEqual(["AF1-post", "AF2-post"]);
    const posts = reqs.filter((r) => r.operationName === "Posts");
    expect(posts.map((r) => [r.variables, r.context])).toEqual([
      [{ forumId: "AF1", depthStart: 0, depthEnd: 0 }, { slugId: "CST-323-O500", courseClassId: "c-1" }],
      [{ forumId: "AF2", depthStart: 0, depthEnd: 0 }, { slugId: "CST-323-O500", courseClassId: "c-1" }],
    ]);
    expect(reqs.find((r) => r.operationName === "GetForumNotifications")!.variables).toEqual({ classId: "c-1" });
  });
  it("a failure costs only the announcements, and says so", async () => {
    const http = fakeHalo(() => { throw new HaloError("http", "Bad gateway", { status: 502 }); });
    const r1 = await withDegradedNotes(() => softAnnouncementPosts(http.ctx, CLS, []));
    expect(r1).toEqual({ result: [], notes: [{ feature: "new announcements", detail: "Halo error (http)" }] });
    const bug = fakeHalo(() => { throw new TypeError("oops"); });
    const r2 = await withDegradedNotes(() => softAnnouncementPosts(bug.ctx, CLS, []));
    expect(r2).toEqual({ result: [], notes: [{ feature: "new announcements", detail: "could not be read" }] });
  });
  it("session-level failures end the call", async () => {
    for (const kind of ["auth", "session_expired", "no_credentials"] as const) {
      const { ctx } = fakeHalo(() => { throw new HaloError(kind, "log in"); });
      await expect(softAnnouncementPosts(ctx, CLS, [])).rejects.toMatchObject({ kind });
    }
  });
});
