/** The system-browser search for `login`, per platform, on fake file systems; and the `browser` setting. */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { browserCandidates, findBrowser, type FindDeps } from "../../src/cli/find-browser.js";
import { parseCli } from "../../src/cli/main.js";
import { resolveConfig } from "../../src/config/index.js";
import { tempDir } from "../halo/helpers.js";

const deps = (platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): FindDeps => ({ platform, env, cwd: "/home/s", exists: (f) => files.includes(f) });

describe("findBrowser", () => {
  it("Windows: Chrome before Edge, in Program Files or the user's AppData", () => {
    const env = { PROGRAMFILES: "C:\\Program Files", "PROGRAMFILES(X86)": "C:\\Program Files (x86)", LOCALAPPDATA: "C:\\Users\\s\\AppData\\Local" };
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    const userChrome = "C:\\Users\\s\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
    expect(findBrowser(undefined, deps("win32", [edge], env))).toEqual({ ok: true, path: edge });
    expect(findBrowser(undefined, deps("win32", [edge, userChrome], env))).toEqual({ ok: true, path: userChrome });
  });

  it("macOS: the app bundles in /Applications or ~/Applications", () => {
    const edge = "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
    const chromium = "/Users/s/Applications/Chromium.app/Contents/MacOS/Chromium";
    expect(findBrowser(undefined, deps("darwin", [chromium, edge], { HOME: "/Users/s" }))).toEqual({ ok: true, path: edge });
    expect(findBrowser(undefined, deps("darwin", [chromium], { HOME: "/Users/s" }))).toEqual({ ok: true, path: chromium });
  });

  it("Linux: the usual commands on PATH, then fixed install folders", () => {
    const env = { PATH: "/usr/local/bin:/usr/bin" };
    expect(findBrowser(undefined, deps("linux", ["/usr/bin/chromium", "/usr/bin/google-chrome"], env))).toEqual({ ok: true, path: "/usr/bin/google-chrome" });
    expect(findBrowser(undefined, deps("linux", ["/opt/microsoft/msedge/msedge"], env))).toEqual({ ok: true, path: "/opt/microsoft/msedge/msedge" });
    expect(browserCandidates(deps("linux", [], env))).toContain("/usr/local/bin/chromium-browser");
    const none = findBrowser(undefined, deps("linux", [], env));
    expect(none).toEqual({ ok: false, why: "no Chrome, Edge or Chromium was found in the usual places" });
  });

  it("a given browser is used alone: a path (relative to cwd) or a command on PATH", () => {
    const env = { PATH: "/usr/bin", Path: "C:\\Tools" };
    expect(findBrowser("bin/brave", deps("linux", ["/home/s/bin/brave", "/usr/bin/chromium"], env))).toEqual({ ok: true, path: "/home/s/bin/brave" });
    expect(findBrowser("chromium", deps("linux", ["/usr/bin/chromium"], env))).toEqual({ ok: true, path: "/usr/bin/chromium" });
    expect(findBrowser("vivaldi", deps("win32", ["C:\\Tools\\vivaldi.exe"], { Path: "C:\\Tools" }))).toEqual({ ok: true, path: "C:\\Tools\\vivaldi.exe" });
    const missing = findBrowser("/opt/nothing/chrome", deps("linux", ["/usr/bin/chromium"], env));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.why).toContain("(/opt/nothing/chrome) was not found");
  });
});

describe("the browser setting and login flags", () => {
  it("comes from the file, HALO_BROWSER or --browser, the flag winning", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "config.json"), JSON.stringify({ browser: "/from/file" }), { mode: 0o600 });
    expect(resolveConfig({ env: {}, argv: [], cwd }).config.browser).toBe("/from/file");
    expect(resolveConfig({ env: { HALO_BROWSER: "/from/env" }, argv: [], cwd }).config.browser).toBe("/from/env");
    expect(resolveConfig({ env: { HALO_BROWSER: "/from/env" }, argv: ["login", "--browser", "/from/flag"], cwd }).config.browser).toBe("/from/flag");
    expect(resolveConfig({ env: {}, argv: [], cwd: tempDir() }).config.browser).toBeUndefined();
  });

  it("login takes --fresh and --timeout SECONDS (default 300), and refuses a bad timeout", () => {
    expect(parseCli(["login"])).toMatchObject({ command: "login", login: { fresh: false, timeoutSec: 300 } });
    expect(parseCli(["login", "--fresh", "--timeout", "45"]).login).toEqual({ fresh: true, timeoutSec: 45 });
    expect(parseCli(["login", "--timeout=600"]).login.timeoutSec).toBe(600);
    for (const bad of [["--timeout"], ["--timeout", "0"], ["--timeout", "5m"], ["--timeout=-3"]]) expect(parseCli(["login", ...bad]).error).toMatch(/--timeout: expected a number of seconds/);
    expect(parseCli(["init", "--fresh"]).error).toMatch(/unknown option "--fresh"/);
  });
});
