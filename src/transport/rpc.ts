/**
 * JSON-RPC checks both transports run before a message reaches the SDK, whose own replies to these cases are
 * silence (stdio) or a dump of its zod schema (a non-object `arguments`).
 */
import { ErrorCode, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

export type RequestId = string | number;

/** An error reply; `id: null` (JSON-RPC 2.0) when the request's id could not be read. */
export function rpcErrorMessage(id: RequestId | null, code: number, message: string): JSONRPCMessage {
  return { jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage;
}

const idOf = (value: Record<string, unknown>): RequestId | null => (typeof value.id === "string" || typeof value.id === "number" ? value.id : null);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The error to answer a tools/call whose params the SDK would reject with a schema dump, else null. */
export function checkToolCall(value: unknown): JSONRPCMessage | null {
  if (!isPlainObject(value) || value.method !== "tools/call") return null;
  const params = value.params;
  if (!isPlainObject(params) || typeof params.name !== "string") {
    return rpcErrorMessage(idOf(value), ErrorCode.InvalidParams, "Invalid params: tools/call needs params.name (the tool) and params.arguments (an object).");
  }
  const args = params.arguments;
  if (args !== undefined && !isPlainObject(args)) {
    const what = args === null ? "null" : Array.isArray(args) ? "an array" : typeof args;
    return rpcErrorMessage(idOf(value), ErrorCode.InvalidParams, `Invalid params: arguments for ${params.name.slice(0, 64)} must be a JSON object of named values, not ${what}.`);
  }
  return null;
}

/** stdio: the error to answer `value` (already parsed JSON) with, or null when it may go on to the SDK. */
export function checkMessage(value: unknown): JSONRPCMessage | null {
  if (Array.isArray(value)) return rpcErrorMessage(null, ErrorCode.InvalidRequest, "Invalid Request: JSON-RPC batches are not supported; send one message at a time.");
  if (!isPlainObject(value)) return rpcErrorMessage(null, ErrorCode.InvalidRequest, "Invalid Request: a JSON-RPC message is a JSON object.");
  return checkToolCall(value);
}
