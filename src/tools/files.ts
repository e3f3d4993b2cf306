/**
 * The two halves of reading a Halo file, shared by download_resource and assignment_details: fetch it into
 * the downloads folder (refusing oversize files before the body), then turn it into capped, quoted text.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import path from "node:path";
import type mimeTypes from "mime-types";
import { lazyRequire } from "../lazy.js";
import type { ToolContext } from "../queries/context.js";
import type { ClassSummary } from "../queries/class-directory.js";
import { classDetail, inClass } from "../queries/cached.js";
import { scope } from "../queries/common.js";
import { readHead, saveStream, signedUrlFor } from "../queries/download.js";
import { materialsOf } from "../shape/materials.js";
import { nameFromUrl, numbered, safeFileName, textKind } from "../format/files.js";
import { renderDocument } from "../shape/documents.js";
import { docKind, READABLE_FORMATS } from "../extract/kinds.js";
import { DEFAULT_LIMITS } from "../extract/types.js";
import { htmlToMarkdown, stripInvisible } from "../format/html.js";
import { quoted } from "../format/text.js";
import { ToolError } from "../queries/tool-error.js";

const mime = lazyRequire<typeof mimeTypes>("mime-types");

export function size(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

/** The human file name from the class's materials, if the resource is listed there. */
async function materialName(ctx: ToolContext, id: string, cls: ClassSummary | undefined): Promise<string | undefined> {
  const classes = cls ? [cls] : await ctx.classes.current();
  for (const c of classes) {
    const d = await classDetail(ctx, c).catch(() => undefined);
    const hit = d && materialsOf(d).find((m) => m.id === id);
    if (hit) return hit.name;
  }
  return undefined;
}

export interface SavedFile {
  path: string;
  bytes: number;
  contentType?: string;
  /** An identical earlier download was found; `path` is that file and no new copy was kept. */
  reused?: boolean;
}

/** "Saved 2 KB (application/pdf) to …" */
export function savedLine(saved: SavedFile): string {
  return `Saved ${size(saved.bytes)}${saved.contentType ? ` (${saved.contentType})` : ""} to ${saved.path}${saved.reused ? " (the same file was already there; no new copy)" : ""}`;
}

/** Downloads a resource into the downloads folder; `name` (e.g. an attachment title) beats guessing. */
export async function fetchToDownloads(ctx: ToolContext, id: string, cls: ClassSummary | undefined, name?: string): Promise<SavedFile> {
  const max = ctx.config.downloadMaxBytes;
  const url = cls ? await inClass(cls, () => signedUrlFor(ctx.halo, id, scope(cls))) : await signedUrlFor(ctx.halo, id);
  // The name is looked up before the transfer starts, so no Halo call runs while a body waits unread.
  let base = name ?? (await materialName(ctx, id, cls)) ?? nameFromUrl(url) ?? `resource-${id}`;
  const file = await ctx.halo.getSigned(url);
  if (file.size !== undefined && file.size > max) {
    file.stream.destroy();
    throw new ToolError(`The file is ${size(file.size)}, over the ${size(max)} download limit (downloadMaxBytes); nothing was saved. Download it from Halo in the browser.`);
  }
  const ct = file.contentType?.split(";")[0]?.trim();
  const ext = ct ? mime().extension(ct) : false;
  if (!/\.[a-z0-9]{1,8}$/i.test(base) && ext && ext !== "bin") base = `${base}.${ext}`;
  const fileName = safeFileName(base, `resource-${id}`);
  // One download per file name at a time in this server, so two copies cannot each judge the other a duplicate.
  const saved = await serial(fileName, async () => {
    const s = await saveStream(file.stream, ctx.config.downloadsDir, fileName, { maxBytes: max, signal: ctx.signal });
    const kept = await reuseIdentical(s.path, ctx.config.downloadsDir, fileName);
    return { ...s, path: kept, reused: kept !== s.path };
  });
  return { path: saved.path, bytes: saved.bytes, ...(ct ? { contentType: ct } : {}), ...(saved.reused ? { reused: true } : {}) };
}

const queues = new Map<string, Promise<unknown>>();
function serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
  queues.set(key, run);
  void run.finally(() => queues.get(key) === run && queues.delete(key)).catch(() => undefined);
  return run;
}

/**
 * Reading a long file on (offset, pages) downloads it again. When an earlier copy under the same name holds
 * exactly these bytes, the new copy is dropped and the earlier one named: no "(2)", "(3)" pile-up, and still
 * nothing overwritten.
 */
async function reuseIdentical(fresh: string, dir: string, name: string): Promise<string> {
  const size = (await stat(fresh)).size;
  let digest: string | undefined;
  for (let n = 0; n < 50; n++) {
    const candidate = path.join(dir, numbered(name, n));
    if (candidate === fresh) break;
    const st = await stat(candidate).catch(() => undefined);
    if (!st?.isFile() || st.size !== size) continue;
    digest ??= await sha256(fresh);
    if ((await sha256(candidate)) === digest) {
      await unlink(fresh);
      return candidate;
    }
  }
  return fresh;
}

async function sha256(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest("hex");
}

export interface TextWindow {
  maxChars: number;
  /** The tool call's cancellation: stops the extraction worker. */
  signal?: AbortSignal;
  offset?: number;
  pages?: string;
}

/** "3-5", "7", "12-" → a 1-based inclusive range. */
export function parsePages(pages: string | undefined): { from?: number; to?: number } {
  if (!pages) return {};
  const m = /^\s*(\d{1,6})\s*(?:(-)\s*(\d{1,6})?)?\s*$/.exec(pages);
  const from = Number(m?.[1]);
  const to = m?.[3] ? Number(m[3]) : m?.[2] ? undefined : from;
  if (!m || from < 1 || (to !== undefined && to < from)) throw new ToolError(`pages "${pages}" is not a range like "3", "3-5" or "3-" (pages count from 1).`);
  return { from, ...(to !== undefined ? { to } : {}) };
}

/**
 * The file's text as quoted lines, or a line saying why there is none. Password-protected, damaged and
 * oversized documents are tool errors that still name the saved file.
 */
export async function inlineText(saved: SavedFile, w: TextWindow, label = "file content"): Promise<string> {
  const offset = w.offset ?? 0;
  const kind = docKind(saved.path, saved.contentType);
  const paged = kind === "pdf" || kind === "pptx";
  const ignored = w.pages && !paged ? `(pages applies to PDF pages and PowerPoint slides only; this file is read from the start.)\n` : "";
  if (kind) {
    const range = paged ? parsePages(w.pages) : {};
    const { extractInWorker } = await import("../extract/run.js");
    const reply = await extractInWorker({ file: saved.path, kind, ...range, wantChars: offset + w.maxChars + 1 }, DEFAULT_LIMITS, w.signal);
    if (!reply.ok) {
      const f = reply.failure;
      if (f.code === "no_text") return `${f.message} No text can be shown; open the saved file at ${saved.path} to look at it.`;
      throw new ToolError(`Saved to ${saved.path}, but its text cannot be shown: ${f.message}${f.code === "range" ? "" : " Open the saved file instead."}`);
    }
    const doc = renderDocument(reply.value, { offset, max: w.maxChars, path: saved.path, ...(w.pages && paged ? { pages: w.pages } : {}) });
    return [ignored + doc.head, doc.body ? quoted(label, doc.body) : "", doc.tail].filter(Boolean).join("\n");
  }
  const text = textKind(saved.path, saved.contentType);
  if (!text) return `Text can be shown for ${READABLE_FORMATS}; this file is ${saved.contentType ?? "in another format"}. Open it from the path above.`;
  // Read a little more than the window so html→markdown and the truncation marker see real text.
  const head = await readHead(saved.path, (offset + w.maxChars) * 4 + 16);
  let body = stripInvisible(head.text);
  if (text === "html") body = htmlToMarkdown(body);
  const doc = renderDocument({ kind: "text", parts: [{ n: 1, label: "", text: body }], ...(head.complete ? {} : { stopped: true }) }, { offset, max: w.maxChars, path: saved.path });
  return [ignored + (offset ? doc.head : ""), doc.body ? quoted(label, doc.body) : "", doc.tail].filter(Boolean).join("\n");
}
