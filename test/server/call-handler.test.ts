import { describe, expect, it } from "vitest";
import { z } from "zod";
import { installCallHandler } from "../../src/server/call-handler.js";
import { defineTool } from "../../src/tools/define.js";
import type { ToolContext } from "../../src/queries/context.js";
import { IdBook } from "../../src/queries/id-book.js";

type Handler = (req: unknown, extra: unknown) => Promise<{ content: Array<{ text: string }>; isError?: boolean }>;

function install(capabilities?: Record<string, unknown>) {
  let handler: Handler | undefined;
  const fakeServer = { setRequestHandler: (_schema: unknown, h: Handler) => void (handler = h), getClientCapabilities: () => capabilities };
  const tool = defineTool({
    name: "count", title: "Count", description: "counts to n with progress", kind: "read",
    input: z.object({ n: z.number().int().min(1).describe("how far") }),
    handler: async ({ n }, ctx) => {
      for (let i = 1; i <= n; i++) await ctx.progress(i, n, `step ${i}`);
      return `counted to ${n}${ctx.ask ? `; the student answered ${await ctx.ask("count?")}` : ""}`;
    },
  });
  const base = { ids: new IdBook(), config: { timezone: "America/Phoenix", toolDeadlineMs: 50_000 }, now: () => new Date("2026-11-21T17:00:00Z") };
  installCallHandler(fakeServer as never, new Map([[tool.name, tool]]), base as unknown as ToolContext);
  return handler!;
}

describe("direct tools/call handler", () => {
  it("runs the tool, validates input and forwards progress to the client's token", async () => {
    const h = install();
    const sent: unknown[] = [];
    const extra = { signal: new AbortController().signal, sendNotification: async (n: unknown) => void sent.push(n) };
    const ok = await h({ params: { name: "count", arguments: { n: 2 }, _meta: { progressToken: "p1" } } }, extra);
    expect(ok.content[0]!.text).toBe("counted to 2");
    expect(sent).toEqual([
      { method: "notifications/progress", params: { progressToken: "p1", progress: 1, total: 2, message: "step 1" } },
      { method: "notifications/progress", params: { progressToken: "p1", progress: 2, total: 2, message: "step 2" } },
    ]);
    const bad = await h({ params: { name: "count", arguments: { n: 0 } } }, extra);
    expect(bad.isError).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it("sends no progress without a token and rejects unknown tools", async () => {
    const h = install();
    const sent: unknown[] = [];
    const extra = { signal: new AbortController().signal, sendNotification: async (n: unknown) => void sent.push(n) };
    await h({ params: { name: "count", arguments: { n: 3 } } }, extra);
    expect(sent).toEqual([]);
    await expect(h({ params: { name: "nope", arguments: {} } }, extra)).rejects.toThrow(/Unknown tool: nope/);
  });

  it("gives tools a way to ask the student only when the client declared elicitation, sent on this request", async () => {
    const sent: unknown[] = [];
    const extra = {
      signal: new AbortController().signal,
      sendNotification: async () => undefined,
      sendRequest: async (req: unknown) => (sent.push(req), { action: "decline" }),
    };
    const without = await install({})({ params: { name: "count", arguments: { n: 1 } } }, extra);
    expect(without.content[0]!.text).toBe("counted to 1");
    const withIt = await install({ elicitation: { form: {} } })({ params: { name: "count", arguments: { n: 1 } } }, extra);
    expect(withIt.content[0]!.text).toBe("counted to 1; the student answered decline");
    expect(sent).toEqual([{ method: "elicitation/create", params: { mode: "form", message: "count?", requestedSchema: { type: "object", properties: {} } } }]);
  });
});
