/** Preview escaping, one character class at a time, and what a blank name shows as. */
import { describe, expect, it } from "vitest";
import { hasUnsafeChars, shown, shownBody } from "../../src/writes/preview.js";

describe("preview escaping", () => {
  it("flags controls, format characters and line/paragraph separators, and nothing else", () => {
    for (const c of ["\u0000", "\u0007", "\u001B", "\u009F", "\u00AD", "\u200B", "\u202E", "\u2066", "\uFEFF", "\u2028", "\u2029"]) expect(hasUnsafeChars(`a${c}b.pdf`), c).toBe(true);
    for (const name of ["plain.pdf", "Résumé – final (v2).pdf", "日本語.docx", "a b.pdf"]) expect(hasUnsafeChars(name), name).toBe(false);
    // The check keeps no state between calls (a global regex would skip every other match).
    expect([hasUnsafeChars("x\u200By"), hasUnsafeChars("x\u200By"), hasUnsafeChars("x\u200By")]).toEqual([true, true, true]);
  });

  it("escapes every unsafe character in a name, and shows a blank name as the fallback", () => {
    expect(shown("a\u2029b\u00ADc\u0000")).toBe("a\\u2029b\\u00ADc\\u0000");
    expect(shown("   ")).toBe("(unnamed)");
    expect(shown(null)).toBe("(unnamed)");
    expect(shown(undefined, "the announcement")).toBe("the announcement");
    expect(shown(" padded ")).toBe(" padded ");
  });

  it("keeps a body's line breaks but escapes tabs and other controls", () => {
    expect(shownBody("a\tb\n\u0007c\u2029")).toBe("a\\tb\n\\u0007c\\u2029");
  });
});
