/**
 * The config file as a store for what we learn at run time (rotated session cookies and tokens, the
 * generated MCP token), kept by `conf`. Writes merge into the current file, keep unknown keys, and never
 * clobber a file the student broke by hand. Writes are serialized: one in flight, later patches merged in
 * order (last wins). conf's file watching tells the session when the student pastes a new login.
 */
import { existsSync } from "node:fs";
import { chmod, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type Conf from "conf";
import { log } from "../log.js";
import { ConfigError } from "./errors.js";
import { detectIndent, parseConfigText, type ConfigObject } from "./file.js";
import { nodeWriterFs } from "./atomic.js";
import { assertReplaceable } from "./guard.js";

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
  /**
   * Calls `onChange` when the file changes on disk (conf's watcher polls, so within a few seconds). Only an
   * existing file is watched. Returns the unsubscribe function; the watcher stops with the last subscriber.
   */
  watch(onChange: () => void): () => void;
}

/** How a save reaches the disk; tests replace `atomic` to act like a single-file bind mount. */
export interface StoreWriter {
  /** conf's own atomic write (temp file + rename). */
  atomic(conf: Conf<ConfigObject>, value: ConfigObject): void;
  /** The fallback when rename cannot replace the file. */
  inPlace(path: string, data: string): Promise<void>;
}

const confWriter: StoreWriter = {
  atomic: (conf, value) => {
    conf.store = value;
  },
  inPlace: (p, data) => nodeWriterFs.writeInPlace(p, data),
};

const RENAME_BLOCKED = new Set(["EBUSY", "EXDEV", "EPERM"]);
const MODE = 0o600;

interface Waiter {
  patch: ConfigPatch;
  resolve: () => void;
  reject: (e: unknown) => void;
}

type Signature = string | undefined;

export function createConfigStore(file: string, opts: { writer?: StoreWriter } = {}): ConfigStore {
  const writer = opts.writer ?? confWriter;
  let queue: Waiter[] = [];
  let running: Promise<void> | undefined;
  let seen: Signature | null = null; // null = never looked
  let indent: string | number = 2;
  let inPlace = false; // rename failed once: a single-file mount, do not retry conf's rename on every save
  let conf: Promise<Conf<ConfigObject>> | undefined;
  const listeners = new Set<() => void>();
  let watching: Conf<ConfigObject> | undefined;

  /**
   * conf reads the file in its constructor; a broken file must not stop us from opening it (we report it
   * on read instead), so parse errors are swallowed while constructing. Every later parse error is a
   * ConfigError naming a line, never the text (which holds tokens).
   */
  const open = (watch = false): Promise<Conf<ConfigObject>> => {
    const make = async () => {
      const { default: ConfClass } = await import("conf");
      let constructing = true;
      const ext = path.extname(file);
      const c = new ConfClass<ConfigObject>({
        cwd: path.dirname(file),
        configName: path.basename(file, ext),
        fileExtension: ext.replace(/^\./, ""),
        configFileMode: MODE,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
        watch,
        serialize: (value) => JSON.stringify(value, null, indent) + "\n",
        deserialize: (text) => {
          try {
            return parseConfigText(text, file);
          } catch (e) {
            if (constructing) return {};
            throw e;
          }
        },
      });
      constructing = false;
      return c;
    };
    return make();
  };
  /** An unreadable file (EACCES) makes conf's constructor throw: report it as a ConfigError and try again next time. */
  const cannotRead = (e: unknown) => new ConfigError(`${file}: cannot read the config file (${(e as NodeJS.ErrnoException).code ?? "error"})`, { source: file });
  const getConf = () =>
    (conf ??= open().catch((e: unknown) => {
      conf = undefined;
      throw e instanceof ConfigError ? e : cannotRead(e);
    }));

  async function signature(): Promise<Signature> {
    try {
      const s = await stat(file);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return undefined;
    }
  }

  async function readObject(): Promise<ConfigObject | undefined> {
    if (!existsSync(file)) return undefined;
    const c = await getConf();
    try {
      return { ...c.store };
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw cannotRead(e);
    }
  }

  async function rememberIndent(): Promise<void> {
    try {
      indent = detectIndent(await readFile(file, "utf8"));
    } catch {
      indent = 2;
    }
  }

  async function save(next: ConfigObject): Promise<void> {
    await assertReplaceable(file);
    const c = await getConf();
    if (!inPlace) {
      try {
        writer.atomic(c, next);
        return;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? "";
        if (!RENAME_BLOCKED.has(code)) throw e;
        inPlace = true;
        log.warn(
          `config: ${file} cannot be replaced (rename failed with ${code}), as with a single-file Docker bind mount; ` +
            `saving in place instead, which a crash mid-write can corrupt. Mount the folder that holds it instead (e.g. ./config:/config).`,
        );
      }
    }
    await writer.inPlace(file, JSON.stringify(next, null, indent) + "\n");
    await chmod(file, MODE).catch(() => undefined);
  }

  async function writeBatch(patches: ConfigPatch[]): Promise<void> {
    let current: ConfigObject | undefined;
    try {
      current = await readObject();
    } catch (e) {
      if (!(e instanceof ConfigError) || e.message.includes("cannot read")) throw e;
      throw new ConfigError(`not saving to ${file}: it does not parse (${e.message.replace(`${file}: `, "")}); the session still works until restart`, { source: file });
    }
    await rememberIndent();
    const next: ConfigObject = { ...(current ?? {}) };
    for (const patch of patches) {
      for (const [k, val] of Object.entries(patch)) {
        if (val === undefined) delete next[k];
        else next[k] = val;
      }
    }
    if (current !== undefined && JSON.stringify(next) === JSON.stringify(current)) return;
    await save(next);
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

  const notify = () => listeners.forEach((l) => l());

  function startWatching(): void {
    if (watching || !existsSync(file)) return;
    void open(true)
      .then((c) => {
        if (listeners.size === 0) return c._closeWatcher();
        watching = c;
        c.events.addEventListener("change", notify);
      })
      .catch((e: unknown) => log.warn(`config: cannot watch ${file}: ${e instanceof Error ? e.message : String(e)}`));
  }

  function stopWatching(): void {
    watching?.events.removeEventListener("change", notify);
    watching?._closeWatcher();
    watching = undefined;
  }

  return {
    path: file,
    async read() {
      // Marked as seen before parsing: a broken file is reported once, not on every call, until it changes again.
      seen = await signature();
      return (await readObject()) ?? {};
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
    watch(onChange) {
      listeners.add(onChange);
      startWatching();
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0) stopWatching();
      };
    },
  };
}
