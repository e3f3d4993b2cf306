/** Bytes for seeded resources: real PDF, DOCX, PPTX and XLSX files with known text, and hostile ones. */
import { createHash } from "node:crypto";
import { pdf, scannedPdf } from "./docs.js";
import { docx, pptx, xlsx, zipBomb } from "./docs-office.js";
import type { FileRec } from "./world/types.js";

function generate(kind: NonNullable<FileRec["generator"]>, text: string): Buffer {
  switch (kind) {
    case "pdf":
      return pdf(text);
    case "pdf-encrypted":
      return pdf(text, { encrypt: true });
    case "pdf-scanned":
      return scannedPdf();
    case "docx":
      return docx(text);
    case "pptx":
      return pptx(text);
    case "xlsx":
      return xlsx(text);
    case "zip-bomb":
      return zipBomb();
    case "corrupt":
      // Starts like a PDF and a zip would, then nothing that parses.
      return Buffer.from(`%PDF-1.7\nPK\u0003\u0004${"garbage ".repeat(64)}`, "latin1");
    case "text":
      return Buffer.from(text, "utf8");
  }
}

/** Bytes of a file, generating seeded content on first use (and fixing up its size/hash). */
export function fileBytes(f: FileRec): Uint8Array | null {
  if (!f.bytes && f.generator) {
    const text = f.text ?? "";
    f.bytes = new Uint8Array(generate(f.generator, text));
    f.size = f.bytes.length;
    f.sha256 = createHash("sha256").update(f.bytes).digest("hex");
  }
  return f.bytes ?? null;
}
