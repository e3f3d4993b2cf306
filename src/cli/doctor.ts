/**
 * `halo-lms-mcp doctor`: every check says what is wrong and how to fix it; non-zero exit on a failure.
 */
import { existsSync } from "node:fs";
import { access, constants, stat } from "node:fs/promises";
import type { AppConfig } from "../config/types.js";
import { createConfigStore } from "../config/store.js";
import path from "node:path";
import { healingStateFile } from "../assistant/state-file.js";
import { defaultUploadRoot, homeOf, tooBroad } from "../config/upload-roots.js";
import { createHalo, notRefreshable } from "../halo/index.js";
import { systemBrowser } from "./browser-login.js";
import type { CliIo } from "./io.js";
import { configWriteProblem, inContainer, inImage } from "./container.js";

export interface DoctorFlags {
  /** Run every read document against the account and print the compatibility report. */
  live: boolean;
  /** With live: print only the report, as JSON. */
  json: boolean;
}

export type Level = "ok" | "warn" | "fail";
export interface Check {
  level: Level;
  what: string;
  fix?: string;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const DAY = 24 * 60 * 60 * 1000;

async function reachable(url: string, timeoutMs: number): Promise<string | undefined> {
  try {
    // Any HTTP answer (even 400/401/404) proves DNS, TLS and routing work; only network errors count.
    const r = await fetch(url, { method: "GET", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    await r.body?.cancel().catch(() => undefined);
    // ...but a 5xx means the host is up and Halo behind it is failing.
    return r.status >= 500 ? `answers HTTP ${r.status}` : undefined;
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return cause ?? (e instanceof Error && e.name === "TimeoutError" ? "timed out" : "network error");
  }
}

export async function fileChecks(config: AppConfig, home: string, env: CliIo["env"] = {}): Promise<Check[]> {
  const out: Check[] = [];
  const p = config.configPath;
  try {
    const s = await stat(p);
    const mode = s.mode & 0o777;
    const file = await createConfigStore(p).read().catch(() => ({}) as Record<string, unknown>);
    const secret = ["cookie", "authToken", "contextToken", "session", "mcpAuthToken"].some((k) => file[k] !== undefined && file[k] !== null);
    if (process.platform !== "win32" && mode & 0o077 && secret) out.push({ level: "fail", what: `${p} is readable by other users (mode ${mode.toString(8)})`, fix: `chmod 600 "${p}"` });
    else out.push({ level: "ok", what: `config file ${p}${process.platform !== "win32" ? ` (mode ${mode.toString(8)})` : ""}` });
  } catch {
    const fromEnv = Boolean(config.halo.cookie || config.halo.authToken);
    out.push({ level: fromEnv ? "warn" : "fail", what: `no config file at ${p}`, fix: fromEnv ? "fine when the login comes from the environment; run `halo-lms-mcp login` to save one" : "run `halo-lms-mcp login` (or pass --config / HALO_CONFIG pointing at your file)" });
  }
  // Rotated logins are saved beside the config: an unwritable folder loses them silently at the first refresh.
  const unwritable = existsSync(path.dirname(p)) ? await configWriteProblem(p, false) : undefined;
  if (unwritable) out.push({ level: "fail", what: `cannot write ${path.dirname(p)} (${unwritable}); rotated logins could not be saved`, fix: inImage(env) ? 'on the host: sudo chown -R "$(id -u):$(id -g)" ./config (and set HALO_UID/HALO_GID in .env if your ids are not 1000)' : `make ${path.dirname(p)} and the config file writable by this user` });
  try {
    await access(config.downloadsDir, constants.W_OK);
    out.push({ level: "ok", what: `downloads folder ${config.downloadsDir} is writable` });
  } catch {
    out.push({ level: "warn", what: `downloads folder ${config.downloadsDir} is missing or not writable`, fix: `mkdir -p "${config.downloadsDir}" (created automatically on first download if the parent is writable)` });
  }
  const roots = await Promise.all(config.uploadRoots.map(async (r) => ((await access(r).then(() => true, () => false)) ? undefined : r)));
  const missing = roots.filter((r): r is string => Boolean(r));
  if (missing.length) out.push({ level: "warn", what: `upload folders not found: ${missing.join(", ")}`, fix: "create them or change HALO_UPLOAD_ROOTS / uploadRoots" });
  else out.push({ level: "ok", what: `uploads allowed from: ${config.uploadRoots.join(", ")}` });
  for (const r of config.uploadRoots) {
    const why = tooBroad(r, home);
    // Whatever lies under an upload folder, an injected instruction can ask the assistant to attach.
    if (why) out.push({ level: "warn", what: `upload folder ${r} is too broad: ${why}, so the assistant could be talked into attaching any of your files`, fix: `use a dedicated folder: mkdir -m 700 "${defaultUploadRoot(home)}" and set uploadRoots (or HALO_UPLOAD_ROOTS) to it` });
  }
  return out;
}

export function httpChecks(config: AppConfig, env: CliIo["env"]): Check[] {
  const out: Check[] = [];
  const h = config.http;
  if (config.transport !== "http") {
    out.push({ level: "ok", what: "transport stdio (HTTP settings not used)" });
    return out;
  }
  if (h.authToken) out.push({ level: "ok", what: "HTTP bearer token is configured" });
  else out.push({ level: "warn", what: "no MCP_AUTH_TOKEN yet", fix: "one is generated and saved on first start, and the `claude mcp add` command is printed then" });
  if (LOOPBACK.has(h.host)) out.push({ level: "ok", what: `HTTP binds ${h.host}:${h.port} (this machine only)` });
  else if (inContainer(env)) out.push({ level: "ok", what: `HTTP binds ${h.host}:${h.port} inside a container`, fix: "publish it as 127.0.0.1:8000:8000, not 8000:8000" });
  else out.push({ level: "warn", what: `HTTP binds ${h.host}: reachable from other machines`, fix: "use MCP_HOST=127.0.0.1 unless you really mean to expose it" });
  if (h.allowedOrigins.length) out.push({ level: "ok", what: `browser origins allowed: ${h.allowedOrigins.join(", ")}` });
  return out;
}

export async function haloChecks(config: AppConfig, now = Date.now()): Promise<Check[]> {
  const out: Check[] = [];
  const hosts: Array<[string, string]> = [
    ["web", config.halo.baseUrl],
    ["gateway", config.halo.gatewayUrl],
    ["orchestration", config.halo.orchestrationUrl],
  ];
  const results = await Promise.all(hosts.map(async ([name, url]) => [name, url, await reachable(url, Math.min(config.halo.requestTimeoutMs, 15_000))] as const));
  let offline = false;
  for (const [name, url, err] of results) {
    if (err) offline = true;
    if (!err) out.push({ level: "ok", what: `Halo ${name} reachable (${new URL(url).host})` });
    else if (err.startsWith("answers HTTP")) out.push({ level: "fail", what: `Halo ${name} at ${url} ${err} (a server error on Halo's side)`, fix: "Halo is having trouble; try again in a few minutes" });
    else out.push({ level: "fail", what: `cannot reach Halo ${name} at ${url} (${err})`, fix: "check your internet connection, VPN or proxy; inside Docker, the container's DNS" });
  }
  if (!config.halo.cookie && !(config.halo.authToken && config.halo.contextToken)) {
    out.push({ level: "fail", what: "no Halo login configured", fix: "run `halo-lms-mcp login` to sign in with your browser (without a browser: `halo-lms-mcp init` to paste the Cookie header)" });
    return out;
  }
  if (offline) return out;
  const halo = createHalo({ config, store: createConfigStore(config.configPath) });
  try {
    const s = await halo.session.status();
    if (s.state === "ok") {
      // No user id: doctor output is meant to be pasted into bug reports.
      out.push({ level: "ok", what: `Halo login works (${s.authMethod ?? "session"})` });
      const end = s.expires ? Date.parse(s.expires) : NaN;
      if (Number.isFinite(end)) {
        const days = Math.floor((end - now) / DAY);
        if (end - now < 3 * DAY) out.push({ level: "warn", what: `the Halo browser session ends ${s.expires} (${days <= 0 ? "today" : `in ${days} day(s)`})`, fix: "run `halo-lms-mcp login` again soon" });
        else out.push({ level: "ok", what: `session valid until ${s.expires} (${days} days)` });
      }
    } else if (s.state === "unknown") {
      // Halo failing (5xx, time-out) tells nothing about the login: a check that could not run is a failure.
      if (s.offline) out.push({ level: "fail", what: `could not check the login: Halo is not answering normally (${s.message ?? "no answer"})`, fix: "try again in a few minutes; if it persists, check your VPN or proxy" });
      else out.push({ level: "warn", what: `login could not be fully verified: ${s.message ?? "unknown"}` });
    } else {
      out.push({ level: "fail", what: `Halo login ${s.state === "expired" ? "has expired" : "is missing"}`, fix: s.message ?? "run `halo-lms-mcp login`" });
    }
    const once = s.state === "ok" || s.state === "unknown" ? notRefreshable(s.authMethod) : undefined;
    if (once) out.push({ level: "warn", what: once });
    await halo.flush().catch(() => undefined);
  } finally {
    halo.close();
  }
  return out;
}

/** Queries the server healed earlier (Halo rejected fields; see src/halo/healing.ts): worth a bug report. */
export async function healedChecks(config: AppConfig): Promise<Check[]> {
  const raw = await healingStateFile(path.dirname(config.configPath)).load().catch(() => undefined);
  const docs = raw && typeof raw === "object" && Array.isArray((raw as { documents?: unknown }).documents) ? (raw as { documents: unknown[] }).documents : [];
  return docs.flatMap((d): Check[] => {
    const { operation, removed } = d as { operation?: unknown; removed?: unknown };
    if (typeof operation !== "string" || !Array.isArray(removed)) return [];
    const fields = removed.filter((r): r is string => typeof r === "string").join(", ");
    return [{ level: "warn", what: `Halo no longer offers ${fields} (${operation}); the server works around it`, fix: "run `halo-lms-mcp doctor --live` and send the report so halo-lms-mcp can be updated" }];
  });
}

/** Whether `login` can renew the session here. No browser is not a problem for the server: the paste path remains. */
export function loginCheck(config: AppConfig, io: Pick<CliIo, "env" | "cwd">): Check[] {
  // Inside a container there is no screen for a browser; only a browser the student named is worth a line.
  if (inContainer(io.env) && !config.browser) return [];
  const found = systemBrowser(config, io);
  if (found.ok) return [{ level: "ok", what: `\`halo-lms-mcp login\` signs in with ${found.path}` }];
  if (config.browser) return [{ level: "warn", what: `\`halo-lms-mcp login\` cannot use its browser: ${found.why}`, fix: "correct --browser / HALO_BROWSER / \"browser\" in the config file" }];
  return [{ level: "ok", what: "no Chrome, Edge or Chromium here for `halo-lms-mcp login`; renew the login by pasting the Cookie header with `halo-lms-mcp init`" }];
}

/** The live compatibility report; exit 1 when a document failed. */
async function runLive(config: AppConfig, io: CliIo, json: boolean): Promise<number> {
  const { liveReport, renderLiveReport } = await import("./doctor-live.js");
  const halo = createHalo({ config, store: createConfigStore(config.configPath), healingStore: healingStateFile(path.dirname(config.configPath)) });
  try {
    const report = await liveReport(halo);
    io.out(json ? JSON.stringify(report, null, 2) : `\n${renderLiveReport(report)}`);
    await halo.flush().catch(() => undefined);
    return report.summary.failed || report.documents.length === 0 ? 1 : 0;
  } finally {
    halo.close();
  }
}

export async function runDoctor(config: AppConfig, warnings: readonly string[], io: CliIo, flags: DoctorFlags = { live: false, json: false }): Promise<number> {
  if (flags.json) return runLive(config, io, true);
  const checks: Check[] = [
    ...warnings.map((w): Check => ({ level: "warn", what: w })),
    ...(await fileChecks(config, homeOf(io.env), io.env)),
    ...httpChecks(config, io.env),
    ...loginCheck(config, io),
    ...(await haloChecks(config)),
    ...(await healedChecks(config)),
  ];
  const mark: Record<Level, string> = { ok: "ok  ", warn: "warn", fail: "FAIL" };
  for (const c of checks) io.out(`[${mark[c.level]}] ${c.what}${c.fix ? `\n       fix: ${c.fix}` : ""}`);
  const fails = checks.filter((c) => c.level === "fail").length;
  const warns = checks.filter((c) => c.level === "warn").length;
  io.out(fails ? `\n${fails} problem(s) to fix${warns ? `, ${warns} warning(s)` : ""}.` : `\nAll good${warns ? ` (${warns} warning(s))` : ""}.`);
  if (flags.live && !fails) return runLive(config, io, false);
  if (!flags.live && !fails) io.out("To check that every Halo query still works for your account: halo-lms-mcp doctor --live");
  return fails ? 1 : 0;
}
