/** Saved file names and inline-text detection, at their edges (found by mutation testing). */
import { describe, expect, it } from "vitest";
import { nameFromUrl, numbered, safeFileName, textKind } from "../../src/format/files.js";

describe("safeFileName", () => {
  it("keeps the last path part, collapses whitespace and trims dots and spaces at both ends", () => {
    expect(safeFileName("dir/sub/My  \u00a0  Essay.docx", "f")).toBe("My Essay.docx");
    expect(safeFileName("a\tb", "f")).toBe("a_b");
    expect(safeFileName(" .. . hidden.txt . ", "f")).toBe("hidden.txt");
    expect(safeFileName("a\u200Bb.txt", "f")).toBe("ab.txt");
    expect(safeFileName("name...", "f")).toBe("name");
    expect(safeFileName(undefined, "fallback")).toBe("fallback");
    expect(safeFileName("dir/", "fallback")).toBe("fallback");
    expect(safeFileName("lpt1", "f")).toBe("_lpt1");
    expect(safeFileName("console.txt", "f")).toBe("console.txt");
  });

  it("cuts a long name to 150 characters, keeping an extension of up to ten characters", () => {
    expect(safeFileName("x".repeat(150), "f")).toBe("x".repeat(150));
    expect(safeFileName("x".repeat(151), "f")).toBe("x".repeat(150));
    const tenExt = `${"x".repeat(200)}.abcdefghi`; // the dot and nine letters: ten characters
    expect(safeFileName(tenExt, "f")).toBe(`${"x".repeat(140)}.abcdefghi`);
    const longExt = `${"x".repeat(200)}.abcdefghij`; // eleven: not an extension worth keeping
    expect(safeFileName(longExt, "f")).toBe("x".repeat(150));
    expect(safeFileName(`${"x".repeat(100)}.${"y".repeat(100)}`, "f")).toHaveLength(150);
  });
});

describe("numbered", () => {
  it("a leading dot is not an extension", () => {
    expect(numbered(".env", 1)).toBe(".env (1)");
    expect(numbered("a.tar.gz", 3)).toBe("a.tar (3).gz");
  });
});

describe("textKind", () => {
  it("by extension or content type, in any case", () => {
    expect(textKind("page.htm")).toBe("html");
    expect(textKind("blob", "Text/HTML; charset=utf-8")).toBe("html");
    expect(textKind("notes.TXT")).toBe("text");
    expect(textKind("blob", "text/plain")).toBe("text");
    expect(textKind("blob", "application/vnd.ms-excel+csv")).toBe("text");
    expect(textKind("README")).toBeUndefined();
    expect(textKind("blob", "application/xhtml")).toBeUndefined();
    expect(textKind("blob", "application/text/html")).toBeUndefined();
    expect(textKind("html")).toBeUndefined();
  });
});

describe("nameFromUrl", () => {
  it("only a last segment ending in a short extension is a name", () => {
    expect(nameFromUrl("https://s/x/report.PDF")).toBe("report.PDF");
    expect(nameFromUrl("https://s/x/report.pdf.sig")).toBe("report.pdf.sig");
    expect(nameFromUrl("https://s/x/report.pdfpdfpdf")).toBeUndefined();
    expect(nameFromUrl("https://s/x/v1.2/report")).toBeUndefined();
    expect(nameFromUrl("not a url")).toBeUndefined();
    expect(nameFromUrl("https://s/x/%E0%A4%A.pdf")).toBeUndefined();
  });
});
