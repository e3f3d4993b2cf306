/** pageNote when the total is unknown: a full first page may have more behind it (found by mutation testing). */
import { describe, expect, it } from "vitest";
import { pageNote } from "../../src/format/text.js";

describe("pageNote without a total", () => {
  it("a full first page points to the next; a short one says nothing", () => {
    expect(pageNote(1, 10, undefined, 10)).toBe("Showing 1–10; pass page: 2 for more.");
    expect(pageNote(1, 10, undefined, 9)).toBe("");
    expect(pageNote(2, 10, undefined, 3)).toBe("Showing 11–13 (last page).");
  });
});
