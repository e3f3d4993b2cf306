/**
 * PDF text layer, page by page, through PDF.js (unpdf's build of it for servers: no canvas, no worker of
 * its own, no native code). Reading stops once the caller has enough characters, so page 1-5 of a
 * 400-page reader costs five pages.
 */
import { ExtractFailure, readRange, type ExtractRequest, type Extracted } from "./types.js";

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

export async function extractPdf(data: Uint8Array, req: ExtractRequest): Promise<Extracted> {
  const { getDocumentProxy } = await import("unpdf");
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // verbosity 0: PDF.js warns through console.log, and stdout is the protocol channel.
    doc = await getDocumentProxy(data, { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === "PasswordException") throw new ExtractFailure("encrypted", "The PDF is password-protected, so its text cannot be read here.");
    throw new ExtractFailure("corrupt", "The PDF is damaged or not really a PDF (it does not parse).");
  }
  try {
    const total = doc.numPages;
    const read = await readRange(req, total, "page", async (n) => {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = (content.items as TextItem[]).map((i) => (i.str ?? "") + (i.hasEOL ? "\n" : "")).join("");
      page.cleanup();
      return { n, label: `Page ${n}`, text: text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim() };
    });
    // No text on any page: a scan. Judge only when the whole file was read.
    if (read.parts.length === total && read.parts.every((p) => !p.text)) {
      throw new ExtractFailure("no_text", `The PDF has ${total} page${total === 1 ? "" : "s"} but no text layer: it is probably a scanned image.`);
    }
    return { kind: "pdf", ...read };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
