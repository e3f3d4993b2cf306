/**
 * Atomic file replacement (temp file in the same folder + fsync + rename, mode 0600).
 *
 * Own ~50 lines instead of conf or write-file-atomic because we need three things they do not give us:
 * the in-place fallback when rename fails on a single-file Docker bind mount (EBUSY/EXDEV/EPERM), injectable
 * file operations so tests can simulate that and a crash mid-write, and refusing to touch an unparseable
 * file (handled by the caller, which needs the raw text first).
 */
import { open, rename, unlink, chmod } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

export interface WriterFs {
  /** Creates `path` exclusively with `mode`, writes, fsyncs and closes it. */
  writeNew(path: string, data: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Truncates and rewrites an existing file through the same inode (what a bind mount needs). */
  writeInPlace(path: string, data: string): Promise<void>;
  unlink(path: string): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
}

export const nodeWriterFs: WriterFs = {
  async writeNew(path, data, mode) {
    const fh = await open(path, "wx", mode);
    try {
      await fh.writeFile(data, "utf8");
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
  rename: (from, to) => rename(from, to),
  async writeInPlace(path, data) {
    const fh = await open(path, "w");
    try {
      await fh.writeFile(data, "utf8");
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
  unlink: (path) => unlink(path),
  chmod: (path, mode) => chmod(path, mode),
};

const renameBlocked = new Set(["EBUSY", "EXDEV", "EPERM"]);

/** Returns how the file was written, for the log. */
export async function writeFileAtomic(path: string, data: string, opts: { mode?: number; fs?: WriterFs } = {}): Promise<"renamed" | "in-place"> {
  const fs = opts.fs ?? nodeWriterFs;
  const mode = opts.mode ?? 0o600;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeNew(tmp, data, mode);
  } catch (e) {
    // A crash or full disk while writing the temp file leaves the real file untouched.
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
  try {
    await fs.rename(tmp, path);
    return "renamed";
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    if (!renameBlocked.has((e as NodeJS.ErrnoException).code ?? "")) throw e;
  }
  // Single-file bind mount: the mount point cannot be replaced, only rewritten. Not crash-safe, but the
  // only thing that works there; mounting the folder instead avoids this path.
  await fs.writeInPlace(path, data);
  await fs.chmod(path, mode).catch(() => undefined);
  return "in-place";
}
