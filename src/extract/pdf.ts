/**
 * PDF text layer, page by page, through PDF.js (unpdf's build of it for servers: no canvas, no worker of
 * its own, no native code). Reading stops once the caller has enough characters, so page 1-5 of a
 * 400-page reader costs five pages.
 */
import { ExtractFailure, type ExtractRequest, type Extracted, type Part } from "./types.js";

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
    const from = req.from ?? 1;
    const to = Math.min(req.to ?? total, total);
    if (from > total) throw new ExtractFailure("range", `The PDF has ${total} page${total === 1 ? "" : "s"}; pages start beyond it.`);
    const parts: Part[] = [];
    let chars = 0;
    let stopped = false;
    for (let n = from; n <= to; n++) {
      if (chars >= req.wantChars) {
        stopped = true;
        break;
      }
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = (content.items as TextItem[]).map((i) => (i.str ?? "") + (i.hasEOL ? "\n" : "")).join("");
      page.cleanup();
      const clean = text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
      parts.push({ n, label: `Page ${n}`, text: clean });
      chars += clean.length + 12;
    }
    // A text layer on no page read at all: a scan. Pages are read from `from`, so judge only when that was 1..all.
    if (parts.length > 0 && parts.every((p) => !p.text) && from === 1 && !stopped && to === total) {
      throw new ExtractFailure("no_text", `The PDF has ${total} page${total === 1 ? "" : "s"} but no text layer: it is probably a scanned image.`);
    }
    return { kind: "pdf", parts, total, ...(stopped ? { stopped } : {}) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
