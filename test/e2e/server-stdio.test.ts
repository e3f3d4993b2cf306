/**
 * The built server over stdio, as Claude Code runs it: nothing but protocol on stdout, logs on stderr
 * without secrets, and a clean exit when the client goes away. Also the `--sandbox` demo mode.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { describe, expect, it } from "vitest";
import { CLI, secretsOf, sharedWorld } from "./support.js";
import { SEED } from "../../src/sandbox/world/ids.js";

const world = sharedWorld();

async function run(args: string[], env: Record<string, string>) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, ...args], env, cwd: world.dir, stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const protocolErrors: Error[] = [];
  const client = new Client({ name: "e2e-stdio", version: "1.0.0" });
  client.onerror = (e) => protocolErrors.push(e);
  await client.connect(transport);
  return { client, transport, stderr: () => stderr, protocolErrors };
}

describe("built server over stdio", () => {
  it("answers tool calls with only protocol on stdout, and logs no secret", async () => {
    const s = await run([], world.env);
    const { tools } = await s.client.listTools();
    expect(tools.length).toBeGreaterThan(10);
    for (const name of ["list_classes", "check_tokens", "whats_due"]) {
      const r = (await s.client.callTool({ name, arguments: {} })) as { isError?: boolean; content: Array<{ text: string }> };
      expect(r.isError ?? false).toBe(false);
      expect(r.content[0]?.text.length).toBeGreaterThan(20);
    }
    // The built extraction worker (dist/bin/worker.js) reads a PDF and a PPTX; PDF.js prints nothing on stdout.
    for (const [id, head] of [[SEED.resources.schedulePdf, "Text of the PDF, pages 1–3 of 3:"], [SEED.resources.slidesPptx, "Text of the presentation, slides 1–3 of 3:"]] as const) {
      const r = (await s.client.callTool({ name: "download_resource", arguments: { resource_id: id, class_ref: "CST-323", inline: true } })) as { isError?: boolean; content: Array<{ text: string }> };
      expect(r.isError ?? false).toBe(false);
      expect(r.content[0]?.text).toContain(head);
    }
    await s.client.close();
    // A non-JSON line on stdout would have surfaced as a parse error here.
    expect(s.protocolErrors).toEqual([]);
    expect(s.stderr()).toMatch(/ready on stdio/);
    for (const secret of secretsOf(world.sandbox)) expect(s.stderr()).not.toContain(secret);
  });

  it("--sandbox serves a simulated student without any login configured", async () => {
    const s = await run(["--sandbox"], { PATH: process.env.PATH ?? "", HOME: world.dir });
    const r = (await s.client.callTool({ name: "list_classes", arguments: {} })) as { content: Array<{ text: string }> };
    expect(r.content[0]?.text).toMatch(/classes/i);
    await s.client.close();
    expect(s.protocolErrors).toEqual([]);
  });

  it("read-only mode offers no write tools", async () => {
    const s = await run(["--read-only"], world.env);
    const names = (await s.client.listTools()).tools.map((t) => t.name);
    await s.client.close();
    expect(names).toContain("list_classes");
    expect(names).not.toContain("submit_assignment");
    expect(names).not.toContain("message_teacher");
  });
});
