/** Shared plumbing for the end-to-end tests: the BUILT server as a child process against a loopback sandbox. */
import { afterAll, beforeAll } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { loopbackEnv } from "../helpers/sandbox-env.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const CLI = path.join(ROOT, "dist/bin/cli.js");

function newestMtime(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** `npm test` builds first; a bare `vitest run test/e2e` gets a build here if dist is missing or stale. */
export function ensureBuilt(): void {
  const stale = () => !existsSync(CLI) || statSync(CLI).mtimeMs < newestMtime(path.join(ROOT, "src"));
  if (!stale()) return;
  const lock = path.join(ROOT, "dist/.e2e-build-lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock); // atomic: one test file builds, the others wait
      break;
    } catch {
      spawnSync("sleep", ["0.2"]);
    }
  }
  try {
    if (stale()) {
      // The bundled bin, as published (scripts/bundle.mjs); esbuild compiles the TypeScript itself.
      const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/bundle.mjs")], { cwd: ROOT, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
    }
  } finally {
    rmdirSync(lock);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface World {
  sandbox: Sandbox;
  dir: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A loopback sandbox in this process and the environment that points a spawned server at it. */
export async function startWorld(): Promise<World> {
  const sandbox = createSandbox();
  const running = await sandbox.listen();
  const dir = mkdtempSync(path.join(tmpdir(), "halo-e2e-"));
  const env = loopbackEnv(running, sandbox, dir, "debug");
  return { sandbox, dir, env, close: () => running.close() };
}

/** Every secret a log line must never show. */
export function secretsOf(sandbox: Sandbox): string[] {
  const c = sandbox.credentials;
  const cookieValues = c.cookieHeader.split(";").map((p) => p.slice(p.indexOf("=") + 1).trim()).filter((v) => v.length >= 16);
  return [c.authToken, c.contextToken, ...cookieValues];
}

export interface Spawned {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves with the first stderr match. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exit: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnServer(args: string[], env: Record<string, string>, cwd: string): Spawned {
  const child = spawn(process.execPath, [CLI, ...args], { env, cwd, stdio: ["pipe", "pipe", "pipe"] });
  let err = "";
  const waiters: Array<() => void> = [];
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
    waiters.forEach((w) => w());
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    stderr: () => err,
    exit,
    waitFor(re, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = err.match(re);
          if (m) {
            clearTimeout(t);
            resolve(m);
          }
        };
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${re} in stderr:\n${err}`)), timeoutMs);
        waiters.push(check);
        check();
        void exit.then(() => setTimeout(() => reject(new Error(`server exited before ${re}; stderr:\n${err}`)), 50));
      });
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}

/**
 * One world for a whole test file: the build is checked once and the loopback sandbox started before the
 * first test. The returned object forwards to the running world.
 */
export function sharedWorld(): World {
  let current: World | undefined;
  beforeAll(async () => {
    ensureBuilt();
    current = await startWorld();
  }, 60_000);
  afterAll(async () => current?.close());
  return new Proxy({} as World, {
    get: (_target, key) => {
      if (!current) throw new Error("the shared world is used outside a test");
      return current[key as keyof World];
    },
  });
}

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/**
 * One run of the built CLI with `input` on stdin. Asynchronous on purpose: the sandbox lives in the test's
 * process, so a blocking spawnSync would starve it. `uid`/`gid` run it as another user (tests as root).
 */
export function runBuiltCli(args: string[], env: Record<string, string | undefined>, input: string, opts: { cwd: string; uid?: number; gid?: number }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: env as NodeJS.ProcessEnv, cwd: opts.cwd, uid: opts.uid, gid: opts.gid });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}
