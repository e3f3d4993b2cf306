/** inbox, inbox_posts, alerts and announcements texts, exactly: counts, flags, previews, paging and misses. */
import { describe, expect, it } from "vitest";
import { renderInbox, renderInboxPosts } from "../../src/shape/inbox.js";
import { renderAlerts } from "../../src/shape/notifications.js";
import { renderAnnouncements } from "../../src/shape/announcements.js";
import type { RawInboxPanel } from "../../src/queries/inbox.js";
import type { RawAlert } from "../../src/queries/inbox.js";
import { QUOTE_NOTE } from "../../src/format/text.js";
import { CLOCK, ME, post } from "../fixtures/read.js";

const teacher = { id: "t-1", firstName: "Ada", lastName: "Byron" };
const me = { id: ME, firstName: "Jo", lastName: "Doe" };

describe("renderInbox", () => {
  const panels: RawInboxPanel[] = [
    { courseClassId: "c-1", unansweredCount: "2", forums: [
      { forumId: "f-1", lastPost: { isReplied: false, recipient: me, post: post("p1", { isRead: false, content: `<p>Hello</p><p>there ${"x".repeat(250)}</p>`, createdBy: { userId: "t-1", baseRoleName: "INSTRUCTOR", user: teacher }, publishDate: "2026-11-20T17:00:00Z" }) } },
      { forumId: "f-2", startDate: "2026-11-10T17:00:00Z", lastPost: { isReplied: false, recipient: teacher, post: post("p2", { isRead: true, content: "", createdBy: { userId: ME, user: me }, publishDate: "2026-11-19T17:00:00Z" }) } },
      { forumId: "f-3", startDate: "2026-11-01T17:00:00Z" },
    ] },
    { unansweredCount: null, forums: [] },
  ];

  it("lists threads newest first with the other party, class, last message, unread and unanswered flags and a one-line preview", () => {
    expect(renderInbox(panels, new Map([["c-1", "CST-1"]]), ME, CLOCK, 1, 2)).toBe([
      "Inbox — 3 threads, 2 unanswered (the id leading each is the forum_id for inbox_posts and message_teacher)",
      QUOTE_NOTE,
      "",
      "- f-1 with: Ada Byron · CST-1 · last message: Ada Byron (instructor), Fri Nov 20 10 AM · unread · not answered yet",
      `> Hello there ${"x".repeat(188)}`,
      "> [… truncated: showed 200 of 262 characters. inbox_posts shows the whole thread.]",
      "",
      "- f-2 with: Ada Byron · CST-1 · last message: Jo Doe (you), Thu Nov 19 10 AM",
      "",
      "Showing 1–2 (page 1 of 2; pass page: 2 for more).",
    ].join("\n"));
    expect(renderInbox(panels, new Map(), ME, CLOCK, 2, 2).split("\n").slice(2)).toEqual(["", "- f-3 with: unknown", "", "Showing 3–3 (page 2 of 2)."]);
  });

  it("an empty inbox says so", () => {
    expect(renderInbox([], new Map(), ME, CLOCK, 1, 2)).toBe("Inbox — 0 threads (the id leading each is the forum_id for inbox_posts and message_teacher)\nYour Halo inbox is empty.");
  });
});

describe("renderInboxPosts", () => {
  const posts = [post("m2", { publishDate: "2026-11-20T10:00:00Z" }), post("m1", { publishDate: "2026-11-19T10:00:00Z", content: `<p>${"y".repeat(4100)}</p>` })];

  it("oldest first, long messages cut at 4000 characters with the call that shows them whole", () => {
    expect(renderInboxPosts(posts, ME, CLOCK, 2, 2)).toBe([
      "Messages on page 2 of this thread (oldest first within the page):",
      QUOTE_NOTE,
      "",
      "by: Ana Lee · Thu Nov 19 3 AM",
      `> ${"y".repeat(4000)}`,
      '> [… truncated: showed 4000 of 4100 characters. Call inbox_posts with page: 2 and post_id: "m1" for the full text.]',
      "",
      "by: Ana Lee · Fri Nov 20 3 AM",
      "> body of m2",
      "",
      "Showing 3–4; pass page: 3 for more.",
    ].join("\n"));
  });

  it("one message in full, a missing one, and empty pages", () => {
    expect(renderInboxPosts(posts, ME, CLOCK, 2, 2, "m1")).toBe(["Messages on page 2 of this thread (oldest first within the page):", QUOTE_NOTE, "", "by: Ana Lee · Thu Nov 19 3 AM", `> ${"y".repeat(4100)}`].join("\n"));
    expect(renderInboxPosts(posts, ME, CLOCK, 2, 2, "zz")).toBe("No message zz on page 2 of this thread. Call inbox_posts without post_id to list messages.");
    expect(renderInboxPosts([], ME, CLOCK, 1, 2)).toBe("Messages on page 1 of this thread (oldest first within the page):\nThis thread has no messages.");
    expect(renderInboxPosts([], ME, CLOCK, 3, 2)).toBe("Messages on page 3 of this thread (oldest first within the page):\nNo more messages.");
    // Everything fits on page 1: no page note (the answer wrapper trims the blank tail).
    expect(renderInboxPosts([posts[0]!], ME, CLOCK, 1, 2).trimEnd().split("\n").at(-1)).toBe("> body of m2");
  });
});

describe("renderAlerts", () => {
  const alerts: RawAlert[] = [
    { id: "1", isRead: true, timestamp: "2026-11-20T17:00:00Z", type: "GRADE", classId: "c-1", data: { assessmentId: "as-1" } },
    { id: "2", isRead: false, timestamp: "2026-11-19T17:00:00Z", type: "MSG" },
    { id: "3", isRead: false, timestamp: "2026-11-20T17:00:00Z", type: "MSG2", classId: "c-9" },
    { id: "4", isRead: null, timestamp: "2026-11-21T17:00:00Z", type: "OLD" },
  ];
  const o = { clock: CLOCK, page: 1, pageSize: 3, classCodes: new Map([["c-1", "CST-1"]]), more: true };

  it("unread first under their own heading, each group newest first, with the id legend once", () => {
    expect(renderAlerts(alerts, o)).toBe([
      "Alerts: 4 alerts, 2 unread (Halo holds older alerts beyond its newest page; they are not retrievable here) (assessment_id → assignment_details / feedback; forum_id → forum_posts; inbox forum_id → inbox_posts).",
      "Unread:",
      "- Fri Nov 20 10 AM · msg2",
      "- Thu Nov 19 10 AM · msg",
      "Read:",
      "- Sat Nov 21 10 AM · old",
      "Showing 1–3 (page 1 of 2; pass page: 2 for more).",
    ].join("\n"));
    expect(renderAlerts(alerts, { ...o, page: 2, more: false }).split("\n").slice(1)).toEqual(["Read:", "- Fri Nov 20 10 AM · CST-1 · grade · assessment_id as-1", "Showing 4–4 (page 2 of 2)."]);
  });

  it("no alerts: one line, no legend", () => {
    expect(renderAlerts([], { ...o, more: false })).toBe("Alerts: 0 alerts.");
    expect(renderAlerts([alerts[0]!], { ...o, more: false })).toBe("Alerts: 1 alert (assessment_id → assignment_details / feedback; forum_id → forum_posts; inbox forum_id → inbox_posts).\nRead:\n- Fri Nov 20 10 AM · CST-1 · grade · assessment_id as-1");
  });
});

describe("renderAnnouncements", () => {
  const anns = [
    post("a1", { title: "Welcome", isAcknowledge: true, isRead: false, publishDate: "2026-11-10T10:00:00Z", startDate: "2026-11-10T10:00:00Z" }),
    post("a2", { title: "Week 2", isRead: false, isAcknowledge: true, postFlagAcknowledgements: [{ userId: ME, acknowledge: true }], content: `<p>${"z".repeat(300)}</p>` }),
    post("a3", { title: "Later", startDate: "2026-12-10T10:00:00Z" }),
  ];
  const o = { me: ME, clock: CLOCK, page: 1, pageSize: 1, maxBody: 100 };

  it("counts what needs acknowledgement and what is unread, pages newest first, clips bodies", () => {
    expect(renderAnnouncements("CST-1 Test", anns, { ...o, note: "A note." })).toBe([
      "CST-1 Test — 2 announcements (1 needs your acknowledgement, 2 unread)",
      "A note.",
      QUOTE_NOTE,
      "",
      '"Week 2" · by: Ana Lee · Fri Nov 20 3 AM · unread · post_id: a2',
      `> ${"z".repeat(100)}`,
      '> [… truncated: showed 100 of 300 characters. Call announcements with post_id: "a2" for the full text.]',
      "",
      "Showing 1–1 (page 1 of 2; pass page: 2 for more).",
    ].join("\n"));
    const p2 = renderAnnouncements("X", [...anns, { ...anns[0]!, id: "a0" }], { ...o, page: 2 });
    expect(p2.split("\n")[0]).toBe("X — 3 announcements (2 need your acknowledgement, 3 unread)");
    expect(p2).toContain('NEEDS ACKNOWLEDGEMENT (acknowledge_announcement with its post_id) · "Welcome" · by: Ana Lee · Tue Nov 10 3 AM · unread · post_id: a1');
  });

  it("one announcement in full; a scheduled or unknown one is not found; none at all", () => {
    expect(renderAnnouncements("CST-1 Test", anns, { ...o, postId: "a2" })).toBe([QUOTE_NOTE, '"Week 2" · by: Ana Lee · Fri Nov 20 3 AM · unread · post_id: a2', `> ${"z".repeat(300)}`].join("\n"));
    expect(renderAnnouncements("CST-1 Test", anns, { ...o, postId: "a3" })).toBe("No current announcement a3 in CST-1 Test. Call announcements without post_id to list them.");
    expect(renderAnnouncements("CST-1 Test", [], o)).toBe("CST-1 Test — 0 announcements\nNo announcements are posted for this class right now.");
    expect(renderAnnouncements("X", [anns[0]!], { ...o, pageSize: 5 }).split("\n")[0]).toBe("X — 1 announcement (1 needs your acknowledgement, 1 unread)");
    // Read ones are not counted as unread; page 2 of 2-per-page starts at the third.
    const three = [post("n1", { isRead: true, publishDate: "2026-11-20T10:30:00Z" }), post("n2", { isRead: false, publishDate: "2026-11-19T10:30:00Z" }), post("n3", { isRead: true, publishDate: "2026-11-18T10:30:00Z" })];
    const p2 = renderAnnouncements("X", three, { ...o, page: 2, pageSize: 2 });
    expect(p2.split("\n")[0]).toBe("X — 3 announcements (1 unread)");
    expect(p2.match(/post_id: n\d/g)).toEqual(["post_id: n3"]);
  });
});
