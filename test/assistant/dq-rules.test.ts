import { describe, expect, it } from "vitest";
import { dqDeadlines, normalisePolicy, participation, policyText } from "../../src/assistant/dq.js";

const AZ = "America/Phoenix";
const policy = { numDays: 3, numPosts: 4 };

describe("participation policy from Halo", () => {
  it("numbers as given, numeric strings read, junk and negatives as zero; either number makes a policy", () => {
    expect(normalisePolicy({ numDays: 3, numPosts: 4 })).toEqual({ numDays: 3, numPosts: 4 });
    expect(normalisePolicy({ numDays: "2" as never, numPosts: -1 })).toEqual({ numDays: 2, numPosts: 0 });
    expect(normalisePolicy({ numDays: null, numPosts: 2 })).toEqual({ numDays: 0, numPosts: 2 });
    expect(normalisePolicy({ numDays: "x" as never, numPosts: -3 })).toBeUndefined();
    expect(normalisePolicy(undefined)).toBeUndefined();
  });
  it("says only the parts the policy has, singular for one", () => {
    expect(policyText({ numDays: 1, numPosts: 1 })).toBe("1 post on 1 different day");
    expect(policyText({ numDays: 0, numPosts: 3 })).toBe("3 posts");
    expect(policyText({ numDays: 2, numPosts: 0 })).toBe("on 2 different days");
  });
});

describe("initial-post deadline", () => {
  const due = new Date("2026-11-23T06:59:00Z"); // Sun Nov 22, 11:59 PM in Arizona
  it("Day 3 from the start is 11:59 PM Arizona, to the minute", () => {
    const d = dqDeadlines(due, policy, new Date("2026-11-16T07:00:00Z"), AZ)!;
    expect(d).toEqual({ initialPost: new Date("2026-11-19T06:59:00Z"), replies: due });
  });
  it("a start on or after the due date is ignored: Day 3 of the week ending on the due date", () => {
    const fallback = { initialPost: new Date("2026-11-19T06:59:00Z"), replies: due };
    expect(dqDeadlines(due, policy, due, AZ)).toEqual(fallback);
    expect(dqDeadlines(due, policy, new Date("2026-11-24T07:00:00Z"), AZ)).toEqual(fallback);
  });
  it("a DQ due exactly at the end of Day 3 has no separate initial deadline", () => {
    const dueDay3 = new Date("2026-11-19T06:59:00Z"); // Wed Nov 18, 11:59 PM Arizona
    expect(dqDeadlines(dueDay3, policy, new Date("2026-11-16T07:00:00Z"), AZ)).toEqual({ replies: dueDay3 });
  });
});

describe("the student's participation", () => {
  const at = (iso: string, isReply: boolean) => ({ publishDate: new Date(iso), isReply });
  it("the initial post is the earliest top-level post, whatever order Halo lists them in", () => {
    const p = participation([at("2026-11-18T20:00:00Z", false), at("2026-11-17T20:00:00Z", true), at("2026-11-18T08:00:00Z", false)], policy, AZ);
    expect(p).toEqual({ hasInitialPost: true, initialPostAt: new Date("2026-11-18T08:00:00Z"), replies: 1, totalPosts: 3, days: 2, postsStillNeeded: 1, daysStillNeeded: 1 });
  });
  it("only replies: no initial post; more than the policy asks still needs nothing", () => {
    const posts = [at("2026-11-16T20:00:00Z", true), at("2026-11-17T20:00:00Z", true), at("2026-11-18T20:00:00Z", true), at("2026-11-19T20:00:00Z", true), at("2026-11-20T20:00:00Z", true)];
    expect(participation(posts, policy, AZ)).toEqual({ hasInitialPost: false, replies: 5, totalPosts: 5, days: 5, postsStillNeeded: 0, daysStillNeeded: 0 });
  });
  it("an undated top-level post counts as initial but gives no time or day; no policy, no needs", () => {
    const p = participation([{ isReply: false }, at("2026-11-18T20:00:00Z", true)], undefined, AZ);
    expect(p).toEqual({ hasInitialPost: true, replies: 1, totalPosts: 2, days: 1 });
  });
  it("undated posts never break the ordering of top-level posts", () => {
    const p = participation([at("2026-11-18T20:00:00Z", false), { isReply: false }, at("2026-11-17T20:00:00Z", false), { isReply: false }], policy, AZ);
    expect([p.hasInitialPost, p.totalPosts, p.days, p.replies]).toEqual([true, 4, 2, 0]);
  });
  it("nothing posted", () => {
    expect(participation([], policy, AZ)).toEqual({ hasInitialPost: false, replies: 0, totalPosts: 0, days: 0, postsStillNeeded: 4, daysStillNeeded: 3 });
  });
});
