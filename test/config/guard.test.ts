/**
 * The config file's guard: a read-only or symlinked config is never replaced by a save (clear error, file and
 * link untouched), and leftover temp copies (they hold tokens) are removed at start.
 */
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isTempOf, removeStaleTemps } from "../../src/config/guard.js";
import { createConfigStore } from "../../src/config/store.js";

const dir = () => mkdtempSync(path.join(tmpdir(), "halo-guard-"));
const LOGIN = JSON.stringify({ cookie: "a=1", logLevel: "info" }, null, 2) + "\n";

describe("config guard", () => {
  it("refuses to replace a symlinked config: the link and its target stay as they were", async () => {
    const d = dir();
    const real = path.join(d, "real.json");
    writeFileSync(real, LOGIN, { mode: 0o600 });
    const link = path.join(d, "config.json");
    symlinkSync(real, link);
    const store = createConfigStore(link);
    expect(await store.read()).toMatchObject({ cookie: "a=1" }); // reading through the link is fine
    await expect(store.update({ session: { token: "t" } })).rejects.toThrow(`not saving to ${link}: it is a symbolic link, and saving would replace the link with a plain file. Point HALO_CONFIG (or --config) at the real file; the session still works until restart`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toBe(LOGIN);
  });

  it("refuses to replace a read-only config, and keeps its mode", async () => {
    const d = dir();
    const file = path.join(d, "config.json");
    writeFileSync(file, LOGIN);
    chmodSync(file, 0o400);
    const store = createConfigStore(file);
    await expect(store.update({ session: { token: "t" } })).rejects.toThrow(/^not saving to .*config\.json: it is read-only, so rotated tokens are not kept \(make it writable with chmod 600 to keep them\)/);
    expect(readFileSync(file, "utf8")).toBe(LOGIN);
    expect(lstatSync(file).mode & 0o777).toBe(0o400);
  });

  it("still saves a normal file", async () => {
    const d = dir();
    const file = path.join(d, "config.json");
    writeFileSync(file, LOGIN, { mode: 0o600 });
    const store = createConfigStore(file);
    await store.update({ session: { token: "t" } });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ cookie: "a=1", logLevel: "info", session: { token: "t" } });
  });

  it("removes stale temp copies of the config at start, not fresh ones or other files", async () => {
    const d = dir();
    const file = path.join(d, "config.json");
    writeFileSync(file, LOGIN);
    const names = ["config.json.tmp-1795692933abc123", ".config.json.4242.0123abcd.tmp", "config.json.tmp-1795692999ffffff", "other.json.tmp-1795692933abc123", "config.json.bak"];
    for (const n of names) writeFileSync(path.join(d, n), "cookie=secret");
    const old = new Date(Date.now() - 10 * 60_000);
    for (const n of names.filter((n) => n !== "config.json.tmp-1795692999ffffff")) utimesSync(path.join(d, n), old, old);
    expect(names.map((n) => isTempOf(file, n))).toEqual([true, true, true, false, false]);
    expect((await removeStaleTemps(file)).sort()).toEqual([".config.json.4242.0123abcd.tmp", "config.json.tmp-1795692933abc123"]);
    expect(readdirSync(d).sort()).toEqual(["config.json", "config.json.bak", "config.json.tmp-1795692999ffffff", "other.json.tmp-1795692933abc123"]);
    expect(existsSync(file)).toBe(true);
  });
});
