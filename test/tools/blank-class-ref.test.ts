/** A blank class_ref is refused with a clear error, never read as "all classes" or passed on to matching. */
import { describe, expect, it } from "vitest";
import { sharedHarness } from "../helpers/lifecycle.js";

const h = sharedHarness();

describe("blank class_ref", () => {
  it("is refused by every tool that takes one, optional or not", async () => {
    for (const [tool, args] of [
      ["whats_due", {}],
      ["dq_participation", {}],
      ["grade_target", { what_if: [] }],
      ["course_materials", {}],
      ["view_assignments", {}],
    ] as const) {
      for (const blank of ["", "   ", "\t\n"]) {
        const r = await h.call(tool, { ...args, class_ref: blank });
        expect(r.isError, `${tool} ${JSON.stringify(blank)}: ${r.text}`).toBe(true);
        expect(r.text).toMatch(new RegExp(`^Invalid input for ${tool}: class_ref: .*Nothing was changed\\.$`));
      }
    }
  });
});
