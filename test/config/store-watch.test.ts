/** The config store's file watching (slow: conf polls the file every few seconds on Linux). */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createConfigStore } from "../../src/config/index.js";
import { tempDir } from "../halo/helpers.js";

function fileIn(content?: string) {
  const dir = tempDir();
  const path = join(dir, "config.json");
  if (content !== undefined) writeFileSync(path, content, { mode: 0o644 });
  return { dir, path };
}

describe("ConfigStore.watch", () => {
  it("tells a watcher when the student edits the file", async () => {
    const { path } = fileIn('{"cookie": "old"}');
    const store = createConfigStore(path);
    let calls = 0;
    const stop = store.watch(() => calls++);
    await new Promise((r) => setTimeout(r, 200)); // conf loads and starts polling
    writeFileSync(path, '{"cookie": "pasted by the student"}');
    await vi.waitFor(() => expect(calls).toBeGreaterThan(0), { timeout: 15_000, interval: 200 });
    expect((await store.read()).cookie).toBe("pasted by the student");
    stop();
  }, 30_000);

  it("does not create a missing file just to watch it", async () => {
    const { dir, path } = fileIn();
    const stop = createConfigStore(path).watch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    stop();
    expect(readdirSync(dir)).toEqual([]);
  });
});
