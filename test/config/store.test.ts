import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, createConfigStore, nodeWriterFs, writeFileAtomic, type WriterFs } from "../../src/config/index.js";
import { tempDir } from "../halo/helpers.js";

function fileIn(content?: string) {
  const dir = tempDir();
  const path = join(dir, "config.json");
  if (content !== undefined) writeFileSync(path, content, { mode: 0o644 });
  return { dir, path };
}

const read = (p: string) => JSON.parse(readFileSync(p, "utf8"));
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
    await expect(store.update({ session: {} })).rejects.toThrow(/not saving .* does not parse/);
    expect(readFileSync(path, "utf8")).toBe(broken);
    await expect(store.read()).rejects.toBeInstanceOf(ConfigError);
  });

  it("serializes concurrent writes; the last patch wins", async () => {
    const { path } = fileIn("{}");
    const store = createConfigStore(path);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update({ counter: i, [`k${i % 3}`]: i })));
    expect(read(path)).toEqual({ counter: 19, k0: 18, k1: 19, k2: 17 });
  });

  it("falls back to an in-place write when rename fails with EBUSY (single-file bind mount)", async () => {
    for (const code of ["EBUSY", "EXDEV", "EPERM"]) {
      const { dir, path } = fileIn('{"keep": true}');
      let inPlace = 0;
      const fs: WriterFs = {
        ...nodeWriterFs,
        rename: async () => {
          throw ebusy(code);
        },
        writeInPlace: async (p, d) => {
          inPlace++;
          return nodeWriterFs.writeInPlace(p, d);
        },
      };
      await createConfigStore(path, { fs }).update({ session: { x: 1 } });
      expect(inPlace).toBe(1);
      expect(read(path)).toEqual({ keep: true, session: { x: 1 } });
      expect(readdirSync(dir)).toEqual(["config.json"]);
    }
  });

  it("leaves the old file intact when the temp write crashes midway", async () => {
    const original = '{"authToken": "original"}';
    const { dir, path } = fileIn(original);
    const fs: WriterFs = {
      ...nodeWriterFs,
      writeNew: async (p, data, mode) => {
        writeFileSync(p, data.slice(0, 5), { mode }); // half-written, then the "crash"
        throw Object.assign(new Error("ENOSPC: no space left"), { code: "ENOSPC" });
      },
    };
    await expect(createConfigStore(path, { fs }).update({ session: { x: 1 } })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path, "utf8")).toBe(original);
    expect(readdirSync(dir)).toEqual(["config.json"]);
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
});
