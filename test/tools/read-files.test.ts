/**
 * download_resource reading documents (issue 14) through the MCP client: PDF pages, Word structure,
 * PowerPoint slides and notes, Excel sheets, continuation by offset and pages, and the honest failures
 * (scan, password, damage, zip bomb, unknown format, oversize).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { harnessPerTest, sharedHarness } from "../helpers/lifecycle.js";
import { SEED } from "../../src/sandbox/world/ids.js";
import { addResource } from "../../src/sandbox/world/seed-resources.js";
import type { FileRec, World } from "../../src/sandbox/world/types.js";

const LONG = Array.from({ length: 12 }, (_, i) => [`Reading ${i + 1} heading`, ...Array.from({ length: 8 }, (_, j) => `Page ${i + 1} line ${j + 1}: cloud elasticity means resources follow demand.`)].join("\n")).join("\f");

const hostile: Array<[id: string, name: string, generator: FileRec["generator"], text?: string]> = [
  ["res-long", "Long Reader.pdf", "pdf", LONG],
  ["res-scan", "Scanned Handout.pdf", "pdf-scanned"],
  ["res-locked", "Locked Answers.pdf", "pdf-encrypted", "secret"],
  ["res-broken", "Broken Notes.docx", "corrupt"],
  ["res-bomb", "Huge Rubric.docx", "zip-bomb"],
  ["res-photo", "Whiteboard.png", "text", "not really an image"],
];

function addFiles(world: World): void {
  const cls = world.classes.find((c) => c.courseCode === "CST-323") ?? world.classes[0]!;
  for (const [id, name, generator, text] of hostile) {
    addResource(world, { id, name, courseClassId: cls.id, createdBy: SEED.instructors.cloud, generator, ...(text ? { text } : {}) });
  }
}

describe("reading course files inline", () => {
  const h = sharedHarness({ tweak: (sb) => addFiles(sb.world) });
  const read = (resource_id: string, more: Record<string, unknown> = {}) => h.call("download_resource", { resource_id, class_ref: "CST-323", inline: true, ...more });

  it("PDF: the text layer with page headers, fenced as file content", async () => {
    const r = await read(SEED.resources.schedulePdf);
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^Saved \d+ KB \(application\/pdf\) to .*Course Schedule\.pdf\n\nText of the PDF, pages 1–3 of 3:\nFile content:\n> --- Page 1 ---\n> Cloud Computing - Course Schedule\n> Weeks 1-3: Foundations\n/);
    expect(r.text).toContain("> --- Page 3 ---\n> Cloud Computing - Course Schedule\n> Weeks 7-8: Final project");
    expect(r.text).not.toContain("truncated");
  });

  it("PDF pages: a range reads only those pages and says how to read on", async () => {
    const r = await read("res-long", { pages: "4-5" });
    expect(r.text).toContain("Text of the PDF, pages 4–5 of 12:");
    expect(r.text).toContain("> --- Page 4 ---\n> Reading 4 heading");
    expect(r.text).toContain("> Page 5 line 8:");
    expect(r.text).not.toContain("Page 3 line");
    expect(r.text).not.toContain("Page 6 line");
    expect(r.text).toContain('[This was pages 4–5 of 12; pages: "6-" reads on.]');
  });

  it("PDF: max_chars cuts with an offset that continues exactly where the cut was", async () => {
    const first = await read("res-long", { max_chars: 1000 });
    const tail = /offset: (\d+), or pages: "(\d+)-" to start at page \2/.exec(first.text);
    expect(tail, first.text).not.toBeNull();
    const offset = Number(tail![1]);
    expect(offset).toBeGreaterThan(600);
    expect(offset).toBeLessThanOrEqual(1000);
    const lastShown = first.text.split("\n").filter((l) => l.startsWith("> ")).pop()!.slice(2);
    const next = await read("res-long", { max_chars: 1000, offset });
    expect(next.text).toContain("(the same file was already there; no new copy)");
    expect(next.text).toContain(`Text of the PDF, pages 1–`);
    expect(next.text).toContain(`from character ${offset}:`);
    const firstNext = next.text.split("\n").find((l) => l.startsWith("> "))!.slice(2);
    expect(firstNext).not.toBe(lastShown);
    expect(LONG.replace(/\f/g, "\n")).toContain(firstNext);
  });

  it("PDF pages outside the file or malformed are errors the model can fix", async () => {
    const beyond = await read(SEED.resources.schedulePdf, { pages: "9" });
    expect(beyond.isError).toBe(true);
    expect(beyond.text).toMatch(/The file has 3 pages; the range starts beyond it/);
    const bad = await read(SEED.resources.schedulePdf, { pages: "5-2" });
    expect(bad.isError).toBe(true);
    expect(bad.text).toContain('pages "5-2" is not a range like "3", "3-5" or "3-"');
  });

  it("Word: headings, bullet and numbered lists, and tables as Markdown", async () => {
    const r = await read(SEED.resources.styleGuideDocx);
    expect(r.isError).toBe(false);
    expect(r.text).toContain("Text of the Word document:");
    expect(r.text).toContain("> # Writing Style Guide");
    expect(r.text).toContain("> ## Formatting");
    expect(r.text).toMatch(/> - +Double-space the whole paper\./);
    expect(r.text).toMatch(/> 1\. +Title page\n> 2\. +Body/);
    expect(r.text).toMatch(/> \| Days late \| Penalty \|\n> \| -+ \| -+ \|\n> \| 1 \| 10% \|/);
  });

  it("PowerPoint: text per slide with numbers, tables and speaker notes, without the slide-number placeholder", async () => {
    const r = await read(SEED.resources.slidesPptx);
    expect(r.text).toContain("Text of the presentation, slides 1–3 of 3:");
    expect(r.text).toContain("> --- Slide 1 ---\n> Topic 1: What is cloud computing?\n> On-demand self-service\n> Broad network access\n> \n> Speaker notes:\n> Start with the NIST definition");
    expect(r.text).toContain("> | IaaS | OS and apps |");
    expect(r.text).toContain("> --- Slide 3 ---\n> Questions?");
    expect(r.text).not.toMatch(/^> [123]$/m);
    const one = await read(SEED.resources.slidesPptx, { pages: "2" });
    expect(one.text).toContain("slides 2 of 3");
    expect(one.text).toContain("Pizza-as-a-service analogy.");
    expect(one.text).not.toContain("Questions?");
  });

  it("Excel: each sheet a Markdown table, dates as dates", async () => {
    const r = await read(SEED.resources.trackerXlsx);
    expect(r.text).toContain("Text of the workbook (2 sheets):");
    expect(r.text).toContain('> ## Sheet "Assignments"\n> | Assignment | Points | Due |\n> | --- | --- | --- |\n> | Topic 1 DQ | 20 | 2026-11-01 |\n> | Cloud Architecture Proposal | 150 | 2026-11-29 |');
    expect(r.text).toContain('> ## Sheet "Notes"\n> | Keep this sheet updated weekly |');
  });

  it("a scanned PDF says it has no text layer and points at the saved file", async () => {
    const r = await read("res-scan");
    expect(r.isError).toBe(false);
    const saved = /to (.*Scanned Handout\.pdf)\n/.exec(r.text)?.[1];
    expect(saved && existsSync(saved)).toBe(true);
    expect(r.text).toContain("The PDF has 1 page but no text layer: it is probably a scanned image.");
    expect(r.text).toContain(`open the saved file at ${saved}`);
  });

  it("password-protected, damaged and zip-bomb files are clear errors; the file is still saved", async () => {
    const locked = await read("res-locked");
    expect(locked.isError).toBe(true);
    expect(locked.text).toMatch(/^Saved to .*Locked Answers\.pdf, but its text cannot be shown: The PDF is password-protected/);
    expect(existsSync(/^Saved to (.*\.pdf), but/.exec(locked.text)![1]!)).toBe(true);
    const broken = await read("res-broken");
    expect(broken.isError).toBe(true);
    expect(broken.text).toContain("The file is damaged or not a real Office document");
    const bomb = await read("res-bomb");
    expect(bomb.isError).toBe(true);
    expect(bomb.text).toContain("inflates to more than this server reads (a zip bomb guard)");
  });

  it("a text file continues from an offset; pages is explained, not silently dropped, where it does not apply", async () => {
    const first = await read(SEED.resources.syllabus, { max_chars: 200 });
    const offset = Number(/offset: (\d+)\./.exec(first.text)?.[1]);
    const next = await read(SEED.resources.syllabus, { max_chars: 200, offset, pages: "2" });
    expect(next.text).toContain("(pages applies to PDF pages and PowerPoint slides only; this file is read from the start.)");
    expect(next.text).toContain(`Text of the file, from character ${offset}:`);
    // The first window ended on the Participation heading; the next one starts on the line after it.
    expect(first.text).toMatch(/> ## Participation\n\[… truncated/);
    expect(next.text).toContain("File content:\n> Post substantively on at least 3 separate days each topic.");
    expect(next.text).not.toContain("## Late policy");
  });

  it("a format it does not read lists the formats it does", async () => {
    const r = await read("res-photo");
    expect(r.isError).toBe(false);
    expect(r.text).toContain("Text can be shown for PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), and text (txt, md, csv, json, html); this file is application/octet-stream.");
  });

  it("assignment_details include_files adds the attached file's text, fenced as the instructor's", async () => {
    const r = await h.call("assignment_details", { assessment_id: SEED.assessments.upload, include_files: true });
    expect(r.isError).toBe(false);
    expect(r.text).toContain("## Attached files (text written by the instructor; each file is also saved)");
    expect(r.text).toMatch(/### Proposal Template · resource_id: \S+\nSaved \d+ KB \(application\/vnd[^)]+\) to .*Proposal Template\.docx\nText of the Word document:\nAttached file written by the instructor:\n> Proposal template: Executive summary, Architecture, Cost, Risks\./);
    const without = await h.call("assignment_details", { assessment_id: SEED.assessments.upload });
    expect(without.text).not.toContain("## Attached files (text");
  });
});

describe("download size cap", () => {
  const start = harnessPerTest();
  it("a file over downloadMaxBytes is refused before its body is read, and nothing is saved", async () => {
    const h = await start({ tweak: (sb) => addFiles(sb.world), configFile: { downloadMaxBytes: 100_000 } });
    const r = await h.call("download_resource", { resource_id: "res-bomb", class_ref: "CST-323", inline: true });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^The file is \d+ KB, over the 98 KB download limit \(downloadMaxBytes\); nothing was saved\./);
    const dl = path.join(h.dir, "downloads");
    expect(existsSync(dl) ? readdirSync(dl) : []).toEqual([]);
  });
});
