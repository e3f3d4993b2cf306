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
    // conf loads in the background and takes its first look at the file then: an edit made before that look is not a
    // change to it. Under load that can take long, so the student "saves again" until the watcher has seen one.
    let saves = 0;
    await vi.waitFor(
      () => {
        if (calls === 0) writeFileSync(path, JSON.stringify({ cookie: "pasted by the student", save: ++saves }));
        expect(calls).toBeGreaterThan(0);
      },
      { timeout: 25_000, interval: 500 },
    );
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
