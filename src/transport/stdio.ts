/**
 * MCP over stdio: one JSON-RPC message per line. The SDK's own stdio transport closes itself for good when a
 * message exceeds its buffer (the server then reads nothing more yet never exits) and answers invalid JSON,
 * batches or non-messages with silence, so the client waits out its timeout. This one answers each of those
 * with a JSON-RPC error, drops the offending line without ever holding more than the limit, and keeps reading;
 * the end of stdin closes it.
 */
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { checkMessage, rpcErrorMessage, type RequestId } from "./rpc.js";

const EDGE = 256; // bytes kept from each end of a dropped line, to find its id

/** Best effort: an id at the start (`{"jsonrpc":"2.0","id":7,…`) or as the last key (`…,"id":7}`, the SDK's order). */
export function idOfDroppedLine(head: string, tail: string): RequestId | null {
  const idValue = String.raw`(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")`;
  const m = head.match(new RegExp(String.raw`^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*` + idValue + String.raw`\s*,`)) ?? tail.match(new RegExp(String.raw`[,{]\s*"id"\s*:\s*` + idValue + String.raw`\s*\}\s*$`));
  if (!m?.[1]) return null;
  try {
    return JSON.parse(m[1]) as RequestId;
  } catch {
    return null;
  }
}

export class StdioLineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private chunks: Buffer[] = [];
  private size = 0;
  /** Set while the rest of an over-long line is skipped. */
  private dropping: { head: string; tail: Buffer } | null = null;
  private closed = false;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
    private readonly maxBytes: number,
  ) {}

  private readonly onData = (chunk: Buffer | string) => {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(10, from); nl !== -1; nl = buf.indexOf(10, from)) {
      this.take(buf.subarray(from, nl));
      this.endLine();
      from = nl + 1;
    }
    if (from < buf.length) this.take(buf.subarray(from));
  };

  private readonly onEnd = () => void this.close();
  private readonly onStreamError = (e: Error) => {
    this.onerror?.(e);
    void this.close();
  };

  async start(): Promise<void> {
    this.input.on("data", this.onData);
    this.input.on("end", this.onEnd);
    this.input.on("close", this.onEnd);
    this.input.on("error", this.onStreamError);
    // The client going away mid-reply (EPIPE) ends the session instead of the process.
    this.output.on("error", this.onStreamError);
  }

  private take(part: Buffer): void {
    if (part.length === 0) return;
    if (this.dropping) {
      this.dropping.tail = Buffer.concat([this.dropping.tail, part]).subarray(-EDGE);
      return;
    }
    if (this.size + part.length > this.maxBytes) {
      const head = Buffer.concat([...this.chunks, part.subarray(0, EDGE)]).subarray(0, EDGE).toString("utf8");
      this.dropping = { head, tail: Buffer.from(part.subarray(-EDGE)) };
      this.chunks = [];
      this.size = 0;
      return;
    }
    this.chunks.push(Buffer.from(part)); // a copy: the stream may reuse its chunk
    this.size += part.length;
  }

  private endLine(): void {
    if (this.dropping) {
      const { head, tail } = this.dropping;
      this.dropping = null;
      const mb = Math.round(this.maxBytes / 1048576);
      this.reply(rpcErrorMessage(idOfDroppedLine(head, tail.toString("utf8")), ErrorCode.InvalidRequest, `Request too large: a message may be at most ${mb} MB; it was dropped. For big files, pass file_path instead of inline content.`));
      return;
    }
    const line = Buffer.concat(this.chunks).toString("utf8").replace(/\r$/, "");
    this.chunks = [];
    this.size = 0;
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.reply(rpcErrorMessage(null, ErrorCode.ParseError, "Parse error: the message is not valid JSON."));
      return;
    }
    const refused = checkMessage(value);
    if (refused) return this.reply(refused);
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) return this.reply(rpcErrorMessage(null, ErrorCode.InvalidRequest, "Invalid Request: not a JSON-RPC 2.0 message."));
    this.onmessage?.(parsed.data);
  }

  private reply(message: JSONRPCMessage): void {
    void this.send(message).catch(() => undefined);
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.output.write(JSON.stringify(message) + "\n")) resolve();
      else this.output.once("drain", resolve);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off("data", this.onData);
    this.input.off("end", this.onEnd);
    this.input.off("close", this.onEnd);
    this.chunks = [];
    this.dropping = null;
    this.onclose?.();
  }
}
