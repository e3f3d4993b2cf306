import { uid } from "../util.js";
import { addDays, iso } from "./dates.js";
import type { FileRec, ResourceGroupRec, ResourceRec, World } from "./types.js";

const types: Record<string, [string, string]> = {
  pdf: ["PDF", "application/pdf"],
  md: ["TEXT", "text/markdown"],
  txt: ["TEXT", "text/plain"],
  docx: ["DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  pptx: ["PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
  xlsx: ["XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
};

const GENERATED = new Set(["pdf", "docx", "pptx", "xlsx"]);

export function seededFile(name: string, text: string, kind?: FileRec["generator"]): FileRec {
  const ext = name.split(".").pop() ?? "txt";
  const contentType = types[ext]?.[1] ?? "application/octet-stream";
  const generator = kind ?? (GENERATED.has(ext) ? (ext as FileRec["generator"]) : "text");
  // size is fixed up lazily when the bytes are first generated (store.ts)
  return { contentType, size: -1, generator, text };
}

export function addResource(world: World, o: { id: string; name: string; courseClassId: string | null; createdBy: string; text?: string; instructorOnly?: boolean; context?: string; daysAgo?: number; generator?: FileRec["generator"] }): ResourceRec {
  const ext = o.name.split(".").pop() ?? "txt";
  const when = iso(addDays(world.now, -(o.daysAgo ?? 30)));
  const rec: ResourceRec = {
    id: o.id,
    name: o.name,
    kind: "FILE",
    type: types[ext]?.[0] ?? "FILE",
    description: null,
    context: o.context ?? "course_class",
    active: true,
    embedReady: ext === "pdf",
    url: null,
    createdBy: o.createdBy,
    createdDate: when,
    modifiedBy: o.createdBy,
    modifiedDate: when,
    courseClassId: o.courseClassId,
    instructorOnly: o.instructorOnly ?? false,
    file: seededFile(o.name, o.text ?? `${o.name}\n\nSeeded sandbox document.`, o.generator),
  };
  world.resources[rec.id] = rec;
  return rec;
}

export function resourceGroup(id: string, title: string, sequence: number, resourceIds: string[], instructorOnly = false): ResourceGroupRec {
  return {
    id,
    title,
    description: instructorOnly ? "Visible to instructors only." : null,
    instructorAdded: true,
    instructorOnly,
    sequence,
    resources: resourceIds.map((r) => ({ id: uid(`crg-item:${id}:${r}`), resourceId: r })),
  };
}

export function syllabusText(code: string, name: string, instructor: string): string {
  return [
    `# ${code}: ${name} — Syllabus`,
    "",
    `Instructor: ${instructor}`,
    "",
    "## Late policy",
    "Assignments submitted late lose 10% per day, up to 5 days. Discussion posts cannot be made up.",
    "",
    "## Participation",
    "Post substantively on at least 3 separate days each topic.",
    "",
    "## Grading scale",
    "A 94–100 · A- 90–93 · B+ 87–89 · B 84–86 · B- 80–83 · C+ 77–79 · C 74–76 · C- 70–73 · D 60–69 · F < 60",
  ].join("\n");
}

/** Three pages, one per phase of the class; each page names its topics so tests can find them. */
export function scheduleText(name: string): string {
  const page = (title: string, topics: number[]) => [`${name} - Course Schedule`, title, ...topics.map((t) => `Topic ${t}: readings, one discussion, one assignment. Due Sunday 11:59 PM Arizona time.`)].join("\n");
  return [page("Weeks 1-3: Foundations", [1, 2, 3]), page("Weeks 4-6: Building", [4, 5, 6]), page("Weeks 7-8: Final project", [7, 8])].join("\f");
}

export const STYLE_GUIDE = [
  "# Writing Style Guide",
  "Every paper in this class follows APA 7.",
  "## Formatting",
  "- Double-space the whole paper.",
  "- Use 12pt Times New Roman.",
  "1. Title page",
  "2. Body",
  "3. References",
  "## Late penalties",
  "| Days late | Penalty |",
  "| 1 | 10% |",
  "| 2 | 20% |",
].join("\n");

export const SLIDES = [
  "Topic 1: What is cloud computing?",
  "On-demand self-service",
  "Broad network access",
  "Notes: Start with the NIST definition and ask who has used a cloud service.",
  "---",
  "Service models",
  "| Model | You manage |",
  "| IaaS | OS and apps |",
  "| SaaS | Nothing but data |",
  "Notes: Pizza-as-a-service analogy.",
  "---",
  "Questions?",
].join("\n");

export const TRACKER = ["Sheet: Assignments", "Assignment | Points | Due", "Topic 1 DQ | 20 | 2026-11-01", "Cloud Architecture Proposal | 150 | 2026-11-29", "---", "Sheet: Notes", "Keep this sheet updated weekly"].join("\n");
