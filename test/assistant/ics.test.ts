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
  it("escapes hostile text: a lone CR, CRLF, escape codes and commas cannot forge lines, events or categories", () => {
    const e = { ...ev(), title: "Quiz\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:fake\u001b[2J", description: "line 1\rline 2\r\nline 3\u0007", categories: ["Halo", "CST,323;X\r"], url: "https://halo.gcu.edu/a\r\nX-INJECT:1" };
    const ics = buildCalendar([e], sequenceFor([e], {}, NOW), NOW, "Halo");
    expect(ics.split("\r\n").filter((l) => l === "BEGIN:VEVENT" || l.startsWith("SUMMARY:fake"))).toEqual(["BEGIN:VEVENT"]);
    expect(ics).not.toMatch(/\r(?!\n)/); // every CR is part of a CRLF line end
    // eslint-disable-next-line no-control-regex
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain("SUMMARY:Quiz END:VEVENT BEGIN:VEVENT SUMMARY:fake[2J\r\n");
    expect(unfolded).toContain("DESCRIPTION:line 1\\nline 2\\nline 3\r\n");
    expect(unfolded).toContain("CATEGORIES:Halo,CST 323 X\r\n");
    expect(unfolded).toContain("URL:https://halo.gcu.edu/aX-INJECT:1\r\n");
    expect(unfolded.split("\r\n").filter((l) => l.startsWith("X-INJECT"))).toEqual([]);
  });
});
