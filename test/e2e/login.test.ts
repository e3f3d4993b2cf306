/**
 * `halo-lms-mcp login` end to end: the built CLI opens Debian's Chromium (headless, through a wrapper given
 * as --browser) on the loopback sandbox, whose Halo sends it to the simulated identity provider. This test
 * plays the student: it attaches to that browser over the DevTools protocol and fills in the sign-in form
 * while `login` waits. Where Chromium is not installed the browser cases skip, saying so.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { CLI, freePort, secretsOf, sharedWorld } from "./support.js";

const world = sharedWorld();
const CHROMIUM = [process.env.HALO_TEST_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => Boolean(p && existsSync(p)));
const SKIP = CHROMIUM ? "" : " (SKIPPED: no Chromium at /usr/bin/chromium; install Debian's `chromium` to run these)";
if (!CHROMIUM) process.stderr.write(`test/e2e/login.test.ts: browser login cases skipped: no Chromium found (apt-get install chromium)\n`);

// The launch flags this machine needs (closed network, root, no GPU), plus a DevTools port for the "student".
const FLAGS = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
  port: number;
}

const running: Run[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill("SIGKILL");
});

let seq = 0;
/** A fresh home for one case: config file (with keys login must keep) and the browser wrapper. */
function home(): { dir: string; configPath: string; wrapper: string; port: Promise<number> } {
  const dir = path.join(world.dir, `login-${++seq}`);
  mkdirSync(dir, { recursive: true });
  const configPath = path.join(dir, "config.json");
  writeFileSync(configPath, JSON.stringify({ readOnly: true, futureSetting: { kept: 1 } }, null, 2) + "\n", { mode: 0o600 });
  const wrapper = path.join(dir, "browser.sh");
  const port = freePort();
  return { dir, configPath, wrapper, port };
}

async function writeWrapper(h: ReturnType<typeof home>): Promise<number> {
  const port = await h.port;
  writeFileSync(h.wrapper, `#!/bin/sh\nexec "${CHROMIUM}" ${FLAGS} --remote-debugging-port=${port} "$@"\n`, { mode: 0o755 });
  return port;
}

const envFor = (h: ReturnType<typeof home>): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  HOME: h.dir,
  HALO_CONFIG: h.configPath,
  HALO_BASE_URL: world.env.HALO_BASE_URL ?? "",
  HALO_GATEWAY_URL: world.env.HALO_GATEWAY_URL ?? "",
  HALO_ORCHESTRATION_URL: world.env.HALO_ORCHESTRATION_URL ?? "",
});

async function startLogin(h: ReturnType<typeof home>, args: string[] = []): Promise<Run> {
  const port = await writeWrapper(h);
  const env = envFor(h);
  const child = spawn(process.execPath, [CLI, "login", "--browser", h.wrapper, ...args], { env, cwd: h.dir, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("close", (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const run = { child, out: () => out, err: () => err, exit, port };
  running.push(run);
  return run;
}

/** Attaches to the browser `login` opened, as the student at the keyboard, and returns the page once it shows `selector`. */
async function student(run: Pick<Run, "port" | "err">, selector: string): Promise<{ browser: Browser; page: Page }> {
  let browser: Browser | undefined;
  for (let i = 0; i < 100 && !browser; i++) {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${run.port}`).catch(async () => {
      await new Promise((r) => setTimeout(r, 200));
      return undefined;
    });
  }
  if (!browser) throw new Error(`could not attach to the browser; login said:\n${run.err()}`);
  for (let i = 0; i < 150; i++) {
    for (const page of browser.contexts().flatMap((c) => c.pages())) {
      if (await page.$(selector).catch(() => null)) return { browser, page };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no page showed ${selector}; login said:\n${run.err()}`);
}

async function signIn(run: Run, keep: boolean): Promise<void> {
  const { browser, page } = await student(run, "#password");
  // The form is the identity provider's own page, on another host than Halo's.
  expect(new URL(page.url()).pathname).toBe("/authorize");
  expect(new URL(page.url()).host).not.toBe(new URL(world.env.HALO_BASE_URL ?? "").host);
  await page.fill("#email", world.sandbox.sso.email);
  await page.fill("#password", world.sandbox.sso.password);
  if (keep) await page.check("#kmsi");
  await page.click("#submit");
  await browser.close().catch(() => undefined); // disconnects this client only
}

const text = (p: string) => readFileSync(p, "utf8");

describe(`login in the system browser${SKIP}`, () => {
  it.skipIf(!CHROMIUM)("signs in through the identity provider, saves a working cookie (0600, other keys kept) and says whose account it is", async () => {
    const h = home();
    const run = await startLogin(h, ["--timeout", "120"]);
    await signIn(run, true);
    expect(await run.exit, run.err()).toBe(0);

    const user = world.sandbox.world.users[world.sandbox.credentials.userId];
    expect(run.out()).toContain(`Signed in as ${user?.preferredFirstName ?? user?.firstName} ${user?.lastName}.`);
    expect(run.out()).toMatch(/This Halo session ends \d{4}-\d\d-\d\dT[\d:.]+Z \(in (29|30) days\)/);
    const file = JSON.parse(text(h.configPath)) as Record<string, unknown>;
    expect(file.readOnly).toBe(true);
    expect(file.futureSetting).toEqual({ kept: 1 });
    expect(statSync(h.configPath).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(h.dir, ".halo-browser-profile")).mode & 0o777).toBe(0o700);
    // HttpOnly cookies taken from the browser, and enough of them to stand on their own.
    const cookie = String(file.cookie);
    expect(cookie).toMatch(/__Secure-next-auth\.session-token=/);
    const session = (await (await fetch(`${world.env.HALO_BASE_URL}/api/auth/session`, { headers: { cookie } })).json()) as Record<string, unknown>;
    expect(session.userId).toBe(world.sandbox.credentials.userId);
    expect(session.authMethod).toBe("open_id");
    for (const value of [...secretsOf(world.sandbox), ...cookie.split("; ").map((c) => c.slice(c.indexOf("=") + 1)).filter((v) => v.length >= 16)]) {
      expect(run.out()).not.toContain(value);
      expect(run.err()).not.toContain(value);
    }

    // A month later Halo's session is over; the kept profile still remembers "stay signed in" at the identity
    // provider, so the next login is one click, without the password.
    world.sandbox.endSession();
    const before = world.sandbox.sso.passwordSignIns();
    const again = await startLogin(h);
    const { browser, page } = await student(again, "#account");
    await page.click("#account");
    await browser.close().catch(() => undefined);
    expect(await again.exit, again.err()).toBe(0);
    expect(world.sandbox.sso.passwordSignIns()).toBe(before);

    // --fresh throws the profile away: the identity provider asks for the password again.
    const fresh = await startLogin(h, ["--fresh"]);
    await signIn(fresh, false);
    expect(await fresh.exit, fresh.err()).toBe(0);
    expect(world.sandbox.sso.passwordSignIns()).toBe(before + 1);
  }, 120_000);

  it.skipIf(!CHROMIUM)("a timeout leaves the config file untouched and says how to retry", async () => {
    const h = home();
    const before = text(h.configPath);
    const run = await startLogin(h, ["--timeout", "2"]);
    expect(await run.exit).toBe(1);
    expect(run.err()).toContain("No sign-in within 2 seconds. Nothing was saved; your config file is unchanged.");
    expect(run.err()).toContain("--timeout SECONDS");
    expect(text(h.configPath)).toBe(before);
  }, 60_000);

  it.skipIf(!CHROMIUM)("closing the window before signing in saves nothing", async () => {
    const h = home();
    const before = text(h.configPath);
    const run = await startLogin(h, ["--timeout", "60"]);
    const { page } = await student(run, "#password");
    await page.close();
    expect(await run.exit).toBe(1);
    expect(run.err()).toContain("The browser window was closed before Halo let you in. Nothing was saved");
    expect(text(h.configPath)).toBe(before);
  }, 60_000);

  it.skipIf(!CHROMIUM)("Ctrl-C closes the browser and saves nothing", async () => {
    const h = home();
    const before = text(h.configPath);
    const run = await startLogin(h, ["--timeout", "60"]);
    const { browser } = await student(run, "#password");
    run.child.kill("SIGINT");
    expect(await run.exit).toBe(130);
    expect(run.err()).toContain("Cancelled. Nothing was saved");
    expect(text(h.configPath)).toBe(before);
    // The browser went with it: its DevTools connection is gone.
    await new Promise<void>((resolve) => (browser.isConnected() ? browser.once("disconnected", () => resolve()) : resolve()));
    expect(browser.isConnected()).toBe(false);
  }, 60_000);
});

// CI installs Chromium (.ci/run); there a missing browser is a broken run, not a reason to skip.
if (!CHROMIUM && process.env.CI === "true") {
  it("CI has Chromium for the browser login tests", () => {
    expect.fail("CI=true but no Chromium at /usr/bin/chromium: .ci/run should have installed Debian's chromium");
  });
}

describe("login without a usable browser", () => {
  // As root every folder is writable, so the child runs as "nobody" there; that needs the built CLI readable by all.
  const asRoot = process.getuid?.() === 0;
  const worldReadable = (p: string): boolean => p === path.dirname(p) || ((statSync(p).mode & 0o005) === 0o005 && worldReadable(path.dirname(p)));
  it.skipIf(asRoot && !worldReadable(path.dirname(CLI)))("a config folder that cannot be written is reported before any browser opens", async () => {
    const h = home();
    const locked = mkdtempSync(path.join(tmpdir(), "halo-locked-"));
    chmodSync(locked, 0o555);
    const env = { ...envFor(h), HALO_CONFIG: path.join(locked, "config.json") };
    const child = spawn(process.execPath, [CLI, "login", "--browser", path.join(h.dir, "no-such-browser")], { env, cwd: tmpdir(), stdio: ["ignore", "pipe", "pipe"], ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    expect(await new Promise<number | null>((resolve) => child.once("close", resolve))).toBe(1);
    expect(err).toContain(`${locked}: this folder cannot be written (EACCES), so the config file cannot be saved there`);
    expect(err).toContain("Nothing was saved.");
    expect(err).not.toContain("Cannot sign in with a browser");
    expect(readdirSync(locked)).toEqual([]);
    rmdirSync(locked);
  });

  it.skipIf(!CHROMIUM)("a browser that cannot show a window (no DISPLAY) is explained, not dumped", async () => {
    const h = home();
    const before = text(h.configPath);
    const child = spawn(process.execPath, [CLI, "login", "--browser", CHROMIUM ?? "", "--timeout", "30"], { env: envFor(h), cwd: h.dir, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    expect(await new Promise<number | null>((resolve) => child.once("close", resolve))).toBe(1);
    expect(err).toContain(`Cannot sign in with a browser: ${CHROMIUM} could not be started (there is no screen to open its window on: no DISPLAY, as over SSH or in a container).`);
    expect(err).toContain("run `halo-lms-mcp init`");
    expect(err).not.toMatch(/Playwright|Call log|╔/);
    expect(text(h.configPath)).toBe(before);
  }, 60_000);

  it("explains in one paragraph and points to the cookie paste of init; nothing is written", async () => {
    const h = home();
    const before = text(h.configPath);
    for (const how of [["--browser", path.join(h.dir, "no-such-browser")], []] as const) {
      const env: Record<string, string> = { PATH: h.dir, HOME: h.dir, HALO_CONFIG: h.configPath, HALO_BASE_URL: world.env.HALO_BASE_URL ?? "" };
      if (how.length === 0) env.HALO_BROWSER = "no-such-browser-on-path";
      const child = spawn(process.execPath, [CLI, "login", ...how], { env, cwd: h.dir, stdio: ["ignore", "pipe", "pipe"] });
      let err = "";
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
      expect(code).toBe(1);
      // One paragraph (the other stderr line is the warning about the config file's unknown key).
      const paragraph = err.split("\n").filter((l) => l.includes("Cannot sign in with a browser"));
      expect(paragraph, err).toHaveLength(1);
      expect(paragraph[0]).toContain(how.length ? "no-such-browser) was not found" : "(no-such-browser-on-path) was not found");
      expect(paragraph[0]).toContain("Chrome");
      expect(paragraph[0]).toContain("run `halo-lms-mcp init`");
      expect(paragraph[0]).toContain("Cookie header");
    }
    expect(text(h.configPath)).toBe(before);
  });
});

/** init in-process at a "terminal": the test types the answers when their prompts appear. */
function terminal(h: ReturnType<typeof home>): { io: CliIo; err: () => string; out: () => string; typeAfter(prompt: string, text: string): Promise<void> } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  let out = "";
  let err = "";
  const io: CliIo = { env: envFor(h), cwd: h.dir, out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n"), stdin, interactive: true };
  return {
    io,
    err: () => err,
    out: () => out,
    async typeAfter(prompt, text) {
      for (let i = 0; i < 300 && !err.includes(prompt); i++) await new Promise((r) => setTimeout(r, 100));
      expect(err).toContain(prompt);
      stdin.write(text);
    },
  };
}

describe("init offers the browser sign-in first", () => {
  it.skipIf(!CHROMIUM)("answering yes signs in with the browser, then saves and prints the client setup", async () => {
    const h = home();
    const port = await writeWrapper(h);
    const t = terminal(h);
    const done = runCli(["init", "--browser", h.wrapper], t.io);
    await t.typeAfter("Sign in with your browser (browser.sh)?", "\n");
    await signIn({ port, err: t.err } as Run, false);
    await t.typeAfter("Which folder may the assistant upload files from?", "\n");
    expect(await done).toEqual({ exitCode: 0 });
    expect(t.err()).toMatch(/Signed in as \w+/);
    const file = JSON.parse(text(h.configPath)) as Record<string, unknown>;
    expect(String(file.cookie)).toMatch(/__Secure-next-auth\.session-token=/);
    expect(file.futureSetting).toEqual({ kept: 1 });
    expect(t.out()).toContain("claude mcp add");
    expect(t.err()).not.toContain("Press F12");
  }, 90_000);

  it("answering no, or having no browser, leads to the Cookie-header paste", async () => {
    for (const browser of [process.execPath, path.join(world.dir, "no-such-browser")]) {
      const h = home();
      const t = terminal(h);
      const done = runCli(["init", "--browser", browser], t.io);
      if (browser === process.execPath) await t.typeAfter("Sign in with your browser (node)?", "n\n");
      else await t.typeAfter("is not possible here: the browser given by --browser / HALO_BROWSER", "");
      await t.typeAfter("Paste the Cookie header", `${world.sandbox.credentials.cookieHeader}\r`);
      await t.typeAfter("Which folder may the assistant upload files from?", "\n");
      expect(await done, t.err()).toEqual({ exitCode: 0 });
      expect(JSON.parse(text(h.configPath)).uploadRoots).toEqual([path.join(h.dir, "HaloUploads")]);
      expect(t.err()).toContain("Press F12");
      expect(JSON.parse(text(h.configPath)).cookie).toBe(world.sandbox.credentials.cookieHeader);
    }
  }, 60_000);
});
