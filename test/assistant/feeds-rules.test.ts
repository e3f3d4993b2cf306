import { describe, expect, it } from "vitest";
import { newAlerts, newAnnouncements, newMessages, parseSince, plainTitle } from "../../src/assistant/feeds.js";
import { NOW } from "./fixtures.js";

const SINCE = new Date("2026-11-17T19:00:00Z");
const codes = (id?: string | null) => (id === "c-1" ? "CST-323" : id === "c-2" ? "UNV-103" : undefined);

describe("plain titles", () => {
  it("plain text keeps Markdown-looking characters as typed; markup is decoded and unescaped", () => {
    expect(plainTitle("~~~ Notes === Week")).toBe("~~~ Notes === Week");
    expect(plainTitle("Q&amp;A:  part_1 *now* [draft] (v2) #3 + more! - end.")).toBe("Q&A: part_1 *now* [draft] (v2) #3 + more! - end.");
    expect(plainTitle("Week&nbsp;4<br><br>recap")).toBe("Week 4 recap");
  });
  it("collapses whitespace and handles a missing title", () => {
    expect(plainTitle("  Week \n 4\t recap  ")).toBe("Week 4 recap");
    expect(plainTitle(null)).toBe("");
  });
});

describe("announcements since the last check", () => {
  const post = (p: Record<string, unknown>) => ({ id: String(Math.random()), title: "T", ...p });
  it("a scheduled post counts from the later of publish and start; boundaries: after since, not after now", () => {
    const r = newAnnouncements("CST-323", [
      post({ title: "Started", publishDate: "2026-11-10T10:00:00Z", startDate: "2026-11-18T12:00:00Z" }),
      post({ title: "At since", publishDate: SINCE.toISOString() }),
      post({ title: "At now", publishDate: NOW.toISOString() }),
      post({ title: "Start only", startDate: "2026-11-18T13:00:00Z" }),
      post({ title: "Undated" }),
    ], SINCE, NOW, "me");
    expect(r.map((a) => [a.title, a.at.toISOString()])).toEqual([
      ["Started", "2026-11-18T12:00:00.000Z"],
      ["At now", "2026-11-18T19:00:00.000Z"],
      ["Start only", "2026-11-18T13:00:00.000Z"],
    ]);
    expect(r.every((a) => a.classCode === "CST-323")).toBe(true);
  });
  it("replies and unpublished posts are not announcements; a post without a status is published", () => {
    const r = newAnnouncements("X", [
      post({ title: "Reply", publishDate: "2026-11-18T10:00:00Z", parentPostId: "p0" }),
      post({ title: "No status", publishDate: "2026-11-18T10:00:00Z", postStatus: null }),
    ], SINCE, NOW, "me");
    expect(r.map((a) => a.title)).toEqual(["No status"]);
  });
  it("must acknowledge unless the student's own acknowledgement is on record", () => {
    const at = "2026-11-18T10:00:00Z";
    const r = newAnnouncements("X", [
      post({ title: "Other acked", publishDate: at, isAcknowledge: true, postFlagAcknowledgements: [null, { userId: "someone", acknowledge: true }] }),
      post({ title: "Withdrawn", publishDate: at, isAcknowledge: true, postFlagAcknowledgements: [{ userId: "me", acknowledge: false }] }),
      post({ title: "Mine", publishDate: at, isAcknowledge: true, postFlagAcknowledgements: [{ userId: "me" }] }),
      post({ title: "No ack asked", publishDate: at, isAcknowledge: false }),
    ], SINCE, NOW, "me");
    expect(r.map((a) => [a.title, a.mustAcknowledge])).toEqual([["Other acked", true], ["Withdrawn", true], ["Mine", false], ["No ack asked", false]]);
  });
  it("an untitled post's paragraphs run together on one line", () => {
    const r = newAnnouncements("X", [post({ title: "", publishDate: "2026-11-18T10:00:00Z", content: "<p>Reminder:</p><p>quiz   Friday</p>" })], SINCE, NOW, "me");
    expect(r[0]!.title).toBe("Reminder: quiz Friday");
  });
  it("an untitled post is named by the start of its text, or untitled", () => {
    const at = "2026-11-18T10:00:00Z";
    const long = `<p>Reminder:\n\n  the   ${"x".repeat(100)}</p>`;
    const r = newAnnouncements("X", [post({ title: "", publishDate: at, content: long }), post({ title: null, publishDate: at, content: null })], SINCE, NOW, "me");
    expect(r.map((a) => a.title)).toEqual([`Reminder: the ${"x".repeat(66)}`, "(untitled)"]);
  });
});

describe("inbox messages since the last check", () => {
  const msg = (id: string, at: string | null, extra: Record<string, unknown> = {}, forum: Record<string, unknown> = {}) => ({
    forumId: `f-${id}`,
    ...forum,
    lastPost: { isReplied: true, post: { id, publishDate: at, content: `<p>${id}</p>`, createdBy: { userId: "prof", user: { firstName: "Ada", lastName: "L" } }, ...extra } },
  });
  it("newest first, only strictly after since, skipping threads without a post or a time", () => {
    const panels = [{ courseClassId: "c-1", forums: [msg("old", SINCE.toISOString()), msg("a", "2026-11-18T08:00:00Z"), { forumId: "empty", lastPost: null }, msg("undated", null)] }, { courseClassId: "c-2", forums: [msg("b", "2026-11-18T09:00:00Z")] }];
    const r = newMessages(panels as never, SINCE, "me", codes);
    expect(r.map((m) => [m.preview, m.classCode, m.unanswered])).toEqual([["b", "UNV-103", false], ["a", "CST-323", false]]);
  });
  it("the forum's class wins over the panel's; unknown classes, roles and authors are left out", () => {
    const panels = [{ courseClassId: "c-1", forums: [msg("x", "2026-11-18T08:00:00Z", { createdBy: null }, { courseClassId: "c-9" }), msg("y", "2026-11-18T09:00:00Z", {}, { courseClassId: "c-2" })] }];
    const r = newMessages(panels as never, SINCE, "me", codes);
    expect(r[0]).toMatchObject({ preview: "y", classCode: "UNV-103", from: "Ada L" });
    expect(r[0]).not.toHaveProperty("role");
    expect(r[1]).not.toHaveProperty("classCode");
    expect(r[1]!.from).not.toBe("Ada L");
  });
  it("a preview is one line", () => {
    const r = newMessages([{ courseClassId: null, forums: [msg("p", "2026-11-18T08:00:00Z", { content: "<p>Please</p><p>see   me</p>" })] }] as never, SINCE, "me", codes);
    expect(r[0]!.preview).toBe("Please see me");
  });
  it("previews stop at 160 characters", () => {
    const text = (n: number) => ({ content: `<p>${"a".repeat(n)}</p>` });
    const r = newMessages([{ courseClassId: null, forums: [msg("p", "2026-11-18T08:00:00Z", text(160)), msg("q", "2026-11-18T09:00:00Z", text(161))] }] as never, SINCE, "me", codes);
    expect(r.map((m) => m.preview)).toEqual([`${"a".repeat(157)}…`, "a".repeat(160)]);
  });
});

describe("alerts since the last check", () => {
  it("unread, strictly after since, newest first, with what and from whom", () => {
    const r = newAlerts([
      { id: "1", isRead: false, timestamp: "2026-11-18T08:00:00Z", type: "NEW_ANNOUNCEMENT_POSTED", classId: "c-1", data: { announcementTitle: "Week 4", senderName: "Dr. Ada" } },
      { id: "2", isRead: false, timestamp: "2026-11-18T09:00:00Z", type: null, classId: "c-9", data: null },
      { id: "3", isRead: false, timestamp: SINCE.toISOString(), type: "GRADE" },
      { id: "4", isRead: false, timestamp: null, type: "GRADE" },
    ] as never, SINCE, codes);
    expect(r).toEqual([
      { type: "alert", text: "", at: new Date("2026-11-18T09:00:00Z") },
      { type: "new announcement posted", text: "Week 4 from Dr. Ada", at: new Date("2026-11-18T08:00:00Z"), classCode: "CST-323" },
    ]);
    expect("classCode" in r[0]!).toBe(false);
  });
});

describe("since", () => {
  const back = (s: string) => (NOW.getTime() - (parseSince(s, NOW)?.getTime() ?? NaN)) / 60_000;
  it("every unit and its spellings, in minutes back from now", () => {
    expect(["90m", "10 min", "1 minute", "45 minutes", "1.25h", "1 hour", "2 hours", "1d", "1 day", "2 days", "1w", "1 week", "3 weeks", " 2 d ago ", "2D"].map(back)).toEqual([90, 10, 1, 45, 75, 60, 120, 1440, 1440, 2880, 10080, 10080, 30240, 2880, 2880]);
  });
  it("refuses spans with anything around them", () => {
    for (const s of ["x7d", "7dx", "7 days ago!", "1.d", "7 fortnights"]) expect(parseSince(s, NOW)).toBeUndefined();
  });
});
