import { describe, expect, it } from "vitest";
import { buildCalendar, eventFor, sequenceFor } from "../../src/assistant/ics.js";
import { toWorkItem } from "../../src/assistant/items.js";
import { BASE, CLS, NOW, grade } from "./fixtures.js";

const ev = (due = "2026-11-21 06:59:00") => {
  const it = toWorkItem(CLS, grade({ dueDate: due, accommodatedDueDate: due, assessment: { id: "A1", title: "Lab, part 1; notes", dueDate: due } }), BASE, NOW)!;
  return eventFor(it as typeof it & { due: Date });
};

describe("ics", () => {
  it("stable UID, UTC times, escaped text, reproducible DTSTAMP", () => {
    const e = ev();
    const seq = sequenceFor([e], {}, NOW);
    const ics = buildCalendar([e], seq, NOW, "Halo");
    expect(ics).toContain("UID:A1@halo-lms-mcp");
    expect(ics).toContain("DTEND:20261121T065900Z");
    expect(ics).toContain("DTSTAMP:20261118T190000Z");
    expect(ics).toContain("SUMMARY:CST-323: Lab\\, part 1\\; notes due");
    expect(ics.replace(/\r\n[ \t]/g, "")).toContain("Your accommodated due date.");
    expect(buildCalendar([e], seq, NOW, "Halo")).toBe(ics);
  });
  it("sequence stays for identical events and goes up when content changes", () => {
    const s0 = sequenceFor([ev()], {}, NOW);
    expect(sequenceFor([ev()], s0, new Date(NOW.getTime() + 1000))).toEqual(s0);
    const later = new Date(NOW.getTime() + 60_000);
    const s1 = sequenceFor([ev("2026-11-22 06:59:00")], s0, later);
    expect(s1["A1@halo-lms-mcp"]).toMatchObject({ s: 1, m: later.toISOString() });
  });
});
