/** The date legend outside Arizona, and control characters in one-line fields (found by mutation testing). */
import { describe, expect, it } from "vitest";
import { dateLegend } from "../../src/format/dates.js";
import { plainText, stripControls } from "../../src/format/entities.js";

describe("dateLegend", () => {
  it("names any other zone by its IANA name", () => {
    expect(dateLegend("UTC", new Date("2026-11-21T17:00:00Z"))).toMatch(/^All times UTC; year 2026\b/);
    expect(dateLegend("Europe/Berlin", new Date("2027-01-01T00:30:00Z"))).toMatch(/^All times Europe\/Berlin; year 2027\b/);
  });
});

describe("control characters", () => {
  it("are removed, not replaced, from one-line text", () => {
    expect(stripControls("a\u001b[2Jb\u0085c\u007f")).toBe("a[2Jbc");
    expect(plainText("Title&#27;[31m red")).toBe("Title[31m red");
  });
});
