import { describe, expect, it } from "vitest";
import { materialsOf, renderMaterials } from "../../src/shape/materials.js";
import { nameFromUrl, numbered, safeFileName, textKind } from "../../src/format/files.js";
import { pickDownloadUrl } from "../../src/queries/download.js";
import { matchTitle, pickByTitle } from "../../src/queries/match.js";
import type { RawClassDetail } from "../../src/queries/class-detail.js";

const detail = {
  id: "c", slugId: "S", units: [{ id: "u1", title: "Topic 1", assessments: [], resources: [{ id: "g2", title: "Readings", resources: [{ resource: { id: "r3", name: "Notes.pdf", type: "PDF" } }] }] }],
  instructors: [], holidays: [], participationPolicy: null, gradeScale: [],
  resources: [
    { id: "g1", title: "Syllabus", description: "<p>Read first</p>", sequence: 1, resources: [{ resource: { id: "r1", name: "Syllabus.md", type: "TEXT" } }] },
    { id: "g0", title: "Answer keys", instructorOnly: true, resources: [{ resource: { id: "r2", name: "Key.pdf" } }] },
  ],
} as RawClassDetail;

describe("materials and downloads", () => {
  it("lists course then unit materials and hides instructor-only groups", () => {
    expect(materialsOf(detail).map((m) => m.id)).toEqual(["r1", "r3"]);
    const text = renderMaterials("X", detail);
    expect(text).toContain("2 files");
    expect(text).toContain("- r1 Syllabus.md (text)");
    expect(text).toContain("> Read first");
    expect(text).not.toContain("Key.pdf");
  });

  it("makes file names safe: no traversal, separators, control characters or reserved names", () => {
    expect(safeFileName("../../etc/passwd", "f")).toBe("passwd");
    expect(safeFileName("..\\..\\win.ini", "f")).toBe("win.ini");
    expect(safeFileName("a\u0000b<c>:d.txt", "f")).toBe("a_b_c__d.txt");
    expect(safeFileName("...", "fallback")).toBe("fallback");
    expect(safeFileName("CON.txt", "f")).toBe("_CON.txt");
    expect(safeFileName(`${"x".repeat(300)}.pdf`, "f")).toMatch(/^x{146}\.pdf$/);
  });

  it("numbers alternatives before the extension", () => {
    expect(numbered("notes.txt", 0)).toBe("notes.txt");
    expect(numbered("notes.txt", 2)).toBe("notes (2).txt");
    expect(numbered("README", 1)).toBe("README (1)");
  });

  it("knows text-like files", () => {
    expect(textKind("a.md")).toBe("text");
    expect(textKind("a.HTML")).toBe("html");
    expect(textKind("blob", "application/json")).toBe("text");
    expect(textKind("a.pdf", "application/pdf")).toBeUndefined();
  });

  it("reads the download link at the top level or under result", () => {
    expect(pickDownloadUrl({ downloadUrl: "https://s/1" })).toBe("https://s/1");
    expect(pickDownloadUrl({ result: { downloadUrl: "https://s/2" } })).toBe("https://s/2");
    expect(pickDownloadUrl({})).toBeUndefined();
    expect(nameFromUrl("https://store/x/My%20File.pdf?sig=1")).toBe("My File.pdf");
    expect(nameFromUrl("https://store/x/abc")).toBeUndefined();
  });

  it("matches titles fuzzily and refuses to guess on a tie", () => {
    const items = [{ id: "1", title: "Topic 2 DQ 1" }, { id: "2", title: "Topic 2 DQ 2" }, { id: "3", title: "Cloud Architecture Proposal" }];
    expect(matchTitle(items, "architecture proposal").match?.id).toBe("3");
    expect(matchTitle(items, "topic 2 dq 2").match?.id).toBe("2");
    expect(() => pickByTitle(items, "topic 2", (i) => i.title, "here")).toThrow(/matches several.*Topic 2 DQ 1; Topic 2 DQ 2/);
    expect(() => pickByTitle(items, "zebra", (i) => i.title, "here")).toThrow(/Nothing here matches "zebra"/);
  });
});

describe("renderMaterials, exactly", () => {
  it("groups by section then group in sequence order; the group note once, on its first file; unnamed files and groups", () => {
    const d = {
      ...detail,
      resources: [
        { id: "g2", title: "", sequence: 2, resources: [{ resource: { id: "r5", name: null } }, null, { resource: null }] },
        { id: "g1", title: "Syllabus &amp; Policies", description: `<p>${"Read first. ".repeat(30)}</p>`, sequence: 1, resources: [{ resource: { id: "r1", name: "Syllabus.md", type: "TEXT" } }, { resource: { id: "r4", name: "Policy.pdf", type: "PDF" } }] },
        { id: "g3", title: "Empty", resources: null },
      ],
      units: [
        { id: "u1", title: "Topic 1", assessments: [], resources: [{ id: "g4", title: "Readings", resources: [{ resource: { id: "r3", name: "Notes.pdf", type: "PDF" } }] }] },
        { id: "u2", title: "Topic 2", assessments: [], resources: [{ id: "g5", title: "Readings", description: "<p>Short</p>", resources: [{ resource: { id: "r6", name: "B.pdf" } }] }] },
      ],
    } as RawClassDetail;
    expect(materialsOf(d)[2]).toEqual({ id: "r5", name: "file", group: "Resources", section: "Course resources" });
    expect(renderMaterials("CST-1", d)).toBe([
      "CST-1 — course materials: 5 files (the id leading each is the resource_id for download_resource)",
      "",
      "## Course resources",
      "### Syllabus & Policies",
      "Note from the instructor:",
      `> ${"Read first. ".repeat(25).trim()}`,
      "> [… truncated: showed 299 of 359 characters. The rest is on the class page in Halo.]",
      "- r1 Syllabus.md (text)",
      "- r4 Policy.pdf (pdf)",
      "### Resources",
      "- r5 file",
      "",
      "## Topic 1",
      "### Readings",
      "- r3 Notes.pdf (pdf)",
      "",
      "## Topic 2",
      "### Readings",
      "Note from the instructor:",
      "> Short",
      "- r6 B.pdf",
    ].join("\n"));
  });

  it("says when a class lists nothing for students", () => {
    expect(renderMaterials("X", { ...detail, resources: [], units: [] } as RawClassDetail)).toBe("X — course materials: 0 files (the id leading each is the resource_id for download_resource)\nThis class lists no materials for students.");
  });
});
