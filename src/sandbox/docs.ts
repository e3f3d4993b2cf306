/**
 * Real document bytes for seeded resources, generated from a small line markup so tests know the text:
 * PDF pages split by a form feed, a scanned (image-only) PDF, an encrypted PDF, and the zip writer the
 * Office documents (docs-office.ts) are built with.
 */
import { deflateRawSync } from "node:zlib";
import { writeZip } from "../extract/zip.js";

const ascii = (s: string) => s.replace(/[\\()]/g, (m) => `\\${m}`).replace(/[^\x20-\x7e]/g, "?");

function pdfFile(objs: Array<string | Buffer>, trailerExtra = ""): Buffer {
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let len = chunks[0]!.length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(len);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof o === "string" ? Buffer.from(o, "latin1") : o, Buffer.from("\nendobj\n")]);
    chunks.push(b);
    len += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${len}\n%%EOF\n`, "latin1"));
  return Buffer.concat(chunks);
}

const stream = (dict: string, body: Buffer | string) => {
  const b = typeof body === "string" ? Buffer.from(body, "latin1") : body;
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${b.length} >>\nstream\n`, "latin1"), b, Buffer.from("\nendstream", "latin1")]);
};

/** Pages of text (Helvetica, 46 lines a page; longer pages flow on). Objects: 1 catalog, 2 pages, 3 font. */
export function pdf(text: string, opts: { encrypt?: boolean } = {}): Buffer {
  const pages: string[][] = [];
  for (const page of text.split("\f")) {
    const lines = page.split("\n");
    for (let i = 0; i === 0 || i < lines.length; i += 46) pages.push(lines.slice(i, i + 46));
  }
  const objs: Array<string | Buffer> = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"];
  const kids: string[] = [];
  for (const lines of pages) {
    const content = `BT /F1 11 Tf 72 740 Td 14 TL ${lines.map((l) => `(${ascii(l)}) '`).join(" ")} ET`;
    objs.push(stream("", content));
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objs.length} 0 R >>`);
    kids.push(`${objs.length} 0 R`);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${kids.length} >>`;
  if (!opts.encrypt) return pdfFile(objs);
  // Standard security handler with a user password: PDF.js cannot open it without one. (Content streams are
  // not really encrypted; the reader refuses at the password check, before reading any page.)
  objs.push(`<< /Filter /Standard /V 1 /R 2 /O <${"7a".repeat(32)}> /U <${"3c".repeat(32)}> /P -44 >>`);
  return pdfFile(objs, `/Encrypt ${objs.length} 0 R /ID [<${"0123456789abcdef".repeat(2)}> <${"0123456789abcdef".repeat(2)}>] `);
}

/** One page holding only a grey 64×64 image: what a scanner produces, no text layer. */
export function scannedPdf(): Buffer {
  const pixels = deflateRawSync(Buffer.alloc(64 * 64, 0x80));
  const zlibWrapped = Buffer.concat([Buffer.from([0x78, 0x9c]), pixels, Buffer.alloc(4)]);
  zlibWrapped.writeUInt32BE(adler32(Buffer.alloc(64 * 64, 0x80)), zlibWrapped.length - 4);
  return pdfFile([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    stream("/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", zlibWrapped),
    stream("", "q 480 0 0 640 66 76 cm /Im1 Do Q"),
  ]);
}

function adler32(b: Buffer): number {
  let a = 1;
  let c = 0;
  for (const x of b) {
    a = (a + x) % 65521;
    c = (c + a) % 65521;
  }
  return ((c << 16) | a) >>> 0;
}

/** A deflated zip (Office files are deflated zips), written by the app's own zip writer. */
export function zip(entries: Array<[string, Buffer | string]>): Buffer {
  return writeZip(entries.map(([name, content]) => ({ name, data: typeof content === "string" ? Buffer.from(content, "utf8") : content })), true);
}
