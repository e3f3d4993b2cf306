import { uid } from "../util.js";
import { addDays, iso } from "./dates.js";
import type { FileRec, ResourceGroupRec, ResourceRec, World } from "./types.js";

const types: Record<string, [string, string]> = {
  pdf: ["PDF", "application/pdf"],
  md: ["TEXT", "text/markdown"],
  txt: ["TEXT", "text/plain"],
  docx: ["DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
};

export function seededFile(name: string, text: string): FileRec {
  const ext = name.split(".").pop() ?? "txt";
  const contentType = types[ext]?.[1] ?? "application/octet-stream";
  const generator = ext === "pdf" ? "pdf" : ext === "docx" ? "docx" : "text";
  // size is fixed up lazily when the bytes are first generated (store.ts)
  return { contentType, size: -1, generator, text };
}

export function addResource(world: World, o: { id: string; name: string; courseClassId: string | null; createdBy: string; text?: string; instructorOnly?: boolean; context?: string; daysAgo?: number }): ResourceRec {
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
    file: seededFile(o.name, o.text ?? `${o.name}\n\nSeeded sandbox document.`),
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
