/** The document window per kind: part headers, empty parts, where a cut lands, and the continuation hint. */
import { describe, expect, it } from "vitest";
import { renderDocument, type DocText } from "../../src/shape/documents.js";

const show = (x: DocText, w: { offset: number; max: number; pages?: string }) => renderDocument(x, { path: "/d/f", ...w });

describe("renderDocument", () => {
  it("slides: an empty slide says so, and the hint reads on after the last slide shown", () => {
    expect(show({ kind: "pptx", total: 4, parts: [{ n: 2, label: "Slide 2", text: "" }, { n: 3, label: "Slide 3", text: "hello" }] }, { offset: 0, max: 1000 })).toEqual({
      head: "Text of the presentation, slides 2–3 of 4:",
      body: "--- Slide 2 ---\n(no text on this slide)\n\n--- Slide 3 ---\nhello",
      tail: '[This was slides 2–3 of 4; pages: "4-" reads on.]',
    });
    expect(show({ kind: "pptx", total: 3, parts: [{ n: 3, label: "Slide 3", text: "only" }] }, { offset: 0, max: 1000 })).toEqual({ head: "Text of the presentation, slides 3 of 3:", body: "--- Slide 3 ---\nonly" });
    expect(show({ kind: "pdf", total: 2, parts: [{ n: 1, label: "Page 1", text: "" }] }, { offset: 0, max: 1000 })).toEqual({
      head: "Text of the PDF, pages 1 of 2:",
      body: "--- Page 1 ---\n(no text on this page: perhaps an image)",
      tail: '[This was pages 1 of 2; pages: "2-" reads on.]',
    });
  });

  it("workbooks: sheets as ## headings, counted in the head, no page hints; the pages argument is repeated", () => {
    expect(show({ kind: "xlsx", total: 2, parts: [{ n: 1, label: "Grades", text: "a,b" }, { n: 2, label: "Other", text: "" }] }, { offset: 0, max: 1000 })).toEqual({
      head: "Text of the workbook (2 sheets):",
      body: "## Grades\na,b\n\n## Other",
    });
    const cut = show({ kind: "xlsx", parts: [{ n: 1, label: "Grades", text: "a,b\n".repeat(30) }] }, { offset: 0, max: 50, pages: "1" });
    expect(cut).toEqual({
      head: "Text of the workbook (1 sheet):",
      body: `## Grades\n${"a,b\n".repeat(10).trim()}`,
      tail: '[… truncated: showed characters 0–49 of 130. For the rest call download_resource again with pages: "1", offset: 50. The whole file is at /d/f.]',
    });
  });

  it("Word and text: no units; a later offset is named; a cut too far before the limit ignores the line break", () => {
    expect(show({ kind: "docx", parts: [{ n: 1, label: "", text: "Body text here" }] }, { offset: 5, max: 1000 })).toEqual({ head: "Text of the Word document, from character 5:", body: "text here" });
    expect(show({ kind: "text", parts: [{ n: 1, label: "", text: "line one\nline two\nline three" }] }, { offset: 0, max: 15 })).toEqual({
      head: "Text of the file:",
      body: "line one\nline t",
      tail: "[… truncated: showed characters 0–15 of 28. For the rest call download_resource again with offset: 15. The whole file is at /d/f.]",
    });
    expect(show({ kind: "text", parts: [{ n: 1, label: "", text: "line one\nline two\nline three" }] }, { offset: 0, max: 12 }).tail).toContain("showed characters 0–8 of 28");
    expect(show({ kind: "text", parts: [{ n: 1, label: "", text: "" }] }, { offset: 0, max: 10 })).toEqual({ head: "Text of the file:", body: "" });
    expect(show({ kind: "text", parts: [{ n: 1, label: "", text: "abc" }] }, { offset: 3, max: 10 })).toEqual({ head: "offset 3 is past the end of the text (3 characters).", body: "" });
  });

  it("reading stopped early: no total is claimed and the hint restarts at the next unshown page", () => {
    expect(show({ kind: "pdf", total: 9, stopped: true, parts: [{ n: 4, label: "Page 4", text: "abc" }] }, { offset: 0, max: 1000, pages: "4-" })).toEqual({
      head: "Text of the PDF, pages 4 of 9:",
      body: "--- Page 4 ---\nabc",
      tail: '[… truncated: showed characters 0–18. For the rest call download_resource again with pages: "4-", offset: 18, or pages: "4-" to start at page 4. The whole file is at /d/f.]',
    });
    const two = show({ kind: "pdf", total: 2, parts: [{ n: 1, label: "Page 1", text: "aaaa" }, { n: 2, label: "Page 2", text: "bbbb" }] }, { offset: 0, max: 20 });
    expect(two.tail).toBe('[… truncated: showed characters 0–20 of 40. For the rest call download_resource again with offset: 21, or pages: "2-" to start at page 2. The whole file is at /d/f.]');
  });
});

describe("renderDocument edges", () => {
  it("no parts, no total: no span and no hint", () => {
    expect(show({ kind: "pdf", total: 5, parts: [] }, { offset: 0, max: 10 })).toEqual({ head: "Text of the PDF:", body: "" });
    expect(show({ kind: "pdf", parts: [{ n: 2, label: "Page 2", text: "x" }] }, { offset: 0, max: 100 })).toEqual({ head: "Text of the PDF:", body: "--- Page 2 ---\nx" });
    expect(show({ kind: "xlsx", total: 3, parts: [{ n: 1, label: "A", text: "1" }, { n: 2, label: "B", text: "2" }] }, { offset: 0, max: 100 })).toEqual({ head: "Text of the workbook (3 sheets):", body: "## A\n1\n\n## B\n2" });
    expect(show({ kind: "docx", total: 3, parts: [{ n: 1, label: "", text: "w" }] }, { offset: 0, max: 100 })).toEqual({ head: "Text of the Word document:", body: "w" });
  });

  it("text that exactly fits is shown whole; a line break exactly at 60% of the window is not used", () => {
    const t = "line one\nline two\nline three";
    expect(show({ kind: "text", parts: [{ n: 1, label: "", text: t }] }, { offset: 0, max: t.length })).toEqual({ head: "Text of the file:", body: t });
    expect(show({ kind: "text", parts: [{ n: 1, label: "", text: "abcdef\nghijklmnop" }] }, { offset: 0, max: 10 }).body).toBe("abcdef\nghi");
    expect(show({ kind: "text", parts: [{ n: 1, label: "", text: "abcdefg\nhijklmnop" }] }, { offset: 0, max: 10 }).body).toBe("abcdefg");
  });
});
