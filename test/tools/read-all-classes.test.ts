/**
 * Every class-scoped read tool on every seeded class (current, pre-start, finished): no errors, no leaked
 * nulls or internals.
 */
import { describe, expect, it } from "vitest";
import { sharedHarness } from "../helpers/lifecycle.js";

const h = sharedHarness();

const TOOLS = ["view_assignments", "grades", "discussions", "announcements", "course_materials", "notifications"];

describe("class-scoped reads on every class", () => {
  for (const ref of ["CST-323", "ENG-106", "PSY-102", "UNV-103"]) {
    it(`work for ${ref}`, async () => {
      for (const tool of TOOLS) {
        const r = await h.call(tool, { class_ref: ref });
        expect(r.isError, `${tool} ${ref}: ${r.text}`).toBe(false);
        expect(r.text, `${tool} ${ref}`).not.toMatch(/__typename|\bnull\b|\bundefined\b|NaN|\[object Object\]|Invalid Date/);
        expect(r.text.startsWith(ref) || r.text.startsWith("Notifications"), `${tool} ${ref}`).toBe(true);
      }
    });
  }
});
