import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, createConfigStore, nodeWriterFs, writeFileAtomic, type StoreWriter, type WriterFs } from "../../src/config/index.js";
import { setLogSink } from "../../src/log.js";
import { tempDir } from "../halo/helpers.js";

function fileIn(content?: string) {
  const dir = tempDir();
  const path = join(dir, "config.json");
  if (content !== undefined) writeFileSync(path, content, { mode: 0o644 });
  return { dir, path };
}

const read = (p: string) => JSON.parse(readFileSync(p, "utf8"));
function captureLog() {
  const lines: string[] = [];
  setLogSink((l) => lines.push(l));
  return Object.assign(lines, { stop: () => setLogSink(undefined) });
}
const ebusy = (code: string) => Object.assign(new Error(`${code}: resource busy`), { code });

describe("ConfigStore", () => {
  it("merges a patch atomically with mode 0600, keeping unknown keys, order and indentation", async () => {
    const { dir, path } = fileIn('{\n    "authToken": "a-tok",\n    "studentNote": { "keep": [1, 2] },\n    "old": 1\n}\n');
    const store = createConfigStore(path);
    await store.update({ session: { cookies: { a: "b" } }, old: undefined });
    const text = readFileSync(path, "utf8");
    expect(read(path)).toEqual({ authToken: "a-tok", studentNote: { keep: [1, 2] }, session: { cookies: { a: "b" } } });
    expect(text).toMatch(/^\{\n {4}"authToken"/); // the student's 4-space indentation stays
    expect(Object.keys(read(path))).toEqual(["authToken", "studentNote", "session"]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["config.json"]); // no temp file left behind
  });

  it("creates a missing file", async () => {
    const { path } = fileIn();
    await createConfigStore(path).update({ mcpAuthToken: "generated-token" });
    expect(read(path)).toEqual({ mcpAuthToken: "generated-token" });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("refuses to write over a file that does not parse", async () => {
    const broken = '{ "authToken": "hand-edited", oops';
    const { path } = fileIn(broken);
    const store = createConfigStore(path);
    await expect(store.update({ session: {} })).rejects.toBeInstanceOf(ConfigError);
    await expect(store.update({ session: {} })).rejects.toThrow(
      `not saving to ${path}: it does not parse (not valid JSON (near line 1); fix the file or move it away); the session still works until restart`,
    );
    expect(readFileSync(path, "utf8")).toBe(broken);
    await expect(store.read()).rejects.toBeInstanceOf(ConfigError);
  });

  it("serializes concurrent writes; the last patch wins", async () => {
    const { path } = fileIn("{}");
    const store = createConfigStore(path);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update({ counter: i, [`k${i % 3}`]: i })));
    expect(read(path)).toEqual({ counter: 19, k0: 18, k1: 19, k2: 17 });
  });

  it("falls back to an in-place write when rename fails with EBUSY (single-file bind mount), and says to mount the folder", async () => {
    for (const code of ["EBUSY", "EXDEV", "EPERM"]) {
      const { dir, path } = fileIn('{"keep": true}');
      let atomic = 0;
      let inPlace = 0;
      const writer: StoreWriter = {
        atomic: () => {
          atomic++;
          throw ebusy(code);
        },
        inPlace: async (p, d) => {
          inPlace++;
          writeFileSync(p, d);
        },
      };
      const lines = captureLog();
      const store = createConfigStore(path, { writer });
      await store.update({ session: { x: 1 } });
      await store.update({ session: { x: 2 } });
      expect([atomic, inPlace]).toEqual([1, 2]); // the rename is not retried on every save
      expect(readFileSync(path, "utf8")).toBe('{\n  "keep": true,\n  "session": {\n    "x": 2\n  }\n}\n');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir)).toEqual(["config.json"]);
      expect(lines.filter((l) => l.includes(`rename failed with ${code}`))).toHaveLength(1);
      expect(lines.join("\n")).toMatch(/Mount the folder that holds it instead/);
      lines.stop();
    }
  });

  it("leaves the old file intact when the atomic write fails for another reason, and reports it", async () => {
    const original = '{"authToken": "original"}';
    const { dir, path } = fileIn(original);
    let inPlace = 0;
    const writer: StoreWriter = {
      atomic: () => {
        throw Object.assign(new Error("ENOSPC: no space left"), { code: "ENOSPC" });
      },
      inPlace: async () => {
        inPlace++;
      },
    };
    await expect(createConfigStore(path, { writer }).update({ session: { x: 1 } })).rejects.toThrow(/ENOSPC/);
    expect(inPlace).toBe(0);
    expect(readFileSync(path, "utf8")).toBe(original);
    expect(readdirSync(dir)).toEqual(["config.json"]);
  });

  it("writeFileAtomic (state files): temp file, rename, mode; in-place when the rename is blocked", async () => {
    const { dir, path } = fileIn('{"old": true}');
    expect(await writeFileAtomic(path, "new text", { mode: 0o640 })).toBe("renamed");
    expect(readFileSync(path, "utf8")).toBe("new text");
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(await writeFileAtomic(path, "default mode")).toBe("renamed");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    for (const code of ["EBUSY", "EXDEV", "EPERM"]) {
      let inPlace = 0;
      const fs: WriterFs = {
        ...nodeWriterFs,
        rename: async () => Promise.reject(ebusy(code)),
        writeInPlace: async (p, d) => {
          inPlace++;
          return nodeWriterFs.writeInPlace(p, d);
        },
      };
      expect(await writeFileAtomic(path, `in place ${code}`, { fs })).toBe("in-place");
      expect(inPlace).toBe(1);
      expect(readFileSync(path, "utf8")).toBe(`in place ${code}`);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    expect(readdirSync(dir)).toEqual(["config.json"]); // no temp file left behind
  });

  it("writeFileAtomic leaves the old file when the temp write fails, and removes the half-written temp", async () => {
    const { dir, path } = fileIn("original");
    const fs: WriterFs = {
      ...nodeWriterFs,
      writeNew: async (p, data, mode) => {
        writeFileSync(p, data.slice(0, 3), { mode });
        throw Object.assign(new Error("ENOSPC: no space left"), { code: "ENOSPC" });
      },
    };
    await expect(writeFileAtomic(path, "replacement", { fs })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path, "utf8")).toBe("original");
    expect(readdirSync(dir)).toEqual(["config.json"]);
    const noCode: WriterFs = { ...nodeWriterFs, rename: async () => Promise.reject(new Error("odd")) };
    await expect(writeFileAtomic(path, "x", { fs: noCode })).rejects.toThrow("odd");
  });

  it("other rename failures are reported, not hidden by the in-place fallback", async () => {
    const { path } = fileIn("{}");
    const fs: WriterFs = { ...nodeWriterFs, rename: async () => Promise.reject(ebusy("ENOENT")) };
    await expect(writeFileAtomic(path, "{}", { fs })).rejects.toThrow(/ENOENT/);
  });

  it("notices hand edits but not its own writes", async () => {
    const { path } = fileIn('{"authToken": "one"}');
    const store = createConfigStore(path);
    expect(await store.hasChanged()).toBe(true); // never looked yet
    await store.read();
    expect(await store.hasChanged()).toBe(false);
    await store.update({ session: { a: 1 } });
    expect(await store.hasChanged()).toBe(false);
    writeFileSync(path, '{"authToken": "two, pasted by the student"}');
    expect(await store.hasChanged()).toBe(true);
    expect((await store.read()).authToken).toBe("two, pasted by the student");
    expect(await store.hasChanged()).toBe(false);
  });

  it("writes a new file with 2-space indentation and reports a broken file without quoting it", async () => {
    const { path } = fileIn();
    await createConfigStore(path).update({ a: { b: 1 } });
    expect(readFileSync(path, "utf8")).toBe('{\n  "a": {\n    "b": 1\n  }\n}\n');
    const secret = "next-auth.session-token=SECRET-COOKIE-VALUE";
    writeFileSync(path, `{\n  "cookie": "${secret}",\n  oops\n}`);
    const err = await createConfigStore(path).read().catch((e: unknown) => e as ConfigError);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/not valid JSON \(near line 3\)/);
    expect((err as ConfigError).message).not.toContain("SECRET");
  });

  it("reports an unreadable file as a ConfigError, and reads it once it is fixed", async () => {
    const { path } = fileIn();
    mkdirSync(path); // EISDIR: unreadable even for root
    const store = createConfigStore(path);
    await expect(store.read()).rejects.toThrow(`${path}: cannot read the config file (EISDIR)`);
    await expect(store.update({ a: 1 })).rejects.toThrow(new RegExp(`^${path}: cannot read the config file \\(EISDIR\\)$`));
    rmdirSync(path);
    writeFileSync(path, '{"fixed": true}');
    expect(await store.read()).toEqual({ fixed: true });
  });

  it("skips a save that changes nothing, starts a re-created file at two spaces, and flush waits for queued saves", async () => {
    const { path } = fileIn('{\n    "a": 1\n}\n');
    const store = createConfigStore(path);
    const ino = statSync(path).ino;
    await store.update({ a: 1 });
    expect(statSync(path).ino).toBe(ino); // not rewritten
    await store.update({ b: 2 });
    expect(readFileSync(path, "utf8")).toBe('{\n    "a": 1,\n    "b": 2\n}\n');
    rmSync(path);
    void store.update({ c: 3 });
    void store.update({ d: 4 });
    await store.flush();
    expect(readFileSync(path, "utf8")).toBe('{\n  "c": 3,\n  "d": 4\n}\n');
  });

  it("a missing file reads as {}, is not a change, and reading it creates no folder", async () => {
    const base = tempDir();
    const store = createConfigStore(join(base, "sub", "config.json"));
    expect(await store.hasChanged()).toBe(false);
    expect(await store.read()).toEqual({});
    expect(readdirSync(base)).toEqual([]);
  });
});
