/**
 * Small JSON state files beside the config file (ctx.stateDir). Written atomically (temp + rename, 0600) so
 * a crash never leaves half a file; an unreadable file reads as "no state" rather than failing the tool.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../config/atomic.js";
import type { HealingStore } from "../halo/healing.js";

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
  // Stryker disable next-line ObjectLiteral: 0600 is also writeFileAtomic's default; said here because state files must stay private
  await writeFileAtomic(path.join(stateDir, name), text, { mode: 0o600 });
}

/** Where documents healed after Halo rejected a field persist (src/halo/healing.ts), beside the config file. */
export function healingStateFile(stateDir: string, name = "halo-documents.json"): HealingStore {
  return {
    load: async () => {
      const text = await readStateText(stateDir, name);
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    },
    save: (documents) => writeStateText(stateDir, name, JSON.stringify({ version: 1, documents }, null, 1) + "\n"),
  };
}
