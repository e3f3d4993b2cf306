import { describe, expect, it } from "vitest";
import { newAlerts, newAnnouncements, newMessages, parseSince, plainTitle } from "../../src/assistant/feeds.js";
import { toWorkItem } from "../../src/assistant/items.js";
import { classMark, diffClass, parseState } from "../../src/assistant/snapshot.js";
import { BASE, CLS, NOW, grade } from "./fixtures.js";

const item = (g: ReturnType<typeof grade>) => toWorkItem(CLS, g, BASE, NOW)!;

describe("snapshot diff", () => {
  const a = grade({ status: "SUBMITTED", assessment: { id: "A" } });
  const b = grade({ status: "ACTIVE", assessment: { id: "B" } });
  const prev = classMark("CST-323", NOW, [item(a), item(b)]);

  it("baseline (no previous mark) reports nothing", () => {
    expect(diffClass(undefined, [item(a)])).toEqual([]);
  });
  it("reports newly published grades, regrades, reassignment, moved dates and new items", () => {
    const now = [
      item({ ...a, status: "PUBLISHED", finalPoints: 90 }),
      item({ ...b, status: "REASSIGNED", dueDate: "2026-11-25 06:59:00" }),
      item(grade({ assessment: { id: "C" } })),
    ];
    expect(diffClass(prev, now).map((c) => `${c.type}:${c.item.assessmentId}`)).toEqual(["graded:A", "reassigned:B", "due_moved:B", "new_item:C"]);
    const later = classMark("CST-323", NOW, now);
    const regrade = diffClass(later, [item({ ...a, status: "PUBLISHED", finalPoints: 95 })]);
    expect(regrade).toMatchObject([{ type: "regraded", previousScore: 90 }]);
  });
  it("never records an unpublished score", () => {
    const m = classMark("X", NOW, [item(grade({ status: "SUBMITTED", finalPoints: 7, assessment: { id: "Q" } }))]);
    expect(m.items.Q![1]).toBeNull();
  });
  it("rejects malformed state", () => {
    expect(parseState("{")).toBeUndefined();
    expect(parseState(JSON.stringify({ version: 2 }))).toBeUndefined();
    expect(parseState(JSON.stringify({ version: 1, lastCheck: "x", classes: {} }))).toBeUndefined();
    expect(parseState(JSON.stringify({ version: 1, lastCheck: NOW.toISOString(), classes: {} }))?.feeds).toEqual({});
  });
});

describe("feeds", () => {
  const since = new Date(NOW.getTime() - 86_400_000);
  it("announcements: published, visible now, newer than since; acknowledgement state", () => {
    const posts = [
      { id: "1", title: "Week 4 &amp; you", publishDate: "2026-11-18T10:00:00Z", isAcknowledge: true, postFlagAcknowledgements: [] },
      { id: "2", title: "Old", publishDate: "2026-11-10T10:00:00Z" },
      { id: "3", title: "Scheduled", publishDate: "2026-11-18T10:00:00Z", startDate: "2026-11-25T10:00:00Z" },
      { id: "4", title: "Draft", publishDate: "2026-11-18T10:00:00Z", postStatus: "DRAFT" },
      { id: "5", title: "Acked", publishDate: "2026-11-18T10:00:00Z", isAcknowledge: true, postFlagAcknowledgements: [{ userId: "me", acknowledge: true }] },
    ];
    const r = newAnnouncements("CST-323", posts, since, NOW, "me");
    expect(r.map((x) => [x.title, x.mustAcknowledge])).toEqual([["Week 4 & you", true], ["Acked", false]]);
  });
  it("messages: latest per thread by someone else after since", () => {
    const panels = [{ courseClassId: "c-1", forums: [
      { forumId: "f1", lastPost: { isReplied: false, post: { id: "p", publishDate: "2026-11-18T12:00:00Z", content: "<p>Please see <b>me</b></p>", createdBy: { userId: "prof", baseRoleName: "INSTRUCTOR", user: { firstName: "Ada", lastName: "L" } } } } },
      { forumId: "f2", lastPost: { post: { id: "q", publishDate: "2026-11-18T12:00:00Z", content: "mine", createdBy: { userId: "me" } } } },
    ] }];
    const r = newMessages(panels, since, "me", (id) => (id === "c-1" ? "CST-323" : undefined));
    expect(r).toEqual([{ classCode: "CST-323", from: "Ada L", role: "instructor", at: new Date("2026-11-18T12:00:00Z"), preview: "Please see **me**", unanswered: true }]);
  });
  it("alerts: unread and newer only", () => {
    const r = newAlerts([
      { id: "1", isRead: false, timestamp: "2026-11-18T12:00:00Z", type: "ASSIGNMENT_DUE", data: { assignmentTitle: "Lab" } },
      { id: "2", isRead: true, timestamp: "2026-11-18T12:00:00Z", type: "GRADE" },
      { id: "3", isRead: false, timestamp: "2026-11-01T12:00:00Z", type: "GRADE" },
    ], since, () => undefined);
    expect(r.map((a) => `${a.type}: ${a.text}`)).toEqual(["assignment due: Lab"]);
  });
  it("since accepts spans and ISO times", () => {
    expect(parseSince("36h", NOW)?.toISOString()).toBe("2026-11-17T07:00:00.000Z");
    expect(parseSince("7 days ago", NOW)?.toISOString()).toBe("2026-11-11T19:00:00.000Z");
    expect(parseSince("2026-11-15T08:00:00-07:00", NOW)?.toISOString()).toBe("2026-11-15T15:00:00.000Z");
    expect(parseSince("whenever", NOW)).toBeUndefined();
  });
  it("plain titles keep ordinary punctuation", () => {
    expect(plainTitle("1. Intro_notes *draft*")).toBe("1. Intro_notes *draft*");
    expect(plainTitle("This week&#8217;s reminders")).toBe("This week’s reminders");
  });
});
