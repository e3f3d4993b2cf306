import { describe, expect, it } from "vitest";
import { dqDeadlines, normalisePolicy, participation, policyText } from "../../src/assistant/dq.js";
import { endOfLocalDay, localDateKey } from "../../src/format/zoned.js";
import { formatDate } from "../../src/format/dates.js";

describe("zoned days", () => {
  it("06:59 UTC is the previous calendar day in Arizona but not in UTC", () => {
    const d = new Date("2026-11-19T06:59:00Z");
    expect(localDateKey(d, "America/Phoenix")).toBe("2026-11-18");
    expect(localDateKey(d, "UTC")).toBe("2026-11-19");
    expect(formatDate(d, "America/Phoenix")).toBe("Wed Nov 18 2026 11:59 PM");
  });
  it("end of the local day follows the zone", () => {
    const d = new Date("2026-11-18T19:00:00Z");
    expect(endOfLocalDay(d, "America/Phoenix").toISOString()).toBe("2026-11-19T06:59:59.999Z");
    expect(endOfLocalDay(d, "America/New_York").toISOString()).toBe("2026-11-19T04:59:59.999Z");
    expect(endOfLocalDay(d, "UTC").toISOString()).toBe("2026-11-18T23:59:59.999Z");
  });
});

describe("DQ deadlines (derived)", () => {
  it("needs a policy", () => {
    expect(normalisePolicy({ numDays: 0, numPosts: 0 })).toBeUndefined();
    expect(normalisePolicy(null)).toBeUndefined();
    expect(dqDeadlines(new Date(), undefined, undefined, "UTC")).toBeUndefined();
  });
  const policy = { numDays: 3, numPosts: 3 };
  const due = new Date("2026-11-23T06:59:00Z"); // Sun Nov 22, 11:59 PM Arizona
  it("without a start date: Day 3 of the week ending on the due date, same clock time", () => {
    const d = dqDeadlines(due, policy, undefined, "America/Phoenix")!;
    expect(formatDate(d.initialPost!, "America/Phoenix")).toBe("Wed Nov 18 2026 11:59 PM");
    expect(d.replies).toBe(due);
  });
  it("with a start date: 11:59 PM on Day 3 counted from the start, in the student's zone", () => {
    const start = new Date("2026-11-16T07:00:00Z"); // Mon Nov 16, 00:00 Arizona
    expect(formatDate(dqDeadlines(due, policy, start, "America/Phoenix")!.initialPost!, "America/Phoenix")).toBe("Wed Nov 18 2026 11:59 PM");
    expect(formatDate(dqDeadlines(due, policy, start, "America/New_York")!.initialPost!, "America/New_York")).toBe("Wed Nov 18 2026 11:59 PM");
  });
  it("no separate initial deadline when the DQ is due by Day 3", () => {
    const start = new Date("2026-11-21T07:00:00Z");
    expect(dqDeadlines(due, policy, start, "America/Phoenix")).toEqual({ replies: due });
  });
  it("describes the policy", () => {
    expect(policyText({ numDays: 3, numPosts: 2 })).toBe("2 posts on 3 different days");
  });
  it("counts posts, replies and distinct days in the student's zone", () => {
    const posts = [
      { publishDate: new Date("2026-11-18T05:00:00Z"), isReply: true }, // Nov 17 in Arizona
      { publishDate: new Date("2026-11-18T08:00:00Z"), isReply: false }, // Nov 18 in Arizona
      { publishDate: new Date("2026-11-18T20:00:00Z"), isReply: true },
    ];
    const p = participation(posts, { numDays: 3, numPosts: 4 }, "America/Phoenix");
    expect(p).toMatchObject({ hasInitialPost: true, replies: 2, totalPosts: 3, days: 2, postsStillNeeded: 1, daysStillNeeded: 1 });
    expect(participation(posts, undefined, "UTC").days).toBe(1);
  });
});
