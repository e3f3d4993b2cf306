/**
 * list_classes, user, the session tools and class-reference handling, through a real MCP client.
 */
import { describe, expect, it } from "vitest";
import { sharedHarness } from "../helpers/lifecycle.js";
import { SEED } from "../../src/sandbox/world/ids.js";

const h = sharedHarness();

describe("list_classes", () => {
  it("lists current classes first with the class_ref other tools take, paged", async () => {
    const r = await h.call("list_classes", {});
    expect(r.isError).toBe(false);
    const lines = r.text.split("\n").filter((l) => l.startsWith("- "));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/· current ·/);
    expect(lines[3]).toMatch(/UNV-103 University Success · finished/);
    // Each class names who teaches it, as the class list reports (no detail call per class).
    expect(lines.find((l) => l.startsWith("- CST-323"))).toMatch(/ · instructor Priya Natarajan$/);
    expect(lines.every((l) => / · instructors? \S+ \S+/.test(l))).toBe(true);
    // The usual modality and year are said once; only what differs is on a line.
    expect(r.text.split("\n")[0]).toBe("Your 4 classes (class_ref for any tool: the course code; online and year 2026 unless shown):");
    expect(lines).toEqual([
      "- ENG-106 English Composition II · current · onground · 4 credits · Nov 4 – Dec 29 · instructor Marcus Bell",
      "- CST-323 Cloud Computing · current · 4 credits · Oct 28 – Dec 22 · instructor Priya Natarajan",
      "- PSY-102 General Psychology · not started · 4 credits · Dec 1 – Jan 4 2027 · instructor Elena Vasquez",
      "- UNV-103 University Success · finished · 2 credits · Sep 12 – Oct 30 · instructor Tom Harrington",
    ]);
  });

  it("still lists the classes when Halo refuses the instructor names, and says what is missing", async () => {
    h.sandbox.switches.failOperations = { GetCourseClassInstructors: "http500" };
    h.context.cache.invalidate();
    const r = await h.call("list_classes", {});
    h.sandbox.resetSwitches();
    h.context.cache.invalidate();
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/- CST-323 Cloud Computing · current/);
    expect(r.text).not.toMatch(/ · instructors? [A-Z]/);
    expect(r.text).toMatch(/Halo did not provide: instructor names/);
    // Course codes are unique here, so they are the class_ref; no slug is spent on any line.
    expect(r.text).toMatch(/^Your 4 classes \(class_ref for any tool: the course code; online and year 2026 unless shown\):/);
    expect(r.text).not.toContain("class_ref: ");
    expect(r.text).not.toMatch(/__typename|null|undefined/);
    const p = await h.call("list_classes", { page: 2, page_size: 3 });
    expect(p.text).toContain("Showing 4–4 (page 2 of 2).");
  });

  it("rejects a page_size above 100 without calling Halo", async () => {
    h.sandbox.resetStats();
    const r = await h.call("list_classes", { page_size: 500 });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/page_size/);
    expect(h.sandbox.stats.calls.length).toBe(0);
  });
});

describe("class references", () => {
  it("resolves a course code, a slug, a UUID and a name fragment", async () => {
    for (const ref of ["CST-323", h.sandbox.ids.classes.cloud.slugId, SEED.classes.cloud.id, "cloud comp"]) {
      const r = await h.call("grades", { class_ref: ref });
      expect(r.isError, ref).toBe(false);
      expect(r.text).toMatch(/^CST-323 Cloud Computing — grades/);
    }
  });

  it("an ambiguous reference lists the candidates", async () => {
    const r = await h.call("view_assignments", { class_ref: "comp" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/matches several classes/);
    expect(r.text).toContain("CST-323 Cloud Computing");
    expect(r.text).toContain("ENG-106 English Composition II");
  });

  it("an unknown reference lists the student's classes", async () => {
    const r = await h.call("grades", { class_ref: "CST-345" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/No class of yours matches "CST-345"/);
    expect(r.text).toContain("UNV-103");
  });

  it("a class Halo refuses is reported by name, without a token refresh", async () => {
    h.sandbox.switches.failClassIds = [SEED.classes.cloud.id, h.sandbox.ids.classes.cloud.slugId];
    h.sandbox.switches.failClassMode = "access";
    const refreshes = h.sandbox.stats.refreshes;
    for (const tool of ["grades", "view_assignments", "course_materials", "discussions"]) {
      const r = await h.call(tool, { class_ref: "CST-323" });
      expect(r.isError, tool).toBe(true);
      expect(r.text, tool).toMatch(/CST-323 Cloud Computing .* is not available to you/);
    }
    expect(h.sandbox.stats.refreshes).toBe(refreshes);
  });
});

describe("user", () => {
  it("shows the signed-in student without an id, and another user by id", async () => {
    const me = await h.call("user", {});
    expect(me.text).toMatch(/^Jo Rivera \(you\)/);
    expect(me.text).toContain("username: jrivera42");
    const other = await h.call("user", { user_id: SEED.instructors.cloud });
    expect(other.isError).toBe(false);
    expect(other.text).not.toContain("(you)");
  });
});

describe("session tools", () => {
  it("check_tokens reports state, source and expiry but never a credential", async () => {
    const r = await h.call("check_tokens", {});
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/Session: OK/);
    expect(r.text).toMatch(/Cookie header/);
    expect(r.text).toMatch(/Login session ends: \w{3} \w{3} \d+ \d+(:\d\d)? [AP]M \(in \d+ days\)/);
    for (const secret of [h.sandbox.credentials.authToken, h.sandbox.credentials.contextToken]) expect(r.text).not.toContain(secret);
    expect(r.text).not.toMatch(/session-token=/);
  });

  it("refresh and reload_tokens work and drop cached data", async () => {
    const before = h.sandbox.stats.refreshes;
    const r = await h.call("refresh", {});
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^Refreshed\. Session: OK/);
    expect(h.sandbox.stats.refreshes).toBeGreaterThan(before);
    const again = await h.call("reload_tokens", {});
    expect(again.isError).toBe(false);
    expect(again.text).toMatch(/Reloaded credentials/);
  });

  // Last in the file: it ends the harness's session for good.
  it("check_tokens says what to do when the browser session is over", async () => {
    h.sandbox.endSession();
    h.sandbox.expireTokens();
    const r = await h.call("check_tokens", {});
    expect(r.text).toMatch(/^Session: EXPIRED/);
    expect(r.text).not.toContain(h.sandbox.credentials.authToken);
    // One instruction, naming the configured Halo host, and nothing stale about the session that ended.
    expect(r.text.match(/Log in to /g)).toHaveLength(1);
    expect(r.text).toContain("Log in to https://halo.sandbox.test");
    expect(r.text.match(/Run `halo-lms-mcp login`/g)).toHaveLength(1);
    expect(r.text).not.toMatch(/Login session ends|can be refreshed/);
    const g = await h.call("grades", { class_ref: h.sandbox.ids.classes.cloud.slugId });
    expect(g.isError).toBe(true);
    expect(g.text).toMatch(/log in|Log in|browser/);
    expect(g.text).toContain("Run `halo-lms-mcp login` in a terminal");
  });
});
