/**
 * download_resource's I/O: ask orchestration for a signed link, stream the bytes into the downloads folder
 * under a cap, and publish the file under a name that never overwrites an existing one.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { link, mkdir, open, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ClassContext, HaloApi } from "../halo/types.js";
import { ToolError } from "./tool-error.js";
import { isHaloError } from "../halo/errors.js";
import { numbered } from "../format/files.js";

interface DownloadUrlReply {
  downloadUrl?: string | null;
  result?: { downloadUrl?: string | null } | null;
}

/** The link arrives at the top level or under `result`, depending on the deployment. */
export function pickDownloadUrl(reply: DownloadUrlReply | string | null | undefined): string | undefined {
  if (!reply || typeof reply === "string") return typeof reply === "string" && /^https?:\/\//.test(reply) ? reply : undefined;
  return reply.downloadUrl || reply.result?.downloadUrl || undefined;
}

export async function signedUrlFor(halo: HaloApi, resourceId: string, context?: ClassContext): Promise<string> {
  const reply = await halo.restGet<DownloadUrlReply>(`downloadUrl/${encodeURIComponent(resourceId)}`, context).catch((err: unknown) => {
    if (isHaloError(err) && err.kind === "not_found") throw new ToolError(`Halo has no file with resource_id ${resourceId}. course_materials, assignment_details, feedback and posts list the ids.`);
    throw err;
  });
  const url = pickDownloadUrl(reply);
  if (!url) throw new ToolError(`Halo gave no download link for resource ${resourceId}. Check the id (course_materials, assignment_details and feedback list them).`);
  return url;
}

export interface Saved {
  path: string;
  bytes: number;
}

/** Why a transfer broke off, in words (never the URL, which carries a signature). */
function cutReason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === "ECONNRESET" || code === "ECONNABORTED" || code === "EPIPE") return "the connection was reset";
  if (typeof code === "string" && code.startsWith("HPE_")) return "the file server sent a malformed reply (more bytes than it announced)";
  if ((err as { name?: unknown }).name === "TimeoutError") return "the file server stopped sending";
  return "the connection broke";
}

export interface SaveOptions {
  maxBytes: number;
  /** Aborts the transfer (the tool call's deadline); the temp file is removed. */
  signal?: AbortSignal;
}

/**
 * Streams into a temp file in `dir` and fails (deleting it) once more than `maxBytes` arrive. Every way the
 * source can fail (reset after the headers, a malformed reply, a stall, the deadline) becomes a ToolError.
 */
export async function saveStream(stream: NodeJS.ReadableStream, dir: string, name: string, opts: SaveOptions): Promise<Saved> {
  const { maxBytes, signal } = opts;
  // Listen at once: the source may fail while the folder is being created.
  let sourceError: unknown = (stream as { errored?: unknown }).errored ?? undefined;
  const onSourceError = (e: unknown) => (sourceError ??= e);
  stream.on("error", onSourceError);
  const temp = path.join(dir, `.${randomUUID()}.part`);
  let bytes = 0;
  let sink: WriteStream | undefined;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(new ToolError(`The file is larger than the ${Math.round(maxBytes / 1048576)} MB download limit; nothing was saved. Download it from Halo in the browser instead.`));
      else done(null, chunk);
    },
  });
  try {
    await mkdir(dir, { recursive: true });
    sink = createWriteStream(temp, { mode: 0o600 });
    await pipeline(stream, counter, sink, { signal });
    return { path: await publish(temp, dir, name), bytes };
  } catch (err) {
    // A pipeline that fails at once can settle before the sink has even opened (created) the temp file:
    // unlink only after the sink has closed, or the file appears after its removal.
    if (sink && !sink.closed) await once(sink, "close").catch(() => {});
    await unlink(temp).catch(() => {});
    if (err instanceof ToolError) throw err;
    if (signal?.aborted) throw new ToolError(`The download did not finish in time (${bytes} bytes arrived); nothing was saved. Try again, or download it from Halo in the browser.`);
    if (sourceError) throw new ToolError(`The download broke off after ${bytes} bytes (${cutReason(sourceError)}); nothing was saved. Try again in a minute.`);
    throw err;
  } finally {
    // Frees the socket on every failure path; onSourceError stays attached, so a late error is never unhandled.
    (stream as { destroy?: () => void }).destroy?.();
  }
}

/** Writes `data` as a new file named `name` in `dir`, or "name (1)" and so on: an existing file is never replaced. */
export async function writeNewFile(dir: string, name: string, data: string): Promise<string> {
  const temp = path.join(dir, `.${randomUUID()}.part`);
  await writeFile(temp, data, { mode: 0o600, flag: "wx" });
  try {
    return await publish(temp, dir, name);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw err;
  }
}

/** Hard-link then unlink: the link fails if the name exists, so nothing is ever overwritten, even in a race. */
async function publish(temp: string, dir: string, name: string): Promise<string> {
  for (let n = 0; n < 1000; n++) {
    const target = path.join(dir, numbered(name, n));
    try {
      await link(temp, target);
      await unlink(temp);
      return target;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue;
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw err;
      // File systems without hard links: check-then-rename (a tiny race window, still never a known overwrite).
      if (await exists(target)) continue;
      await rename(temp, target);
      return target;
    }
  }
  throw new ToolError(`Too many files named like "${name}" in ${dir}; tidy the folder and try again.`);
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

/** Reads at most `maxBytes` from the start of a file (for inline text). */
export async function readHead(file: string, maxBytes: number): Promise<{ text: string; complete: boolean }> {
  const fh = await open(file, "r");
  try {
    const size = (await fh.stat()).size;
    const len = Math.min(size, maxBytes);
    const buf = Buffer.alloc(len);
    await fh.read(buf, 0, len, 0);
    // A cut may split a multi-byte character; the decoder's replacement char marks it harmlessly.
    return { text: buf.toString("utf8"), complete: len === size };
  } finally {
    await fh.close();
  }
}
