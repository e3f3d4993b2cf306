/**
 * The built server's stdio channel under a hostile or clumsy client: a message over the size limit, invalid
 * JSON, NaN, a batch and non-object arguments each get a JSON-RPC error reply, the server keeps reading, and
 * it exits once stdin closes. An inline upload the tool allows fits through the transport.
 */
import { describe, expect, it } from "vitest";
import { MESSAGE_MAX_BYTES } from "../../src/config/limits.js";
import { SEED } from "../../src/sandbox/world/ids.js";
import { INLINE_MAX_BYTES } from "../../src/writes/source.js";
import { sharedWorld, spawnServer } from "./support.js";

const world = sharedWorld();

interface Reply {
  id?: string | number | null;
  result?: { content?: Array<{ text: string }>; isError?: boolean; tools?: unknown[] };
  error?: { code: number; message: string };
}

/** The spawned server as a raw line protocol: write lines, collect every reply. */
function rawSession() {
  const s = spawnServer([], world.env, world.dir);
  const replies: Reply[] = [];
  let pending = "";
  const waiters: Array<() => void> = [];
  s.child.stdout?.on("data", (d: Buffer) => {
    pending += d.toString();
    for (let nl = pending.indexOf("\n"); nl !== -1; nl = pending.indexOf("\n")) {
      replies.push(JSON.parse(pending.slice(0, nl)) as Reply);
      pending = pending.slice(nl + 1);
    }
    waiters.forEach((w) => w());
  });
  const send = (line: string) => void s.child.stdin?.write(line + "\n");
  const until = (pred: (r: Reply[]) => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ${what}; replies: ${JSON.stringify(replies).slice(0, 2000)}\n${s.stderr()}`)), 30_000);
      const check = () => {
        if (pred(replies)) {
          clearTimeout(t);
          resolve();
        }
      };
      waiters.push(check);
      check();
    });
  const byId = async (id: number) => {
    await until((r) => r.some((x) => x.id === id), `reply to id ${id}`);
    return replies.find((x) => x.id === id)!;
  };
  send(JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } }));
  send(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
  return { s, replies, send, until, byId };
}

const call = (id: number, name: string, args: unknown) => JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });

describe("stdio protocol robustness (built server)", () => {
  it("answers malformed messages with JSON-RPC errors and keeps serving", async () => {
    const { s, replies, send, until, byId } = rawSession();
    await byId(0);
    send("{not json");
    send('{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{"cursor":NaN}}');
    send(JSON.stringify([{ jsonrpc: "2.0", id: 3, method: "tools/list" }]));
    send(JSON.stringify({ jsonrpc: "2.0", id: 4, method: "tools/call", params: { name: "list_classes", arguments: "CST-323" } }));
    send(JSON.stringify({ jsonrpc: "2.0", id: 5, method: "tools/call", params: { name: "list_classes", arguments: [1, 2] } }));
    await until((r) => r.filter((x) => x.id === null).length >= 3, "three id-less errors");
    const anonymous = replies.filter((x) => x.id === null).map((x) => x.error);
    expect(anonymous).toEqual([
      { code: -32700, message: "Parse error: the message is not valid JSON." },
      { code: -32700, message: "Parse error: the message is not valid JSON." },
      { code: -32600, message: "Invalid Request: JSON-RPC batches are not supported; send one message at a time." },
    ]);
    expect((await byId(4)).error).toEqual({ code: -32602, message: "Invalid params: arguments for list_classes must be a JSON object of named values, not string." });
    expect((await byId(5)).error?.message).toMatch(/must be a JSON object of named values, not an array\.$/);
    // No schema dump anywhere.
    expect(JSON.stringify(replies)).not.toMatch(/zod|"path":|invalid_type/i);
    // The batch's inner request was never run.
    expect(replies.some((x) => x.id === 3)).toBe(false);
    send(call(6, "list_classes", {}));
    expect((await byId(6)).result?.content?.[0]?.text).toMatch(/CST-323/);
    s.child.stdin?.end();
    expect(await s.exit).toBe(0);
  });

  it("drops a message over the size limit with an error for its id, then answers the next call", async () => {
    const { s, send, byId } = rawSession();
    await byId(0);
    // The SDK client's key order: id last. 1 MB past the limit, sent in many chunks.
    const big = JSON.stringify({ method: "tools/call", params: { name: "list_classes", arguments: { pad: "x".repeat(MESSAGE_MAX_BYTES + 1024 * 1024) } }, jsonrpc: "2.0", id: 7 });
    send(big);
    const refused = await byId(7);
    expect(refused.error?.code).toBe(-32600);
    expect(refused.error?.message).toMatch(/^Request too large: a message may be at most 16 MB; it was dropped\./);
    send(call(8, "list_classes", {}));
    expect((await byId(8)).result?.content?.[0]?.text).toMatch(/CST-323/);
    s.child.stdin?.end();
    expect(await s.exit).toBe(0);
  });

  it("carries an inline upload just under the tool's own limit to the tool", async () => {
    const { s, send, byId } = rawSession();
    await byId(0);
    const bytes = Buffer.alloc(INLINE_MAX_BYTES - 1024, 7);
    send(call(9, "upload_assignment_file", { class_ref: "CST-323", assessment_id: SEED.assessments.upload, file_name: "big.pdf", content_base64: bytes.toString("base64") }));
    const r = await byId(9);
    // Whatever the tool decides, it is the tool's answer, not a transport refusal.
    expect(r.error).toBeUndefined();
    expect(r.result?.content?.[0]?.text.length).toBeGreaterThan(10);
    s.child.stdin?.end();
    expect(await s.exit).toBe(0);
  });
});
