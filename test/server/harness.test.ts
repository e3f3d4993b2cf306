import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { runTool } from "../../src/server/server.js";
import { defineTool } from "../../src/tools/define.js";
import { ToolError } from "../../src/queries/tool-error.js";
import { HaloError } from "../../src/halo/errors.js";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("server through a real MCP client", () => {
  it("lists tools with annotations and JSON schemas", async () => {
    h = await startHarness();
    const { tools } = await h.client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    for (const t of tools) {
      expect(t.annotations?.readOnlyHint, t.name).toBeTypeOf("boolean");
      expect(t.inputSchema.type).toBe("object");
    }
  });

  it("read-only mode hides every write tool", async () => {
    h = await startHarness({ readOnly: true });
    const { tools } = await h.client.listTools();
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
  });

  it("fetches the class list once for read and cross-class tools alike", async () => {
    h = await startHarness();
    await h.call("list_classes");
    await h.call("whats_due");
    await h.call("view_assignments", { class_ref: "ENG-106" });
    const lists = h.sandbox.stats.calls.filter((c) => c.operationName === "GetCourseClassesForUser");
    expect(lists).toHaveLength(1);
  });

  it("resolves classes lazily against the student's own list", async () => {
    h = await startHarness();
    const cls = await h.context.classes.resolve("CST-323");
    expect(cls.stage).toBe("CURRENT");
    await expect(h.context.classes.resolve("no-such-class-xyz")).rejects.toThrow(/Your classes:/);
  });
});

describe("runTool error channels", () => {
  const ctx = { config: { toolDeadlineMs: 50_000 } } as never;
  const tool = (handler: () => Promise<string>) =>
    defineTool({ name: "t", title: "T", description: "a test tool", kind: "read", input: z.object({ n: z.number().int().max(3).describe("a number") }), handler });

  it("turns bad input into an isError result naming the field", async () => {
    const r = await runTool(tool(async () => "ok"), { n: 9 }, ctx);
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toMatch(/^Invalid input for t: n: .*Nothing was changed/);
  });

  it("passes expected failures through and hides real bugs", async () => {
    expect((await runTool(tool(async () => { throw new ToolError("do X first"); }), { n: 1 }, ctx)).content[0]!.text).toBe("do X first");
    const access = await runTool(tool(async () => { throw new HaloError("access", "Permission Evaluator exception on Class : 1"); }), { n: 1 }, ctx);
    expect(access.content[0]!.text).toMatch(/not available to you/);
    const bug = await runTool(tool(async () => { throw new TypeError("x is undefined at /src/secret/path.ts:12"); }), { n: 1 }, ctx);
    expect(bug.isError).toBe(true);
    expect(bug.content[0]!.text).not.toMatch(/TypeError|path\.ts/);
  });
});
