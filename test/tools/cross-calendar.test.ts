import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { bare } from "../../src/sandbox/world/dates.js";
import { FIXED_NOW, startHarness, type Harness } from "../helpers/harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const icsPath = (x: Harness, name = "halo-deadlines.ics") => path.join(x.config.downloadsDir, name);
/** The VEVENT block for one UID, unfolded. */
function event(ics: string, uid: string): string {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  return unfolded.split("BEGIN:VEVENT").find((b) => b.includes(`UID:${uid}\r\n`)) ?? "";
}

describe("export_calendar", () => {
  it("writes deadlines with stable UIDs, UTC times and a derived initial-post event", async () => {
    h = await startHarness();
    const r = await h.call("export_calendar", { days: 14 });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^Wrote \d+ deadlines from 2 current classes .* to .*halo-deadlines\.ics/);
    const ics = readFileSync(icsPath(h), "utf8");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const dq = event(ics, `${SEED.assessments.dueAtUtcEdge}@halo-lms-mcp`);
    expect(dq).toContain("DTEND:20261122T065900Z"); // 11:59 PM Arizona on Sat Nov 21
    expect(dq).toContain("SEQUENCE:0");
    expect(dq).toContain("SUMMARY:CST-323: Topic 4 DQ 1 due");
    const quiz = ics.replace(/\r\n[ \t]/g, "").split("BEGIN:VEVENT").find((b) => b.includes("Topic 4 Quiz due"))!;
    expect(quiz).toContain("Your accommodated due date.");
    expect(quiz).toContain("DTEND:20261127T065900Z");
    // Topic 5 DQ 1: initial post deadline (derived) is inside the window and gets its own event.
    expect(ics).toMatch(/UID:[0-9a-f-]{36}-initial@halo-lms-mcp/);
    expect(ics).toContain("DTSTAMP:20261121T170000Z"); // from the fixed clock, not the wall clock
  });

  it("re-exporting keeps UIDs and SEQUENCE; a moved due date bumps SEQUENCE and LAST-MODIFIED", async () => {
    h = await startHarness();
    await h.call("export_calendar", {});
    const uid = `${SEED.assessments.upload}@halo-lms-mcp`;
    const before = event(readFileSync(icsPath(h), "utf8"), uid);
    expect(before).toContain("SEQUENCE:0");

    h.setNow(new Date(FIXED_NOW.getTime() + 120_000)); // past the grades cache
    const second = await h.call("export_calendar", {});
    // The earlier export is never overwritten: the new one gets the next free name.
    expect(second.text).toContain(`to ${icsPath(h, "halo-deadlines (1).ics")} (`);
    expect(second.text).toContain("; halo-deadlines.ics already existed and was left as it was.");
    expect(event(readFileSync(icsPath(h, "halo-deadlines (1).ics"), "utf8"), uid)).toContain("SEQUENCE:0");

    const g = h.sandbox.world.grades.find((x) => x.assessmentId === SEED.assessments.upload && x.userId === h!.sandbox.world.studentId)!;
    g.dueDate = bare(new Date(Date.parse(`${g.dueDate.replace(" ", "T")}Z`) + 86_400_000));
    h.setNow(new Date(FIXED_NOW.getTime() + 240_000));
    const r = await h.call("export_calendar", {});
    expect(r.text).toMatch(/1 event changed since the last export/);
    const after = event(readFileSync(icsPath(h, "halo-deadlines (2).ics"), "utf8"), uid);
    expect(after).toContain("SEQUENCE:1");
    expect(after).toContain("LAST-MODIFIED:20261121T170400Z");
    expect(after).toContain("DTEND:20261126T065900Z");
  });

  it("never overwrites a file, and takes any name", async () => {
    h = await startHarness();
    mkdirSync(h.config.downloadsDir, { recursive: true });
    writeFileSync(icsPath(h, "mine.ics"), "the student's own file");
    const r = await h.call("export_calendar", { path: "mine.ics" });
    expect(r.isError).toBe(false);
    expect(readFileSync(icsPath(h, "mine.ics"), "utf8")).toBe("the student's own file");
    expect(readFileSync(icsPath(h, "mine (1).ics"), "utf8")).toMatch(/^BEGIN:VCALENDAR/);
    const odd = await h.call("export_calendar", { path: "Fall\u0000 term\r\nX:1 <CON>" + "y".repeat(250) });
    expect(odd.isError, odd.text).toBe(false);
    const written = /to (\S.*\.ics) \(/.exec(odd.text)?.[1] ?? "";
    expect(path.dirname(written)).toBe(realpathSync(h.config.downloadsDir));
    expect(path.basename(written)).toMatch(/^Fall_ term__X_1 _CON_y+\.ics$/);
    expect(existsSync(written)).toBe(true);
  });

  it("writes only inside the downloads folder", async () => {
    h = await startHarness();
    for (const p of ["../escape.ics", "/etc/halo.ics", "sub/../../escape.ics"]) {
      const r = await h.call("export_calendar", { path: p });
      expect(r.isError, p).toBe(true);
      expect(r.text).toContain("must be inside your downloads folder");
    }
    expect(existsSync(path.join(h.dir, "escape.ics"))).toBe(false);
    mkdirSync(h.config.downloadsDir, { recursive: true });
    symlinkSync(h.dir, path.join(h.config.downloadsDir, "link"));
    const viaLink = await h.call("export_calendar", { path: "link/escape.ics" });
    expect(viaLink.isError).toBe(true);
    expect(existsSync(path.join(h.dir, "escape.ics"))).toBe(false);
    const ok = await h.call("export_calendar", { path: "term/fall" });
    expect(ok.isError).toBe(false);
    expect(existsSync(icsPath(h, "term/fall.ics"))).toBe(true);
  });

  it("is offered in read-only mode (it changes nothing in Halo) and names a failed class", async () => {
    h = await startHarness({ readOnly: true, switches: { failClassIds: [SEED.classes.english.id] } });
    const names = (await h.client.listTools()).tools.map((t) => t.name);
    expect(names).toContain("export_calendar");
    const r = await h.call("export_calendar", {});
    expect(r.text).toMatch(/⚠ ENG-106 .*could not be loaded.*they are not in the file/);
  });
});
