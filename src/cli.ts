#!/usr/bin/env node
/**
 * The bin entry: the only place that reads process.env and touches the real stdio. In stdio mode stdout
 * belongs to the MCP protocol; only init/doctor/help/version (not MCP mode) print there.
 */
import { fileURLToPath } from "node:url";
import { log } from "./log.js";
import { runCli } from "./cli/main.js";
import type { CliIo } from "./cli/io.js";
import { StartupProblem } from "./cli/container.js";

// eslint-disable-next-line no-restricted-properties -- human output of init/doctor/--help/--version, never in MCP stdio mode
const stdout = process.stdout;
const io: CliIo = {
  env: process.env,
  cwd: process.cwd(),
  out: (t) => void stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => void process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
  stdin: process.stdin,
  stdout,
  interactive: Boolean(process.stderr.isTTY),
  launch: [process.execPath, fileURLToPath(import.meta.url)],
  onInterrupt(fn) {
    let seen = false;
    const handler = () => {
      if (seen) process.exit(130); // second signal: the operator insists
      seen = true;
      fn();
    };
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    for (const s of signals) process.on(s, handler);
    return () => signals.forEach((s) => process.off(s, handler));
  },
};

async function main(): Promise<void> {
  const result = await runCli(process.argv.slice(2), io);
  if ("exitCode" in result) {
    process.exitCode = result.exitCode;
    return;
  }
  const { running } = result;
  let stoppingAt: number | undefined;
  const stop = (why: string) => {
    if (stoppingAt !== undefined) {
      // conf's atomic writer (when-exit) re-raises the signal it saw to itself at once: not the operator.
      if (Date.now() - stoppingAt < 1000) return;
      process.exit(1); // a later second signal: the operator insists
    }
    stoppingAt = Date.now();
    log.info(`stopping (${why})`);
    // A stuck Halo call must not keep a container from stopping.
    setTimeout(() => process.exit(0), 5000).unref();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGHUP", () => stop("SIGHUP"));
  void running.done.then(() => stop("client closed stdin"));
}

main().catch((e: unknown) => {
  if (e instanceof StartupProblem) {
    io.err(e.message);
    process.exitCode = 1;
    return;
  }
  log.error("halo-lms-mcp could not start", e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
