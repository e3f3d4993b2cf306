/** Ready-to-paste client configuration. Everything points at the config file by absolute path, so the
 * client may start the server from any working directory. */
import { claudeAddCommand } from "../transport/security.js";

export interface SnippetInput {
  configPath: string;
  /** HTTP endpoint, e.g. http://127.0.0.1:8000/mcp */
  httpUrl: string;
  /** MCP bearer token, when one exists. */
  httpToken?: string;
  /** Absolute command that starts this installation (node + cli.js); `halo-lms-mcp` on PATH otherwise. */
  launch?: readonly string[];
  /** Inside the Docker image: the host cannot start the container's node, so only the HTTP setup applies. */
  httpOnly?: boolean;
  /** The simulated Halo: the client starts `--sandbox` (which makes its own login), under its own name. */
  sandbox?: boolean;
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function clientSnippets(s: SnippetInput): string {
  const [command = "halo-lms-mcp", ...args] = s.launch ?? [];
  const stdioJson = JSON.stringify({ mcpServers: { halo: { command, args, env: { HALO_CONFIG: s.configPath } } } }, null, 2);
  const token = s.httpToken ?? "<MCP_AUTH_TOKEN from the config file>";
  const httpJson = JSON.stringify({ mcpServers: { "halo-http": { url: s.httpUrl, headers: { Authorization: `Bearer ${token}` } } } }, null, 2);
  if (s.sandbox) {
    const all = [command, ...args, "--sandbox"];
    const json = JSON.stringify({ mcpServers: { "halo-sandbox": { command, args: [...args, "--sandbox"] } } }, null, 2);
    return [
      "Claude Code (stdio, a simulated student account):",
      `  claude mcp add halo-sandbox -- ${all.map(shellQuote).join(" ")}`,
      "",
      "Claude Desktop or Cursor (mcpServers):",
      indent(json),
    ].join("\n");
  }
  if (s.httpOnly) {
    return [
      "Start the server (from the folder with docker-compose.yml):  docker compose up -d",
      "",
      "Claude Code:",
      `  ${claudeAddCommand(s.httpUrl, token, "halo-http")}`,
      "",
      "Claude Desktop, Cursor and other clients that take a URL:",
      indent(httpJson),
    ].join("\n");
  }
  return [
    "Claude Code (stdio, the server runs on demand):",
    `  claude mcp add halo -e HALO_CONFIG=${shellQuote(s.configPath)} -- ${[command, ...args].map(shellQuote).join(" ")}`,
    "",
    // Its own name: pasting both lines must not fail with "already exists".
    "Claude Code (HTTP, server already running e.g. in Docker):",
    `  ${claudeAddCommand(s.httpUrl, token, "halo-http")}`,
    "",
    "Claude Desktop (claude_desktop_config.json; macOS: ~/Library/Application Support/Claude/, Windows: %APPDATA%\\Claude\\):",
    indent(stdioJson),
    "",
    "Cursor (~/.cursor/mcp.json or .cursor/mcp.json in a project), stdio:",
    indent(stdioJson),
    "Cursor, HTTP:",
    indent(httpJson),
  ].join("\n");
}

const indent = (t: string) => t.split("\n").map((l) => "  " + l).join("\n");
