/** Which document formats the extractors read, judged by extension first, then content type. */
import type { DocKind } from "./types.js";

const BY_EXT: Record<string, DocKind> = { pdf: "pdf", docx: "docx", pptx: "pptx", xlsx: "xlsx" };
const BY_TYPE: Record<string, DocKind> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

export function docKind(name: string, contentType?: string): DocKind | undefined {
  const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  return BY_EXT[ext] ?? BY_TYPE[(contentType ?? "").split(";")[0]!.trim().toLowerCase()];
}

export const READABLE_FORMATS = "PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), and text (txt, md, csv, json, html)";
