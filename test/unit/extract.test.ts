/**
 * The extraction bounds in isolation: the zip reader's entry and byte budgets, the worker's time and heap
 * limits, the spreadsheet row cap, page ranges and the text window.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ZipReader } from "../../src/extract/zip.js";
import { extractInWorker } from "../../src/extract/run.js";
import { DEFAULT_LIMITS, ExtractFailure, type Extracted } from "../../src/extract/types.js";
import { pdf, zip } from "../../src/sandbox/docs.js";
import { xlsx, zipBomb } from "../../src/sandbox/docs-office.js";
import { renderDocument } from "../../src/shape/documents.js";
import { parsePages } from "../../src/tools/files.js";

const dir = mkdtempSync(path.join(tmpdir(), "extract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Buffer) => {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
};
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof ExtractFailure ? `${err.code}: ${err.message}` : String(err);
  }
  return "no failure";
};

describe("bounded zip reader", () => {
  it("refuses an archive with more entries than allowed before inflating anything", () => {
    const many = zip(Array.from({ length: 6 }, (_, i): [string, string] => [`f${i}.xml`, "<a/>"]));
    expect(failure(() => new ZipReader(many, { zipEntries: 5, zipBytes: 1 << 20 }))).toMatch(/^too_big: The archive has 6 entries, over the 5/);
    expect(new ZipReader(many, { zipEntries: 6, zipBytes: 1 << 20 }).xml("f5.xml")).toBe("<a/>");
  });

  it("stops inflating a zip bomb at the byte budget, whatever its headers say", () => {
    const r = new ZipReader(zipBomb(20), { zipEntries: 10, zipBytes: 5 << 20 });
    expect(failure(() => r.bytes("word/document.xml"))).toMatch(/^too_big: .*zip bomb guard/);
  });

  it("counts every part against one budget", () => {
    const r = new ZipReader(zip([["a.xml", "x".repeat(600)], ["b.xml", "y".repeat(600)]]), { zipEntries: 10, zipBytes: 1000 });
    expect(r.xml("a.xml")).toHaveLength(600);
    expect(failure(() => r.xml("b.xml"))).toMatch(/^too_big/);
  });

  it("refuses XML with a DOCTYPE (entity expansion) and damaged archives", () => {
    const r = new ZipReader(zip([["a.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>']]), DEFAULT_LIMITS);
    expect(failure(() => r.xml("a.xml"))).toMatch(/^corrupt: The part "a.xml" declares a DOCTYPE/);
    expect(failure(() => new ZipReader(Buffer.from("PK\u0003\u0004 not a zip at all"), DEFAULT_LIMITS))).toMatch(/^corrupt: The file is damaged/);
  });
});

describe("extraction worker limits", () => {
  const long = write("long.pdf", pdf(Array.from({ length: 100 }, (_, i) => `Page ${i + 1}`).join("\f")));

  it("terminates a reader that runs past its time limit", async () => {
    const r = await extractInWorker({ file: long, kind: "pdf", wantChars: 1e9 }, { ...DEFAULT_LIMITS, timeoutMs: 1 });
    expect(r).toEqual({ ok: false, failure: { code: "timeout", message: "Reading the file took longer than 1 ms, so it was stopped." } });
  });

  it("stops a reader that needs more heap than allowed", async () => {
    // 10 MB: enough to start a worker, too little for the PDF reader. At 2 MB Node 24 cannot even deserialize the
    // worker's heap snapshot and aborts the whole process ("GC during deserialization"), not just the worker.
    const r = await extractInWorker({ file: long, kind: "pdf", wantChars: 1e9 }, { ...DEFAULT_LIMITS, heapMb: 10 });
    expect(r.ok ? "read" : r.failure.code).toBe("memory");
  });

  it("stops the worker when the tool call is cancelled", async () => {
    const ac = new AbortController();
    const pending = extractInWorker({ file: long, kind: "pdf", wantChars: 1e9 }, DEFAULT_LIMITS, ac.signal);
    ac.abort();
    expect(await pending).toEqual({ ok: false, failure: { code: "cancelled", message: "The call was cancelled." } });
  });

  it("reads only as many pages as the caller will show", async () => {
    const r = await extractInWorker({ file: long, kind: "pdf", from: 10, wantChars: 30 }, DEFAULT_LIMITS);
    // Each page counts its text plus its header line (about 12 characters): two pages reach 30.
    expect(r.ok && r.value.parts.map((p) => p.text)).toEqual(["Page 10", "Page 11"]);
    expect(r.ok && r.value.stopped).toBe(true);
    expect(r.ok && r.value.total).toBe(100);
  });

  it("caps a sheet at 200 rows and says how many there were", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `row ${i + 1} | ${i}`).join("\n");
    const f = write("big.xlsx", xlsx(`Sheet: Big\nName | N\n${rows}`));
    const r = await extractInWorker({ file: f, kind: "xlsx", wantChars: 1e9 }, DEFAULT_LIMITS);
    const text = r.ok ? r.value.parts[0]!.text : "";
    expect(text).toContain("| row 199 | 198 |");
    expect(text).not.toContain("| row 200 |");
    expect(text).toMatch(/\[… showing the first 200 of 251 rows\. The whole sheet is in the saved file\.\]$/);
  });
});

describe("page ranges and the text window", () => {
  it("parses pages", () => {
    expect(parsePages("3-5")).toEqual({ from: 3, to: 5 });
    expect(parsePages("7")).toEqual({ from: 7, to: 7 });
    expect(parsePages(" 12- ")).toEqual({ from: 12 });
    expect(() => parsePages("0")).toThrow(/not a range/);
    expect(() => parsePages("a-b")).toThrow(/not a range/);
  });

  const doc: Extracted = { kind: "pdf", total: 5, parts: [1, 2, 3].map((n) => ({ n, label: `Page ${n}`, text: `text of page ${n}` })) };

  it("names what was shown and how to read on", () => {
    const all = renderDocument(doc, { offset: 0, max: 10_000, path: "/d/f.pdf" });
    expect(all.head).toBe("Text of the PDF, pages 1–3 of 5:");
    expect(all.body).toBe("--- Page 1 ---\ntext of page 1\n\n--- Page 2 ---\ntext of page 2\n\n--- Page 3 ---\ntext of page 3");
    expect(all.tail).toBe('[This was pages 1–3 of 5; pages: "4-" reads on.]');
    const cut = renderDocument(doc, { offset: 0, max: 40, path: "/d/f.pdf" });
    expect(cut.body).toBe("--- Page 1 ---\ntext of page 1");
    expect(cut.tail).toBe('[… truncated: showed characters 0–30 of 91. For the rest call download_resource again with offset: 31, or pages: "2-" to start at page 2. The whole file is at /d/f.pdf.]');
    expect(renderDocument(doc, { offset: 31, max: 40, path: "/d/f.pdf" }).body).toBe("--- Page 2 ---\ntext of page 2");
    const past = renderDocument(doc, { offset: 500, max: 40, path: "/d/f.pdf" });
    expect(past.head).toBe("offset 500 is past the end of the text (91 characters, pages 1–3 of 5).");
  });
});
