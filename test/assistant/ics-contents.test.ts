import { describe, expect, it } from "vitest";
import { buildCalendar, eventFor, icsText, sequenceFor, type CalendarEventInput } from "../../src/assistant/ics.js";
import { toWorkItem, type WorkItem } from "../../src/assistant/items.js";
import { BASE, CLS, NOW, grade } from "./fixtures.js";

type Dated = WorkItem & { due: Date };
const dated = (p: Parameters<typeof grade>[0] = {}): Dated => toWorkItem(CLS, grade(p), BASE, NOW) as Dated;
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
const lines = (ics: string) => unfold(ics).split("\r\n");

describe("an event per deadline", () => {
  it("names the class, kind, points and whose date it is, then the link", () => {
    const it1 = dated({ dueDate: "2026-11-22 06:59:00", assessment: { id: "G1", title: "Team plan", isGroupEnabled: true, points: 40 }, assessmentGroup: { id: "g", name: "Nimbus" } });
    expect(eventFor(it1, "Already turned in.")).toEqual({
      uid: "G1@halo-lms-mcp",
      title: "CST-323: Team plan due",
      description: ["CST-323 Cloud Computing", "Assignment · 40 pts", "Your group's due date.", "Group: Nimbus", "Already turned in.", it1.link].join("\n"),
      url: it1.link,
      due: new Date("2026-11-22T06:59:00Z"),
      categories: ["Halo", "CST-323", "Assignment"],
    });
  });
  it("an extension says so; the class's own date and missing points add nothing", () => {
    expect(eventFor(dated({ dueDate: "2026-11-23 06:59:00", assessment: { type: "QUIZ" } })).description.split("\n").slice(1, 3)).toEqual(["Quiz · 100 pts", "Your extended due date."]);
    const plain = dated({ assessment: { type: "LTI", points: null } });
    expect(eventFor(plain).description).toBe(["CST-323 Cloud Computing", "External tool", plain.link].join("\n"));
    expect(eventFor(plain).categories).toEqual(["Halo", "CST-323", "External tool"]);
  });
  it("labels discussions and participation", () => {
    expect(eventFor(dated({ assessment: { type: "DISCUSSION_QUESTION" } })).categories[2]).toBe("Discussion");
    expect(eventFor(dated({ assessment: { type: "PARTICIPATION" } })).categories[2]).toBe("Participation");
  });
});

describe("sequence numbers", () => {
  const e = (title: string, uid = "A@halo-lms-mcp"): CalendarEventInput => ({ uid, title, description: "d", url: "u", due: new Date("2026-11-21T06:59:00Z"), categories: [] });
  it("new events start at 0 with a short fingerprint; other remembered events are kept", () => {
    const prev = { "OLD@halo-lms-mcp": { f: "0123456789abcdef", s: 3, m: "2026-11-01T00:00:00.000Z" } };
    const next = sequenceFor([e("T")], prev, NOW);
    expect(next["OLD@halo-lms-mcp"]).toEqual(prev["OLD@halo-lms-mcp"]);
    expect(next["A@halo-lms-mcp"]).toEqual({ f: expect.stringMatching(/^[0-9a-f]{16}$/), s: 0, m: NOW.toISOString() });
  });
  it("any content change moves the sequence and the modified time; the same content keeps both", () => {
    const s0 = sequenceFor([e("T")], {}, NOW);
    const later = new Date("2026-11-19T00:00:00Z");
    for (const changed of [e("T2"), { ...e("T"), description: "d2" }, { ...e("T"), url: "u2" }, { ...e("T"), due: new Date("2026-11-22T06:59:00Z") }]) {
      expect(sequenceFor([changed], s0, later)["A@halo-lms-mcp"]).toMatchObject({ s: 1, m: later.toISOString() });
    }
    expect(sequenceFor([{ ...e("T"), categories: ["x"] }], s0, later)).toEqual(s0);
  });
});

describe("the calendar file", () => {
  const ev = (uid: string, due: string): CalendarEventInput => ({ uid, title: "CST-323: Lab due", description: "CST-323 Cloud Computing\nAssignment", url: "https://halo.gcu.edu/x", due: new Date(due), categories: ["Halo", "CST-323"] });
  it("a 30-minute free block ending at the due time, a day-before reminder, and the remembered sequence", () => {
    const events = [ev("A@halo-lms-mcp", "2026-11-21T06:59:00Z"), ev("B@halo-lms-mcp", "2026-11-22T06:59:00Z")];
    const seq = { "A@halo-lms-mcp": { f: "x", s: 2, m: "2026-11-10T08:30:00.000Z" } };
    const l = lines(buildCalendar(events, seq, NOW, "Halo deadlines"));
    expect(l).toEqual(expect.arrayContaining(["METHOD:PUBLISH", "PRODID:halo-lms-mcp", "X-WR-CALNAME:Halo deadlines", "DTSTART:20261121T062900Z", "DTEND:20261121T065900Z", "TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:FREE", "TRIGGER:-PT24H", "ACTION:DISPLAY", "DESCRIPTION:CST-323: Lab due", "CATEGORIES:Halo,CST-323", "URL:https://halo.gcu.edu/x"]));
    const a = l.slice(l.indexOf("UID:A@halo-lms-mcp"), l.indexOf("UID:B@halo-lms-mcp"));
    const b = l.slice(l.indexOf("UID:B@halo-lms-mcp"));
    expect(a).toEqual(expect.arrayContaining(["SEQUENCE:2", "LAST-MODIFIED:20261110T083000Z", "DESCRIPTION:CST-323 Cloud Computing\\nAssignment"]));
    expect(b).toEqual(expect.arrayContaining(["SEQUENCE:0", "LAST-MODIFIED:20261118T190000Z", "DTSTART:20261122T062900Z"]));
  });
  it("an event the library cannot build is an error naming the library's reason, not an empty file", () => {
    expect(() => buildCalendar([ev("A@halo-lms-mcp", "not a date")], {}, NOW, "Halo")).toThrow(/^could not build the calendar: \d+ errors occurred$/);
  });
  it("a category with a line break stays one category on one line", () => {
    const l = lines(buildCalendar([{ ...ev("A@halo-lms-mcp", "2026-11-21T06:59:00Z"), categories: ["Halo", "CST\n323"] }], {}, NOW, "Halo"));
    expect(l).toContain("CATEGORIES:Halo,CST 323");
  });
  it("text values: tabs become spaces, line breaks are kept unless one line is asked for", () => {
    expect(icsText("  a\tb\r\nc\rd  ")).toBe("a b\nc\nd");
    expect(icsText("  a\tb\r\nc\n\n d  ", true)).toBe("a b c d");
  });
});
