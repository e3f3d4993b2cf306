/** Short-id prefixes against odd neighbours, and the labels idsInText gives each id (found by mutation testing). */
import { describe, expect, it } from "vitest";
import { idsInText, shortestPrefixes } from "../../src/format/ids.js";

const A = "1fa6bff2-b57a-4797-a291-60fc3e104233";
const B = "1fa6bff2-b57b-4000-8000-000000000001";
const C = "e9be7dd5-57c0-42e2-9ae0-f744362266a9";

describe("shortestPrefixes", () => {
  it("compares each id with its sorted neighbours, whatever order the ids come in", () => {
    expect(shortestPrefixes([C, A], [B]).get(A)).toBe("1fa6bff2-b57a");
    expect(shortestPrefixes([C, A], [B]).get(C)).toBe("e9be7dd5");
  });

  it("never ends a prefix in a dash, even against a known shorter id", () => {
    expect(shortestPrefixes([A], ["1fa6bff2"]).get(A)).toBe("1fa6bff2-b");
  });
});

describe("idsInText labels", () => {
  const label = (line: string) => idsInText(line).get(A);

  it("drops the id, an id field name before it and separators, and list or quote markers", () => {
    expect(label(`- Paper on ids · post_id: ${A}`)).toBe("Paper on ids");
    expect(label(`Paper on ids · post_id:   ${A}`)).toBe("Paper on ids");
    expect(label(`> - Essay (id ${A}`)).toBe("Essay");
    expect(label(`## Essay · id: ${A}`)).toBe("Essay");
    expect(label(`Essay · ${A} · due`)).toBe("Essay ·  · due");
  });

  it("keeps the first line an id appears on, in any case", () => {
    const found = idsInText(`- First · ${A}\n- Second · ${A.toUpperCase()}`);
    expect([...found]).toEqual([[A, "First"]]);
  });

  it("cuts a label longer than 70 characters", () => {
    expect(label(`${"x".repeat(70)} ${A}`)).toBe("x".repeat(70));
    expect(label(`${"x".repeat(71)} ${A}`)).toBe(`${"x".repeat(69)}…`);
  });
});
