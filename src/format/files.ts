/**
 * File names for what we save or show: safe on every OS, never leaving the downloads folder, numbered instead
 * of overwriting, and which files can be read inline as text.
 */
import { stripInvisible } from "./html.js";

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
