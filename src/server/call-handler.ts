/**
 * tools/call served directly by runTool. fastmcp 4.20's own handler waits a fixed 1 ms after every tool
 * (`await delay(1)`), more than our whole cached call costs; this handler does the same work without it.
 * fastmcp's registration stays in place (tools/list, and any call that arrives before a session is wired).
 * Writes ask the student through the client (elicitation) when it can, tied to this very request.
 */
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { ToolContext } from "../queries/context.js";
import type { ToolDef } from "../tools/define.js";
import { askFor, sendVia } from "./ask.js";
import { runTool } from "./server.js";

export function installCallHandler(sdk: Server, tools: ReadonlyMap<string, ToolDef>, base: ToolContext): void {
  sdk.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = tools.get(request.params.name);
    if (!tool) throw new McpError(ErrorCode.MethodNotFound, `Unknown tool: ${request.params.name}`);
    const progressToken = request.params._meta?.progressToken;
    const ctx: ToolContext = {
      ...base,
      signal: extra.signal,
      ask: askFor(sdk, sendVia(extra), extra.signal),
      progress: async (progress, total, message) => {
        if (progressToken === undefined) return;
        // A client that left cannot be told; the tool's own result still reports the outcome.
        await extra
          .sendNotification({ method: "notifications/progress", params: { progressToken, progress, ...(total !== undefined ? { total } : {}), ...(message ? { message } : {}) } })
          .catch(() => undefined);
      },
    };
    return runTool(tool, request.params.arguments ?? {}, ctx);
  });
}
