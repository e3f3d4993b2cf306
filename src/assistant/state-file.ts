/**
 * Small JSON state files beside the config file (ctx.stateDir). Written atomically (temp + rename, 0600) so
 * a crash never leaves half a file; an unreadable file reads as "no state" rather than failing the tool.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../config/atomic.js";

export async function readStateText(stateDir: string, name: string): Promise<string | undefined> {
  try {
    return await readFile(path.join(stateDir, name), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

export async function writeStateText(stateDir: string, name: string, text: string): Promise<void> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(path.join(stateDir, name), text, { mode: 0o600 });
}
