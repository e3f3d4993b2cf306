/**
 * A bounded zip reader for Office files (DOCX, PPTX, XLSX are zip archives). The entry count is checked from
 * the central directory before anything is inflated, and every inflate is capped by the bytes still allowed
 * (node's own zlib `maxOutputLength`), so a zip bomb fails early whatever sizes its headers claim.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { ExtractFailure } from "./types.js";

interface Entry {
  method: number;
  flags: number;
  compressed: number;
  local: number;
}

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private budget: number;

  constructor(private readonly buf: Buffer, limits: { zipEntries: number; zipBytes: number }) {
    this.budget = limits.zipBytes;
    const eocd = findEnd(buf);
    const count = buf.readUInt16LE(eocd + 10);
    const cdSize = buf.readUInt32LE(eocd + 12);
    let p = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || p === 0xffffffff) throw new ExtractFailure("too_big", "The archive is in ZIP64 form (over 65,535 entries or 4 GB), far beyond any course document.");
    if (count > limits.zipEntries) throw new ExtractFailure("too_big", `The archive has ${count} entries, over the ${limits.zipEntries} this server reads (a zip bomb guard).`);
    if (p + cdSize > buf.length) throw corrupt();
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt();
      const nameLen = buf.readUInt16LE(p + 28);
      const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
      this.entries.set(name, { flags: buf.readUInt16LE(p + 8), method: buf.readUInt16LE(p + 10), compressed: buf.readUInt32LE(p + 20), local: buf.readUInt32LE(p + 42) });
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes; every byte inflated counts against the archive's budget. */
  bytes(name: string): Buffer {
    const e = this.entries.get(name);
    if (!e) throw new ExtractFailure("corrupt", `The file is missing its part "${name}"; it may be damaged or not really an Office document.`);
    if (e.flags & 1) throw new ExtractFailure("encrypted", "The document is password-protected.");
    const at = e.local;
    if (at + 30 > this.buf.length || this.buf.readUInt32LE(at) !== 0x04034b50) throw corrupt();
    const start = at + 30 + this.buf.readUInt16LE(at + 26) + this.buf.readUInt16LE(at + 28);
    const data = this.buf.subarray(start, start + e.compressed);
    let out: Buffer;
    if (e.method === 0) {
      if (data.length > this.budget) throw bomb();
      out = data;
    } else if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, this.budget) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw bomb();
        throw corrupt();
      }
    } else {
      throw new ExtractFailure("corrupt", `The archive uses compression method ${e.method}, which Office files do not.`);
    }
    this.budget -= out.length;
    return out;
  }

  /** An XML part as text. A DOCTYPE never appears in Office XML, and refusing it rules out entity expansion. */
  xml(name: string): string {
    const text = this.bytes(name).toString("utf8");
    if (/<!DOCTYPE/i.test(text.slice(0, 4096))) throw new ExtractFailure("corrupt", `The part "${name}" declares a DOCTYPE, which Office files never do; refusing to read it.`);
    return text;
  }
}

const bomb = () => new ExtractFailure("too_big", "The archive inflates to more than this server reads (a zip bomb guard). Open the saved file instead.");
const corrupt = () => new ExtractFailure("corrupt", "The file is damaged or not a real Office document (its zip structure does not read).");

function findEnd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw corrupt();
}

/** An uncompressed zip of the given parts (hands already-bounded parts to a library that wants a zip). */
export function storedZip(parts: Array<[string, Buffer]>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBuf = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(data.length, 20);
    cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(nameBuf.length, 28);
    cen.writeUInt32LE(offset, 42);
    chunks.push(local, nameBuf, data);
    central.push(cen, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}
