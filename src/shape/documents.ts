/**
 * Document text (PDF pages, slides, sheets, a Word body) laid out for the model: a header per page, a window
 * of `max` characters from `offset`, and a closing line saying exactly how to read on.
 */
import type { Extracted } from "../extract/types.js";
import { plural } from "../format/text.js";

export interface Window {
  offset: number;
  max: number;
  /** The `pages` argument the caller gave (repeated in the continuation hint). */
  pages?: string;
  /** Where the whole file was saved. */
  path: string;
}

/** An extracted document, or a plain text file (one part, no label). */
export type DocText = Omit<Extracted, "kind"> & { kind: Extracted["kind"] | "text" };

const UNIT: Record<DocText["kind"], string> = { pdf: "page", pptx: "slide", xlsx: "sheet", docx: "", text: "" };
const WHAT: Record<DocText["kind"], string> = { pdf: "PDF", pptx: "presentation", xlsx: "workbook", docx: "Word document", text: "file" };

function fullText(x: DocText): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = "";
  for (const p of x.parts) {
    if (text) text += "\n\n";
    starts.push(text.length);
    const body = p.text || (x.kind === "pdf" ? "(no text on this page: perhaps an image)" : x.kind === "pptx" ? "(no text on this slide)" : "");
    text += p.label ? (x.kind === "xlsx" ? `## ${p.label}\n${body}` : `--- ${p.label} ---\n${body}`) : body;
  }
  return { text, starts };
}

/** The shown text and the lines around it (what was shown, how to continue). */
export function renderDocument(x: DocText, w: Window): { head: string; body: string; tail?: string } {
  const { text, starts } = fullText(x);
  const unit = UNIT[x.kind];
  const first = x.parts[0]?.n;
  const last = x.parts[x.parts.length - 1]?.n;
  const span = unit && unit !== "sheet" && first !== undefined && x.total !== undefined ? `${unit}s ${first === last ? first : `${first}–${last}`} of ${x.total}` : "";
  if (w.offset > 0 && w.offset >= text.length) {
    return { head: `offset ${w.offset} is past the end of the text (${text.length} characters${span ? `, ${span}` : ""}).`, body: "" };
  }
  let end = Math.min(text.length, w.offset + w.max);
  if (end < text.length) {
    // End at a line break near the limit so a line is not split.
    const nl = text.lastIndexOf("\n", end);
    if (nl > w.offset + w.max * 0.6) end = nl;
  }
  const body = text.slice(w.offset, end).trim();
  const more = end < text.length || x.stopped === true;
  const range = w.pages ? `pages: "${w.pages}", ` : "";
  let tail: string | undefined;
  if (more) {
    // The part holding the first unshown character: where "pages" would restart.
    let next = end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    const idx = starts.findLastIndex((s) => s <= next);
    const at = x.parts[idx];
    const cont = unit && unit !== "sheet" && at ? `, or pages: "${at.n}-" to start at ${unit} ${at.n}` : "";
    tail = `[… truncated: showed characters ${w.offset}–${end}${x.stopped ? "" : ` of ${text.length}`}. For the rest call download_resource again with ${range}offset: ${next}${cont}. The whole file is at ${w.path}.]`;
  } else if (unit && unit !== "sheet" && last !== undefined && x.total !== undefined && last < x.total) {
    tail = `[This was ${span}; pages: "${last + 1}-" reads on.]`;
  }
  const what = x.kind === "xlsx" ? `workbook (${plural(x.total ?? x.parts.length, "sheet")})` : WHAT[x.kind];
  return { head: `Text of the ${what}${span ? `, ${span}` : ""}${w.offset ? `, from character ${w.offset}` : ""}:`, body, ...(tail ? { tail } : {}) };
}
