/**
 * The config file as a store for what we learn at run time (rotated session cookies and tokens, the
 * generated MCP token). Writes merge into the current file, keep unknown keys, and never clobber a file the
 * student broke by hand. Writes are serialized: one in flight, later patches merged in order (last wins).
 */
import { readFile, stat } from "node:fs/promises";
import { log } from "../log.js";
import { writeFileAtomic, type WriterFs } from "./atomic.js";
import { ConfigError } from "./errors.js";
import { detectIndent, parseConfigText, type ConfigObject } from "./file.js";

/** Top-level keys to set; `undefined` removes a key. */
export type ConfigPatch = Record<string, unknown>;

export interface ConfigStore {
  readonly path: string;
  /** The parsed file ({} when missing). Throws ConfigError when it does not parse. */
  read(): Promise<ConfigObject>;
  /** Merges the patch into the file on disk atomically (mode 0600). Rejects, writing nothing, if the file does not parse. */
  update(patch: ConfigPatch): Promise<void>;
  /** Cheap stat: has someone else changed the file since we last read or wrote it? */
  hasChanged(): Promise<boolean>;
  /** Resolves when every queued write has finished. */
  flush(): Promise<void>;
}

interface Waiter {
  patch: ConfigPatch;
  resolve: () => void;
  reject: (e: unknown) => void;
}

type Signature = string | undefined;

export function createConfigStore(path: string, opts: { fs?: WriterFs } = {}): ConfigStore {
  let queue: Waiter[] = [];
  let running: Promise<void> | undefined;
  let seen: Signature | null = null; // null = never looked

  async function signature(): Promise<Signature> {
    try {
      const s = await stat(path);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return undefined;
    }
  }

  async function readText(): Promise<string | undefined> {
    try {
      return await readFile(path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new ConfigError(`${path}: cannot read the config file (${(e as NodeJS.ErrnoException).code ?? "error"})`, { source: path });
    }
  }

  async function writeBatch(patches: ConfigPatch[]): Promise<void> {
    const text = await readText();
    let current: ConfigObject;
    try {
      current = text === undefined ? {} : parseConfigText(text, path);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new ConfigError(`not saving to ${path}: it does not parse (${why.replace(`${path}: `, "")}); the session still works until restart`, { source: path });
    }
    const next: ConfigObject = { ...current };
    for (const patch of patches) {
      for (const [k, val] of Object.entries(patch)) {
        if (val === undefined) delete next[k];
        else next[k] = val;
      }
    }
    const out = JSON.stringify(next, null, text === undefined ? 2 : detectIndent(text)) + "\n";
    if (out === text) return;
    const how = await writeFileAtomic(path, out, { mode: 0o600, fs: opts.fs });
    if (how === "in-place") log.debug(`config: ${path} rewritten in place (rename not possible, e.g. a single-file bind mount)`);
    seen = await signature();
  }

  function kick(): void {
    if (running || queue.length === 0) return;
    const batch = queue;
    queue = [];
    running = writeBatch(batch.map((w) => w.patch))
      .then(
        () => batch.forEach((w) => w.resolve()),
        (e) => batch.forEach((w) => w.reject(e)),
      )
      .finally(() => {
        running = undefined;
        kick();
      });
  }

  return {
    path,
    async read() {
      // Marked as seen before parsing: a broken file is reported once, not on every call, until it changes again.
      seen = await signature();
      const text = await readText();
      return text === undefined ? {} : parseConfigText(text, path);
    },
    update(patch) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ patch, resolve, reject });
        kick();
      });
    },
    async hasChanged() {
      if (running) return false; // our own write in progress
      const now = await signature();
      return seen === null ? now !== undefined : now !== seen;
    },
    async flush() {
      while (running || queue.length) await (running ?? Promise.resolve()).catch(() => undefined);
    },
  };
}
