/**
 * Command dispatch. Everything the process provides (env, argv, stdio) comes in through `io`, so tests
 * drive the whole CLI in-process.
 */
import { parseFlags } from "../config/args.js";
import { isConfigError } from "../config/errors.js";
import { resolveConfig } from "../config/resolve.js";
import type { AppConfig } from "../config/types.js";
import { log } from "../log.js";
import { VERSION } from "../version.js";
import { HELP } from "./help.js";
import type { InitFlags } from "./init.js";
import type { DoctorFlags } from "./doctor.js";
import type { CliIo } from "./io.js";
import type { LoginFlags } from "./login.js";
import type { Running } from "./serve.js";

export interface ParsedCli {
  command: "serve" | "init" | "login" | "doctor" | "help" | "version";
  sandbox: boolean;
  init: InitFlags;
  login: LoginFlags;
  doctor: DoctorFlags;
  error?: string;
}

const DEFAULT_LOGIN_TIMEOUT_SEC = 300;
const INIT_VALUED: Record<string, "cookie" | "authToken" | "contextToken"> = { "--cookie": "cookie", "--auth-token": "authToken", "--context-token": "contextToken" };

/** `rest` = what the config flag parser did not take. */
export function parseCli(rest: readonly string[]): ParsedCli {
  const out: ParsedCli = { command: "serve", sandbox: false, init: { stdin: false, validate: true }, login: { fresh: false, timeoutSec: DEFAULT_LOGIN_TIMEOUT_SEC }, doctor: { live: false, json: false } };
  const args = [...rest];
  if (args[0] && !args[0].startsWith("-")) {
    const sub = args.shift() as string;
    if (sub === "init" || sub === "login" || sub === "doctor" || sub === "serve") out.command = sub;
    else if (sub === "help") out.command = "help";
    else return { ...out, error: `unknown command "${sub}"` };
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (name === "--help" || name === "-h") return { ...out, command: "help" };
    if (name === "--version" || name === "-v" || name === "-V") return { ...out, command: "version" };
    // init and doctor take it too, so the whole first run can be tried without an account.
    if (name === "--sandbox" && (out.command === "serve" || out.command === "init" || out.command === "doctor")) out.sandbox = true;
    else if (out.command === "login" && name === "--fresh") out.login.fresh = true;
    else if (out.command === "doctor" && name === "--live") out.doctor.live = true;
    else if (out.command === "doctor" && name === "--json") out.doctor.json = true;
    else if (out.command === "login" && name === "--timeout") {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (!value || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 86_400) return { ...out, error: "--timeout: expected a number of seconds (1-86400)" };
      out.login.timeoutSec = Number(value);
    } else if (out.command === "init" && name === "--stdin") out.init.stdin = true;
    else if (out.command === "init" && name === "--no-validate") out.init.validate = false;
    else if (out.command === "init" && name in INIT_VALUED) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === "") return { ...out, error: `${name}: expected a value` };
      out.init[INIT_VALUED[name] as "cookie" | "authToken" | "contextToken"] = value;
    } else return { ...out, error: `unknown option "${name}"` };
  }
  if (out.doctor.json && !out.doctor.live) return { ...out, error: "--json goes with --live (doctor --live --json)" };
  return out;
}

export type CliResult = { exitCode: number } | { running: Running };

function loadConfig(argv: readonly string[], io: CliIo, envOverride: Record<string, string> = {}): { config: AppConfig; warnings: string[] } {
  return resolveConfig({ env: { ...io.env, ...envOverride }, argv, cwd: io.cwd });
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<CliResult> {
  const cli = parseCli(parseFlags(argv).rest);
  if (cli.error) {
    io.err(`halo-lms-mcp: ${cli.error}. Try --help.`);
    return { exitCode: 2 };
  }
  if (cli.command === "help") {
    io.out(HELP);
    return { exitCode: 0 };
  }
  if (cli.command === "version") {
    io.out(VERSION);
    return { exitCode: 0 };
  }

  let loaded: { config: AppConfig; warnings: string[] };
  let sandboxClose: (() => Promise<void>) | undefined;
  try {
    if (cli.sandbox) {
      const { startDemoSandbox } = await import("./sandbox.js").catch((e: unknown) => {
        // The simulator is built on msw; an install without it cannot run the demo but must say why.
        if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") {
          throw new Error(`--sandbox needs a package this installation lacks (${(e as Error).message.replace(/ imported from.*/s, "")}); run it from a clone of the repository (npm ci && npm run demo)`);
        }
        throw e;
      });
      const sb = await startDemoSandbox();
      sandboxClose = sb.close;
      loaded = loadConfig(argv, io, sb.env);
    } else loaded = loadConfig(argv, io);
  } catch (e) {
    await sandboxClose?.();
    if (isConfigError(e)) {
      io.err(`halo-lms-mcp: configuration problem: ${e.message}`);
      return { exitCode: 2 };
    }
    throw e;
  }
  const { config, warnings } = loaded;

  // Loaded on demand: --help/--version and a config error answer without loading the MCP stack.
  // One-shot commands on the simulated Halo stop it (and remove its throw-away folder) when they end.
  const oneShot = async (run: () => Promise<number>) => {
    try {
      return { exitCode: await run() };
    } finally {
      await sandboxClose?.();
    }
  };
  if (cli.command === "doctor") return oneShot(async () => (await import("./doctor.js")).runDoctor(config, warnings, io, cli.doctor));
  for (const w of warnings) log.warn(w);
  if (cli.command === "init") return oneShot(async () => (await import("./init.js")).runInit(config, { ...cli.init, sandbox: cli.sandbox }, io));
  if (cli.command === "login") return { exitCode: await (await import("./login.js")).runLogin(config, cli.login, io) };
  const { serve } = await import("./serve.js");
  return { running: await serve(config, io, { onClose: sandboxClose }) };
}
