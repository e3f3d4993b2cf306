/**
 * Two checks around the config file that hold whichever writer saves it (kept apart from store.ts so the
 * store can change underneath): leftover temp copies, which hold tokens, are removed at start; and a save
 * never replaces a file the student made read-only or a symbolic link (an atomic rename would silently swap
 * either for a plain, writable file).
 */
import { access, constants, lstat, readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "./errors.js";

/** Older than this, a temp file is not another process's write in flight. */
const STALE_MS = 60_000;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** conf's writer (`<name>.tmp-<10 digits><6 hex>`) and ours (`.<name>.<pid>.<hex>.tmp`). */
export function isTempOf(configFile: string, candidate: string): boolean {
  const name = escape(path.basename(configFile));
  return new RegExp(`^(?:${name}\\.tmp-\\d{10}[0-9a-f]{6}|\\.${name}\\.\\d+\\.[0-9a-f]{8}\\.tmp)$`).test(candidate);
}

/** Removes stale temp copies of the config file; returns the names removed. Never throws. */
export async function removeStaleTemps(configFile: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(configFile);
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const n of names.filter((x) => isTempOf(configFile, x))) {
    const p = path.join(dir, n);
    const st = await lstat(p).catch(() => undefined);
    if (!st?.isFile() || now - st.mtimeMs < STALE_MS) continue;
    if (await unlink(p).then(() => true, () => false)) removed.push(n);
  }
  return removed;
}

/** Throws a ConfigError, naming what to do, when saving to `file` would replace a link or a read-only file. */
export async function assertReplaceable(file: string): Promise<void> {
  const st = await lstat(file).catch(() => undefined);
  if (!st) return;
  if (st.isSymbolicLink()) {
    const target = await stat(file).then(() => "", () => " (and it points nowhere)");
    throw new ConfigError(`not saving to ${file}: it is a symbolic link${target}, and saving would replace the link with a plain file. Point HALO_CONFIG (or --config) at the real file; the session still works until restart`, { source: file });
  }
  const writable = (st.mode & 0o200) !== 0 && (await access(file, constants.W_OK).then(() => true, () => false));
  if (!writable) throw new ConfigError(`not saving to ${file}: it is read-only, so rotated tokens are not kept (make it writable with chmod 600 to keep them); the session still works until restart`, { source: file });
}
