/**
 * Word documents as Markdown: mammoth maps Word's structure (headings, lists, tables) to HTML, and the
 * project's one HTML→Markdown converter does the rest. Only the archive's XML parts go to mammoth, read
 * through the bounded zip reader: images are never inflated, and mammoth's own unzip sees a small stored zip.
 */
import { ZipReader, writeZip } from "./zip.js";
import { htmlToMarkdown } from "../format/html.js";
import type { ExtractRequest, Extracted } from "./types.js";
import { ExtractFailure } from "./types.js";

export async function extractDocx(data: Buffer, req: ExtractRequest): Promise<Extracted> {
  const zip = new ZipReader(data, req.limits);
  if (!zip.has("word/document.xml")) throw new ExtractFailure("corrupt", "The file is not a Word document (it has no word/document.xml).");
  const parts = zip.names().filter((n) => /\.(xml|rels)$/i.test(n)).map((name) => ({ name, data: Buffer.from(zip.xml(name), "utf8") }));
  const mammoth = (await import("mammoth")).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: writeZip(parts) },
      // Images: alt text only (turndown keeps it); their bytes are never read.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })), ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch {
    throw new ExtractFailure("corrupt", "The Word document is damaged (its XML does not read).");
  }
  return { kind: "docx", parts: [{ n: 1, label: "", text: htmlToMarkdown(headerRows(html)) }] };
}

/**
 * Word tables have no header cells and wrap cell text in paragraphs; a GFM table needs a header row and
 * one-line cells, so the first row becomes the header and a cell's paragraphs are joined.
 */
function headerRows(html: string): string {
  return html.replace(/<table>[\s\S]*?<\/table>/g, (table) =>
    table
      .replace(/<\/p>\s*<p>/g, " ")
      .replace(/<\/?p>/g, "")
      .replace(/<tr>[\s\S]*?<\/tr>/, (row) => row.replace(/<td(\s|>)/g, "<th$1").replace(/<\/td>/g, "</th>")),
  );
}
