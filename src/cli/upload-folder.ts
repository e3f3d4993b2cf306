/**
 * `init`'s question: the one folder uploads may come from. Asked on a terminal (default ~/HaloUploads); a
 * folder configured already (file or HALO_UPLOAD_ROOTS) is kept. A new folder is created private (0700).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { defaultUploadRoot, homeOf, tooBroad } from "../config/upload-roots.js";
import type { CliIo } from "./io.js";
import { askLine } from "./secrets.js";

/** The folder to save, or undefined to keep the configured ones. */
export async function chooseUploadRoot(existing: Record<string, unknown>, io: CliIo): Promise<string | undefined> {
  if (existing.uploadRoots !== undefined || io.env.HALO_UPLOAD_ROOTS?.trim()) return undefined;
  const home = homeOf(io.env);
  const fallback = defaultUploadRoot(home);
  let chosen = fallback;
  if (io.stdin.isTTY && io.interactive) {
    for (;;) {
      const answer = (await askLine(io, `\nWhich folder may the assistant upload files from? Only files in it can be attached to assignments.\nPress Enter for ${fallback}, or type another folder:`)).trim();
      const dir = answer ? path.resolve(home, answer.replace(/^~(?=$|[\\/])/, home)) : fallback;
      const why = tooBroad(dir, home);
      if (!why) {
        chosen = dir;
        break;
      }
      io.err(`${dir} is too broad (${why}): the assistant could then be talked into attaching any file in it. Choose a dedicated folder.`);
    }
  }
  // mkdir's mode applies only to folders it creates: a folder the student already has keeps its permissions.
  await mkdir(chosen, { recursive: true, mode: 0o700 });
  return chosen;
}
