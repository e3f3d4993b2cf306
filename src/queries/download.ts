/**
 * download_resource's I/O: ask orchestration for a signed link, stream the bytes into the downloads folder
 * under a cap, and publish the file under a name that never overwrites an existing one.
 */
import { createWriteStream } from "node:fs";
import { link, mkdir, open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ClassContext, HaloApi } from "../halo/types.js";
import { ToolError } from "../tools/errors.js";
import { isHaloError } from "../halo/errors.js";
import { numbered } from "../shape/materials.js";

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

/** Streams into a temp file in `dir` and fails (deleting it) once more than `maxBytes` arrive. */
export async function saveStream(stream: NodeJS.ReadableStream, dir: string, name: string, maxBytes: number): Promise<Saved> {
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${randomUUID()}.part`);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(new ToolError(`The file is larger than the ${Math.round(maxBytes / 1048576)} MB download limit; nothing was saved. Download it from Halo in the browser instead.`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(stream, counter, createWriteStream(temp, { mode: 0o600 }));
    return { path: await publish(temp, dir, name), bytes };
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
