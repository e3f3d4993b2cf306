/**
 * notifications across shapes (list/object, string counts), per class and with a refused class; course
 * materials and downloads.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedHarness } from "../helpers/lifecycle.js";
import { SEED } from "../../src/sandbox/world/ids.js";

const h = sharedHarness();

const unreadBlock = (text: string) => text.split("\n\n")[0]!;

describe("notifications", () => {
  it("covers every class, the inbox and the alert feed with totals", async () => {
    const r = await h.call("notifications", {});
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^Notifications — all 4 classes\nUnread:/);
    expect(r.text).toMatch(/- CST-323 Cloud Computing: \d+ announcements?, \d+ discussion posts?/);
    expect(r.text).toMatch(/Inbox: \d+ unread/);
    expect(r.text).toMatch(/Alerts: \d+ alerts, \d+ unread/);
    expect(r.text).toMatch(/Showing 1–20 \(page 1 of \d+; pass page: 2 for more\)\./);
    // Which tool takes which id is said once; rows carry the short id only.
    expect(r.text.match(/assessment_id → assignment_details \/ feedback/g)).toHaveLength(1);
    expect(r.text).toMatch(/· assessment_id [0-9a-f]{8}\n/);
    // Unread alerts come first under their own heading instead of "unread" on every row.
    expect(r.text).toMatch(/\nUnread:\n- /);
    expect(r.text).not.toMatch(/^- unread/m);
  });

  it("gives the same counts whether Halo answers a list or an object, with numeric or string counts", async () => {
    const base = unreadBlock((await h.call("notifications", {})).text);
    for (const variant of [{ notificationsShape: "object" as const }, { countsAsStrings: true }, { notificationsShape: "object" as const, countsAsStrings: true }]) {
      h.sandbox.resetSwitches();
      Object.assign(h.sandbox.switches, variant);
      h.context.cache.invalidate();
      const r = await h.call("notifications", {});
      expect(r.isError, JSON.stringify(variant)).toBe(false);
      expect(unreadBlock(r.text), JSON.stringify(variant)).toBe(base);
    }
  });

  it("class_ref limits counts and alerts to one class", async () => {
    const r = await h.call("notifications", { class_ref: "ENG-106" });
    expect(r.text).toMatch(/^Notifications — ENG-106 English Composition II\nUnread:\n- ENG-106/);
    const alertLines = r.text.split("\n").filter((l) => l.startsWith("- ") && /^- \w{3} \w{3} \d+ \d+(:\d\d)? [AP]M · /.test(l));
    expect(alertLines.length).toBeGreaterThan(0);
    for (const l of alertLines) expect(l).toContain("ENG-106");
  });

  it("a class Halo refuses is noted and the others still report", async () => {
    h.sandbox.switches.failClassIds = [SEED.classes.success.id];
    h.sandbox.switches.failClassMode = "access";
    const r = await h.call("notifications", {});
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/- UNV-103 University Success: not available to you/);
    expect(r.text).toMatch(/- CST-323 Cloud Computing: \d+ announcements?/);
  });
});

describe("course materials and downloads", () => {
  it("lists materials with resource ids and hides instructor-only ones", async () => {
    const r = await h.call("course_materials", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(r.text).toContain(`- ${SEED.resources.syllabus.slice(0, 8)}`);
    expect(r.text).toContain(`- ${SEED.resources.schedulePdf.slice(0, 8)}`);
    expect(r.text).not.toContain(SEED.resources.instructorOnly.slice(0, 8));
    expect(r.text).not.toContain("Answer Key");
  });

  it("saves a file without overwriting and returns text inline under a cap", async () => {
    const dl = path.join(h.dir, "downloads");
    mkdirSync(dl, { recursive: true });
    writeFileSync(path.join(dl, "CST-323 Syllabus.md"), "mine, do not touch");
    const r = await h.call("download_resource", { resource_id: SEED.resources.syllabus, class_ref: "CST-323", inline: true, max_chars: 200 });
    expect(r.isError).toBe(false);
    expect(r.text).toContain(path.join(dl, "CST-323 Syllabus (1).md"));
    expect(readFileSync(path.join(dl, "CST-323 Syllabus.md"), "utf8")).toBe("mine, do not touch");
    expect(r.text).toMatch(/File content:\n> # CST-323/);
    expect(r.text).toMatch(/\n\[… truncated: showed characters 0–\d+ of \d+\. For the rest call download_resource again with offset: \d+\. The whole file is at /);
    const again = await h.call("download_resource", { resource_id: SEED.resources.syllabus });
    // The same bytes again: the earlier copy is named, no "(2)" is made, and the student's own file stays.
    expect(again.text).toContain("CST-323 Syllabus (1).md (the same file was already there; no new copy)");
    expect(readdirSync(dl).sort()).toEqual(["CST-323 Syllabus (1).md", "CST-323 Syllabus.md"]);
    expect(readdirSync(dl).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  it("handles the link under result (and reads the PDF it fetched)", async () => {
    h.sandbox.switches.downloadUrlShape = "result";
    const r = await h.call("download_resource", { resource_id: SEED.resources.schedulePdf, inline: true });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/Saved .* \(application\/pdf\) to .*Course Schedule\.pdf/);
    expect(r.text).toContain("Text of the PDF, pages 1–3 of 3:");
  });

  it("rejects a resource id that could reach outside the API path, writing nothing", async () => {
    const before = existsSync(path.join(h.dir, "downloads")) ? readdirSync(path.join(h.dir, "downloads")).length : 0;
    const r = await h.call("download_resource", { resource_id: "../../etc/passwd" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/resource_id/);
    const after = existsSync(path.join(h.dir, "downloads")) ? readdirSync(path.join(h.dir, "downloads")).length : 0;
    expect(after).toBe(before);
  });

  it("an unknown resource is an actionable error", async () => {
    const r = await h.call("download_resource", { resource_id: "00000000-0000-4000-8000-000000000000" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/no file with resource_id .* course_materials/);
  });
});
