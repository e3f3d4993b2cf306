/**
 * A bounded zip reader for Office files (DOCX, PPTX, XLSX are zip archives). The entry count is checked from
 * the central directory before anything is inflated, and every inflate is capped by the bytes still allowed
 * (node's own zlib `maxOutputLength`), so a zip bomb fails early whatever sizes its headers claim.
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
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

export interface ZipPart {
  name: string;
  data: Buffer;
  /** `data` is already deflated: the size and CRC of what it inflates to. */
  inflated?: { size: number; crc: number };
}

function header(sig: number, size: number, fields: Array<[offset: number, value: number, bytes: 2 | 4]>): Buffer {
  const b = Buffer.alloc(size);
  b.writeUInt32LE(sig, 0);
  for (const [at, v, n] of fields) {
    if (n === 2) b.writeUInt16LE(v, at);
    else b.writeUInt32LE(v >>> 0, at);
  }
  return b;
}

/**
 * A zip of the given parts, stored or deflated. The extractor hands mammoth a stored zip of parts it has
 * already read under its budget; the sandbox builds its Office documents with it.
 */
export function writeZip(parts: ZipPart[], deflate = false): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const packed = p.inflated ? p.data : deflate ? deflateRawSync(p.data) : p.data;
    const method = p.inflated || deflate ? 8 : 0;
    const size = p.inflated?.size ?? p.data.length;
    const crc = p.inflated?.crc ?? crc32(p.data);
    const name = Buffer.from(p.name, "utf8");
    chunks.push(header(0x04034b50, 30, [[4, 20, 2], [8, method, 2], [14, crc, 4], [18, packed.length, 4], [22, size, 4], [26, name.length, 2]]), name, packed);
    central.push(header(0x02014b50, 46, [[4, 20, 2], [6, 20, 2], [10, method, 2], [16, crc, 4], [20, packed.length, 4], [24, size, 4], [28, name.length, 2], [42, offset, 4]]), name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  return Buffer.concat([...chunks, cd, header(0x06054b50, 22, [[8, parts.length, 2], [10, parts.length, 2], [12, cd.length, 4], [16, offset, 4]])]);
}
