/**
 * `npm run demo`: a guided tour with no Halo account. Starts the simulated Halo on loopback, the real
 * server on HTTP in front of it, drives it with the MCP SDK client like Claude would, prints the answers,
 * then keeps serving (until Ctrl-C) and prints the `claude mcp add` command to try it from Claude Code.
 * `--once` exits after the tour (CI). `--port <n>` picks the port (default 8000, or a free one if taken).
 */
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { resolveConfig } from "../config/index.js";
import { startDemoSandbox } from "./sandbox.js";
import { serve, type Running } from "./serve.js";
import type { CliIo } from "./io.js";
import { log } from "../log.js";
import { claudeAddCommand, generateToken } from "../transport/security.js";

// The demo is not MCP stdio mode: its stdout is a human's terminal, the one place besides the CLI's
// init/doctor output where writing to stdout is right.
// eslint-disable-next-line no-restricted-properties
const say = (text: string) => void process.stdout.write(text + "\n");

const TOUR: Array<{ tool: string; args: Record<string, unknown>; why: string }> = [
  { tool: "list_classes", args: {}, why: "Which classes am I in?" },
  { tool: "whats_due", args: {}, why: "What's due this week?" },
  { tool: "grades_summary", args: {}, why: "How am I doing?" },
];

async function startServer(env: Record<string, string>, port: number, io: CliIo): Promise<Running> {
  const { config } = resolveConfig({ env, argv: ["--port", String(port)], cwd: io.cwd });
  return serve(config, io);
}

async function main(argv: string[]): Promise<number> {
  const once = argv.includes("--once");
  const portArg = argv.indexOf("--port");
  const wanted = portArg >= 0 ? Number(argv[portArg + 1]) : 8000;
  const sandbox = await startDemoSandbox();
  const token = generateToken();
  const io: CliIo = { env: {}, cwd: sandbox.dir, out: say, err: (t) => void process.stderr.write(t + "\n"), stdin: process.stdin, interactive: false };
  const env = { ...sandbox.env, MCP_TRANSPORT: "http", MCP_HOST: "127.0.0.1", MCP_AUTH_TOKEN: token, LOG_LEVEL: "warn" };
  let running: Running;
  try {
    running = await startServer(env, wanted, io);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    log.warn(`port ${wanted} is busy; using a free one`);
    running = await startServer(env, 0, io);
  }
  const url = running.url as string;
  const stop = async () => {
    await running.close();
    await sandbox.close();
  };

  const cli = fileURLToPath(new URL("../cli.js", import.meta.url));
  // Endpoint and token first: they are what a student copies, and the tour below scrolls.
  say(`Halo LMS MCP demo — a simulated student account (no Halo login needed)`);
  say(`  MCP endpoint:  ${url}`);
  say(`  Bearer token:  ${token}`);
  say(`  Links in the answers open simulated Halo pages on ${sandbox.env.HALO_BASE_URL}`);
  say(`Add it to Claude Code while this runs:  ${claudeAddCommand(url, token, "halo-demo")}`);
  say(`or over stdio without this process:     claude mcp add halo-demo-stdio -- ${process.execPath} ${cli} --sandbox\n`);
  const client = new Client({ name: "halo-demo", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  const { tools } = await client.listTools();
  say(`The assistant sees ${tools.length} tools: ${tools.map((t) => t.name).join(", ")}\n`);
  const names = new Set(tools.map((t) => t.name));
  for (const step of TOUR.filter((s) => names.has(s.tool))) {
    say(`── ${step.why}  →  ${step.tool}(${Object.keys(step.args).length ? JSON.stringify(step.args) : ""})`);
    const r = (await client.callTool({ name: step.tool, arguments: step.args })) as { content: Array<{ type: string; text?: string }>; isError?: boolean };
    say(r.content.map((c) => c.text ?? `[${c.type}]`).join("\n") + "\n");
  }
  await client.close();

  if (once) {
    await stop();
    return 0;
  }
  say(`The demo server keeps running at ${url} (bearer token above). Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await stop();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    log.error("demo failed", e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
