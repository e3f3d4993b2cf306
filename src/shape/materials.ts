/**
 * course_materials: what the class offers to read, minus instructor-only groups. (download_resource's file
 * naming lives in src/format/files.ts.)
 */
import { plainText } from "../format/entities.js";
import type { RawClassDetail, RawResourceGroup } from "../queries/class-detail.js";
import { compact } from "../queries/common.js";
import { htmlToMarkdown } from "../format/html.js";
import { clip, plural, quoted } from "../format/text.js";

export interface MaterialItem {
  id: string;
  name: string;
  type?: string;
  group: string;
  /** The group's note, on its first item only. */
  groupNote?: string;
  section: string;
}

function itemsOf(groups: readonly RawResourceGroup[], section: string): MaterialItem[] {
  return [...groups]
    .filter((g) => !g.instructorOnly)
    .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0))
    .flatMap((g) => {
      const note = htmlToMarkdown(g.description);
      return compact(g.resources).filter((r) => r.resource?.id).map((r, i) => ({
        id: r.resource!.id,
        name: plainText(r.resource!.name) || "file",
        ...(r.resource!.type ? { type: r.resource!.type } : {}),
        group: plainText(g.title) || "Resources",
        ...(i === 0 && note ? { groupNote: note } : {}),
        section,
      }));
    });
}

/** Every student-visible material of a class, course-level first, then by unit. */
export function materialsOf(d: RawClassDetail): MaterialItem[] {
  return [...itemsOf(d.resources, "Course resources"), ...d.units.flatMap((u) => itemsOf(u.resources, plainText(u.title)))];
}

export function renderMaterials(header: string, d: RawClassDetail): string {
  const items = materialsOf(d);
  const out = [`${header} — course materials: ${plural(items.length, "file")} (the id leading each is the resource_id for download_resource)`];
  if (items.length === 0) out.push("This class lists no materials for students.");
  let section = "";
  let group = "";
  for (const it of items) {
    if (it.section !== section) {
      section = it.section;
      group = "";
      out.push("", `## ${section}`);
    }
    if (it.group !== group || it.groupNote) {
      group = it.group;
      out.push(`### ${group}`);
      if (it.groupNote) out.push(quoted("note from the instructor", clip(it.groupNote, 300, "The rest is on the class page in Halo.")));
    }
    out.push(`- ${it.id} ${it.name}${it.type ? ` (${it.type.toLowerCase()})` : ""}`);
  }
  return out.join("\n");
}
