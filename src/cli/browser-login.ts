/**
 * Signing in through the student's own browser: playwright-core starts the system Chrome/Edge/Chromium (it
 * never downloads one) with a dedicated profile, opens Halo, and waits until Halo's session endpoint answers
 * with a user. Then it takes the web host's cookies straight from the browser, HttpOnly ones included, which
 * no page script and no copy-paste can do reliably. playwright-core is loaded only here, on first use.
 */
import { accessSync, constants, statSync } from "node:fs";
import { chmod, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import type { AppConfig } from "../config/types.js";
import { usableSession } from "../halo/web.js";
import { findBrowser, type Found } from "./find-browser.js";
import type { CliIo } from "./io.js";

export interface BrowserLoginOptions {
  fresh: boolean;
  timeoutSec: number;
}

export type BrowserLogin =
  | { ok: true; cookie: string; userId: string; browser: string }
  | { ok: false; reason: "no-browser" | "timeout" | "closed" | "interrupted"; message: string };

const POLL_MS = 1000;
const SESSION_COOKIE = /next-auth\.session-token(\.\d+)?$/;

/** The dedicated profile beside the config file. Hidden, so the upload checks never send it anywhere. */
export const profileDir = (config: Pick<AppConfig, "configPath">): string => path.join(path.dirname(config.configPath), ".halo-browser-profile");

function runnable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== "win32") accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function prepareProfile(dir: string, fresh: boolean): Promise<void> {
  if (fresh) await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by umask and ignored for an existing folder: cookies live in here.
  if (process.platform !== "win32") await chmod(dir, 0o700);
}

async function launch(executablePath: string, dir: string): Promise<BrowserContext> {
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(dir, {
    executablePath,
    headless: false,
    viewport: null, // the student's window, at the size they drag it to
    // Our own handlers decide what Ctrl-C means (close the browser, save nothing); Playwright's would exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium's sandbox cannot start as root (containers); everywhere else the student keeps it.
    chromiumSandbox: !(process.getuid?.() === 0),
    // Without this flag the window carries no "controlled by automated software" bar, and identity
    // providers that refuse automated browsers see the student's ordinary browser.
    ignoreDefaultArgs: ["--enable-automation"],
  });
}

/** Why the browser did not start, in words: Playwright's message is a log dump meant for developers. */
export function launchFailure(e: unknown, env: CliIo["env"]): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/XServer|\$DISPLAY|cannot open display/i.test(text) || (process.platform === "linux" && !env.DISPLAY && !env.WAYLAND_DISPLAY && /has been closed/.test(text))) {
    return "there is no screen to open its window on: no DISPLAY, as over SSH or in a container";
  }
  const first = text.split("\n").find((l) => l.trim()) ?? "unknown error";
  // Printable characters only: the log lines carry terminal colour codes.
  return first.replace(/^browserType\.launchPersistentContext:\s*/, "").replace(/[^\x20-\x7e]|\[[0-9;]*m/g, "").slice(0, 300);
}

/** Cookie header of every cookie the browser would send to Halo's web host. */
async function cookieHeader(context: BrowserContext, baseUrl: string): Promise<string> {
  const cookies = await context.cookies(baseUrl);
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The signed-in user's id once Halo's session endpoint answers with one; asked only once a session cookie exists. */
async function sessionUser(context: BrowserContext, baseUrl: string): Promise<string | undefined> {
  const cookies = await context.cookies(baseUrl);
  if (!cookies.some((c) => SESSION_COOKIE.test(c.name))) return undefined;
  const res = await context.request.get(`${baseUrl}/api/auth/session`, { headers: { accept: "application/json" }, failOnStatusCode: false });
  if (!res.ok()) return undefined;
  const body: unknown = await res.json().catch(() => undefined);
  return usableSession(body)?.userId;
}

/** The browser `login` would open: the `browser` setting, or Chrome, Edge or Chromium where they install. */
export function systemBrowser(config: Pick<AppConfig, "browser">, io: Pick<CliIo, "env" | "cwd">): Found {
  return findBrowser(config.browser, { platform: process.platform, env: io.env, cwd: io.cwd, exists: runnable });
}

export async function signInWithBrowser(config: AppConfig, opts: BrowserLoginOptions, io: CliIo): Promise<BrowserLogin> {
  const found = systemBrowser(config, io);
  if (!found.ok) return { ok: false, reason: "no-browser", message: found.why };
  const dir = profileDir(config);
  await prepareProfile(dir, opts.fresh);
  let context: BrowserContext;
  try {
    context = await launch(found.path, dir);
  } catch (e) {
    return { ok: false, reason: "no-browser", message: `${found.path} could not be started (${launchFailure(e, io.env)})` };
  }
  const baseUrl = config.halo.baseUrl;
  let closed = false;
  context.on("close", () => (closed = true));
  const stop = new AbortController();
  const unhook = io.onInterrupt?.(() => stop.abort());
  const deadline = Date.now() + opts.timeoutSec * 1000;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    io.err(`Opened ${baseUrl} in ${path.basename(found.path)}. Sign in there as usual (GCU single sign-on, MFA); this window closes by itself when Halo has let you in.`);
    // A navigation error (Halo unreachable) shows in the window; the student sees it and can retry there.
    void page.goto(baseUrl).catch(() => undefined);
    for (;;) {
      if (stop.signal.aborted) return { ok: false, reason: "interrupted", message: "Cancelled." };
      if (closed || context.pages().length === 0) return { ok: false, reason: "closed", message: "The browser window was closed before Halo let you in." };
      if (Date.now() >= deadline) return { ok: false, reason: "timeout", message: `No sign-in within ${opts.timeoutSec} seconds.` };
      const userId = await sessionUser(context, baseUrl).catch(() => undefined);
      if (userId) return { ok: true, cookie: await cookieHeader(context, baseUrl), userId, browser: found.path };
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, POLL_MS);
        stop.signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
      });
    }
  } finally {
    unhook?.();
    await context.close().catch(() => undefined);
  }
}
