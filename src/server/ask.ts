/**
 * Asking the student directly: MCP elicitation, when their client declared it. The question travels from
 * this server to the client's UI, not through the model, so it is the student who answers.
 */
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { ElicitResultSchema, type ElicitRequest, type ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import type { StudentAnswer, ToolContext } from "../queries/context.js";
import { ASK_TIMEOUT_MS } from "../writes/consent.js";

type Params = ElicitRequest["params"];
/** Sends the request: tied to the tool call (its HTTP stream) when the caller can, else on the session. */
export type SendElicit = (params: Params, options: { signal?: AbortSignal; timeout: number }) => Promise<ElicitResult>;

/** `ask` for ToolContext, or undefined when this client cannot show an approval form. */
export function askFor(sdk: Pick<Server, "getClientCapabilities">, send: SendElicit, signal?: AbortSignal): ToolContext["ask"] {
  if (!sdk.getClientCapabilities()?.elicitation?.form) return undefined;
  return async (message: string): Promise<StudentAnswer> => {
    // No fields: the form is the preview itself, and the answer is accept, decline or cancel.
    const r = await send({ mode: "form", message, requestedSchema: { type: "object", properties: {} } }, { signal, timeout: ASK_TIMEOUT_MS });
    return r.action;
  };
}

/** The sender for a request handler's `extra` (keeps the elicitation related to the tools/call). */
export function sendVia(extra: { sendRequest: (req: ElicitRequest, schema: typeof ElicitResultSchema, options?: { signal?: AbortSignal; timeout?: number }) => Promise<ElicitResult> }): SendElicit {
  return (params, options) => extra.sendRequest({ method: "elicitation/create", params }, ElicitResultSchema, options);
}
