/**
 * course_materials (what the class offers to read, minus instructor-only groups) and the pure parts of
 * download_resource: safe file names and which files can be shown inline as text.
 */
import { plainText } from "../format/entities.js";
import type { RawClassDetail, RawResourceGroup } from "../queries/class-detail.js";
import { compact } from "../queries/common.js";
import { htmlToMarkdown, stripInvisible } from "../format/html.js";
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

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A file name that cannot leave the downloads folder or upset any OS: no separators, controls or dot-names. */
export function safeFileName(raw: string | undefined, fallback: string): string {
  let name = stripInvisible(raw ?? "")
    .split(/[/\\]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!name) name = fallback;
  if (RESERVED.test(name)) name = `_${name}`;
  if (name.length > 150) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, 150 - ext.length) + ext;
  }
  return name;
}

/** "notes.txt" → "notes (1).txt" for the n-th alternative. */
export function numbered(name: string, n: number): string {
  if (n === 0) return name;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

const TEXT_EXT = new Set(["txt", "md", "markdown", "csv", "tsv", "json", "html", "htm", "xml", "log"]);

export function textKind(name: string, contentType?: string): "html" | "text" | undefined {
  const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  const ct = (contentType ?? "").toLowerCase();
  if (ext === "html" || ext === "htm" || ct.startsWith("text/html")) return "html";
  if (TEXT_EXT.has(ext) || ct.startsWith("text/") || ct.includes("json") || ct.includes("csv")) return "text";
  return undefined;
}

/** File name from a signed URL's last path segment, when it looks like one. */
export function nameFromUrl(url: string): string | undefined {
  try {
    const seg = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
    return /\.[a-z0-9]{1,8}$/i.test(seg) ? seg : undefined;
  } catch {
    return undefined;
  }
}
