/** Saving the rotated session (debounced, coalesced) and noticing the student's own edits of the file, on a fake store. */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConfigObject } from "../../src/config/file.js";
import type { ConfigPatch, ConfigStore } from "../../src/config/store.js";
import { CredentialSource, Persister, type StoredSession } from "../../src/halo/session-store.js";
import { setLogSink } from "../../src/log.js";
import { redact } from "../../src/redact.js";

const lines: string[] = [];
setLogSink((l) => lines.push(l));
afterEach(() => {
  lines.length = 0;
  vi.useRealTimers();
});

function fakeStore(file: ConfigObject = {}) {
  const updates: ConfigPatch[] = [];
  const state = { file, changed: false, failRead: undefined as Error | undefined, failUpdate: undefined as Error | undefined, flushes: 0, reads: 0, stats: 0 };
  const store: ConfigStore = {
    path: "/fake/config.json",
    read: async () => {
      state.reads++;
      if (state.failRead) throw state.failRead;
      return { ...state.file };
    },
    update: async (patch) => {
      if (state.failUpdate) throw state.failUpdate;
      updates.push(patch);
    },
    hasChanged: async () => {
      state.stats++;
      return state.changed;
    },
    flush: async () => void state.flushes++,
    watch: () => () => undefined,
  };
  return { store, updates, state };
}

const snap = (n: number): StoredSession => ({ cookies: { "next-auth.session-token": `s${n}` }, authToken: `a${n}` });

describe("Persister", () => {
  it("coalesces a burst of rotations into one write of the newest snapshot, after the delay", async () => {
    vi.useFakeTimers();
    const { store, updates } = fakeStore();
    let n = 0;
    const p = new Persister(store, async () => snap(++n), 250);
    p.schedule();
    p.schedule();
    p.schedule();
    await vi.advanceTimersByTimeAsync(249);
    expect(updates).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(updates).toEqual([{ session: snap(1) }]);
    p.schedule(); // a later rotation schedules again
    await vi.advanceTimersByTimeAsync(250);
    expect(updates).toEqual([{ session: snap(1) }, { session: snap(2) }]);
  });

  it("flush writes a pending change at once and then waits for the store; nothing pending writes nothing", async () => {
    vi.useFakeTimers();
    const { store, updates, state } = fakeStore();
    const p = new Persister(store, async () => snap(7), 10_000);
    await p.flush();
    expect(updates).toEqual([]);
    expect(state.flushes).toBe(1);
    p.schedule();
    await p.flush();
    expect(updates).toEqual([{ session: snap(7) }]);
    expect(state.flushes).toBe(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(updates).toHaveLength(1); // the timer was cancelled, not left to write again
  });

  it("writes nothing without a session to keep, and only logs a failed save", async () => {
    const { store, updates, state } = fakeStore();
    const held: { value?: StoredSession } = {};
    const p = new Persister(store, async () => held.value, 1);
    p.schedule();
    await p.flush();
    expect(updates).toEqual([]);
    held.value = snap(1);
    state.failUpdate = new Error("EROFS: read-only file system");
    p.schedule();
    await expect(p.flush()).resolves.toBeUndefined();
    expect(lines.some((l) => l.includes("WARN halo: could not save the session: EROFS: read-only file system"))).toBe(true);
  });
});

describe("CredentialSource", () => {
  it("without a store: nothing to read, never changed", async () => {
    const c = new CredentialSource(undefined, { cookie: "env" });
    expect(await c.readFile()).toBeUndefined();
    expect(await c.changed()).toBe(false);
    expect(await c.reread()).toBe(false);
    expect(c.creds).toEqual({ cookie: "env" });
  });

  it("a changed credential in the file wins over the configured one; our own unchanged keys do not", async () => {
    const { store, state } = fakeStore({ cookie: "file-cookie", authToken: "file-a" });
    const c = new CredentialSource(store, { cookie: "env-cookie", authToken: "env-a", contextToken: "env-c" });
    expect(await c.readFile()).toEqual({ cookie: "file-cookie", authToken: "file-a" });
    expect(await c.changed()).toBe(false); // no stat change
    state.changed = true;
    expect(await c.changed()).toBe(false); // the file changed but not its credentials (e.g. our session write)
    state.file = { cookie: "file-cookie", authToken: "file-a", session: { cookies: {} } };
    expect(await c.reread()).toBe(false);
    expect(c.creds).toEqual({ cookie: "env-cookie", authToken: "env-a", contextToken: "env-c" });
    state.file = { cookie: "pasted-cookie-value-123456", authToken: "file-a" };
    expect(await c.changed()).toBe(true);
    expect(c.creds).toEqual({ cookie: "pasted-cookie-value-123456", authToken: "env-a", contextToken: "env-c" });
    expect(redact("x pasted-cookie-value-123456")).toBe("x [redacted]");
    expect(await c.reread()).toBe(false); // the same edit is news only once
  });

  it("the first look only records the file; concurrent checks share one stat", async () => {
    const { store, state } = fakeStore({ cookie: "a" });
    const c = new CredentialSource(store, {});
    state.changed = true;
    expect(await c.reread()).toBe(false); // nothing to compare with yet
    state.file = { cookie: "b" };
    const [x, y] = await Promise.all([c.changed(), c.changed()]);
    expect([x, y]).toEqual([true, true]);
    expect(state.stats).toBe(1);
    expect(state.reads).toBe(2);
    expect(c.creds).toEqual({ cookie: "b" });
    await c.changed();
    expect(state.stats).toBe(2); // the shared check is over: the next one stats again
  });

  it("an unreadable file is ignored (logged) and counts as no change", async () => {
    const { store, state } = fakeStore({ cookie: "a" });
    const c = new CredentialSource(store, { cookie: "a" });
    await c.readFile();
    state.failRead = new Error("config.json: not valid JSON (near line 2)");
    state.changed = true;
    expect(await c.changed()).toBe(false);
    expect(await c.readFile()).toBeUndefined();
    expect(lines.filter((l) => l.includes("WARN halo: ignoring the config file for now: config.json: not valid JSON (near line 2)"))).toHaveLength(2);
    state.failRead = undefined;
    state.file = { cookie: "fixed-by-hand" };
    expect(await c.changed()).toBe(true);
    expect(c.creds.cookie).toBe("fixed-by-hand");
  });
});
