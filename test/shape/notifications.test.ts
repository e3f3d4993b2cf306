import { describe, expect, it } from "vitest";
import { alertLine, announcementForumIds, countsLine, normaliseNotifications, toCount } from "../../src/shape/notifications.js";
import { CLOCK } from "../fixtures/read.js";

const classA = "class-a";
const payload = (count: number | string) => ({
  forumTypes: {
    ANNOUNCEMENTS: { count, classes: [{ classId: classA, count, forums: [{ forumId: "ann-a", count }] }] },
    DQ: { count: typeof count === "string" ? "5" : 5, classes: [{ classId: classA, count: typeof count === "string" ? "5" : 5, forums: [] }] },
    INBOX: null,
  },
});

describe("notification normalisation", () => {
  it("turns string, numeric and junk counts into non-negative integers", () => {
    expect([toCount("3"), toCount(3), toCount(" 7 "), toCount("2.0"), toCount(""), toCount(null), toCount("abc"), toCount(-2)]).toEqual([3, 3, 7, 2, 0, 0, 0, 0]);
  });

  it("gives the same result for a list, an object and string counts", () => {
    const fromList = normaliseNotifications([payload(2)]);
    const fromObject = normaliseNotifications(payload(2));
    const fromStrings = normaliseNotifications([payload("2")]);
    for (const n of [fromList, fromObject, fromStrings]) {
      expect(n.totals.ANNOUNCEMENTS).toBe(2);
      expect(n.totals.DQ).toBe(5);
      expect(n.totals.INBOX).toBe(0);
      expect(n.byClass.get(classA)).toEqual({ ANNOUNCEMENTS: 2, DQ: 5 });
      expect(n.forums).toEqual([{ type: "ANNOUNCEMENTS", classId: classA, forumId: "ann-a", count: 2 }]);
    }
    expect(countsLine(fromList.byClass.get(classA)!)).toBe("2 announcements, 5 discussion posts");
    expect(countsLine({ CQ: 1 })).toBe("1 class question");
  });

  it("survives null and empty payloads", () => {
    expect(normaliseNotifications(null).totals.DQ).toBe(0);
    expect(normaliseNotifications([null, { forumTypes: null }]).forums).toEqual([]);
  });

  it("finds announcement forums from notifications and alerts, for the right class only", () => {
    const n = normaliseNotifications(payload(1));
    const alerts = [
      { id: "1", classId: classA, data: { forumId: "ann-from-alert", forumType: "ANNOUNCEMENTS" } },
      { id: "2", classId: "other", data: { forumId: "ann-other", forumType: "ANNOUNCEMENTS" } },
      { id: "3", classId: classA, data: { forumId: "inbox-1", forumType: "INBOX" } },
    ];
    expect(announcementForumIds(n, alerts, classA)).toEqual(["ann-a", "ann-from-alert"]);
    expect(announcementForumIds(undefined, alerts, "other")).toEqual(["ann-other"]);
    // Only announcement forums count; one without a class applies to every class.
    const mixed = { ...n, forums: [{ type: "DQ" as const, classId: classA, forumId: "dq-a", count: 1 }, { type: "ANNOUNCEMENTS" as const, forumId: "ann-any", count: 1 }, { type: "ANNOUNCEMENTS" as const, classId: "other", forumId: "ann-b", count: 1 }] };
    expect(announcementForumIds(mixed, [{ id: "5", data: null }, { id: "6", data: { forumId: "ann-c" } }, { id: "7", data: { forumId: "ann-d", forumType: "announcement" } }], classA)).toEqual(["ann-any", "ann-d"]);
    expect(countsLine({})).toBe("nothing unread");
  });
});

describe("alertLine", () => {
  const at = "2026-11-20T17:00:00Z";
  it("names the work and the id another tool takes, by forum type", () => {
    expect(alertLine({ id: "1", timestamp: at, type: "GRADE_PUBLISHED", data: { assignmentTitle: "Essay &amp; Notes", assessmentId: "as-1", forumId: "f-1", forumType: "DQ" } }, "CST-323", CLOCK))
      .toBe('- Fri Nov 20 10 AM · CST-323 · grade published · "Essay & Notes" · assessment_id as-1');
    expect(alertLine({ id: "2", timestamp: at, type: "NEW_MESSAGE", data: { senderName: "Ada Byron", forumId: "f-2", forumType: "inbox" } }, undefined, CLOCK))
      .toBe("- Fri Nov 20 10 AM · new message · from: Ada Byron · inbox forum_id f-2");
    for (const t of ["DQ", "IDQ", "CQ", "GROUP_DISCUSSION"]) {
      expect(alertLine({ id: "3", data: { forumId: "f-3", forumType: t } }, undefined, CLOCK)).toBe("- alert · forum_id f-3");
    }
    expect(alertLine({ id: "4", type: "ANNOUNCEMENT", data: { announcementTitle: "Welcome", forumId: "f-4", forumType: "ANNOUNCEMENTS" } }, undefined, CLOCK))
      .toBe('- announcement · "Welcome"');
    expect(alertLine({ id: "5", type: "X", data: { forumType: "INBOX" } }, undefined, CLOCK)).toBe("- x");
    expect(alertLine({ id: "6", data: null }, undefined, CLOCK)).toBe("- alert");
  });
});

describe("normaliseNotifications, per class and per forum", () => {
  it("the total is the larger of Halo's stated count and the sum over classes; rows without a class or forum id are left out", () => {
    const n = normaliseNotifications({
      forumTypes: {
        DQ: {
          count: 1,
          classes: [
            { classId: "a", count: 2, forums: [{ forumId: "f1", count: "2" }, { forumId: null, count: 9 }] },
            { classId: null, count: 3, forums: [{ forumId: "f2", count: 3 }] },
            { classId: "a", count: 1, forums: null },
          ],
        },
        ANNOUNCEMENTS: { count: 7, classes: [{ classId: "b", count: 1 }] },
      },
    });
    expect(n.totals).toEqual({ ANNOUNCEMENTS: 7, DQ: 6, IDQ: 0, CQ: 0, INBOX: 0, GROUP: 0 });
    expect(Object.fromEntries(n.byClass)).toEqual({ a: { DQ: 3 }, b: { ANNOUNCEMENTS: 1 } });
    expect(n.forums).toEqual([{ type: "DQ", classId: "a", forumId: "f1", count: 2 }, { type: "DQ", forumId: "f2", count: 3 }]);
  });
});
