/** The one write flow (writeTool) around a scripted plan: what runs, what is asked, what is logged, what is closed. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { StudentAnswer, ToolContext } from "../../src/queries/context.js";
import type { ToolReply } from "../../src/tools/define.js";
import { ToolError } from "../../src/queries/tool-error.js";
import { confirmations } from "../../src/writes/confirm.js";
import { CONSENT_NOTE, writeTool, type Planned } from "../../src/writes/consent.js";
import { auditLines, tokenOf } from "./support.js";

const NOW = new Date("2026-11-21T17:00:00Z");

function rig(opts: { ask?: (m: string) => Promise<StudentAnswer>; run?: () => Promise<ToolReply>; plan?: () => Planned } = {}) {
  const events: string[] = [];
  const warnings: string[] = [];
  const asked: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "consent-"));
  const tool = writeTool({
    name: "poke_halo",
    title: "Poke",
    description: "Pokes Halo.",
    input: z.object({ what: z.string().describe("what to poke") }),
    kind: "write",
    plan: async () =>
      opts.plan?.() ?? {
        audit: { class: "CST-323-X", thread: "t1" },
        preview: ["Poke \"it\" in CST-323.", "Second line."],
        state: { n: 1 },
        nothing: "poked",
        run: async () => (events.push("run"), opts.run ? opts.run() : "Poked."),
        close: async () => void events.push("close"),
      },
  });
  const ctx = {
    stateDir: dir,
    now: () => NOW,
    log: { warn: (m: string) => void warnings.push(m), error: () => undefined },
    ask: opts.ask ? (m: string) => (asked.push(m), opts.ask!(m)) : undefined,
  } as unknown as ToolContext;
  const call = (args: Record<string, unknown>) => tool.handler(args, ctx);
  return { tool, call, events, warnings, asked, dir };
}

describe("writeTool", () => {
  it("appends the consent note to the description and adds an optional confirm_token", () => {
    const { tool } = rig();
    expect(tool.description).toBe(`Pokes Halo. ${CONSENT_NOTE}`);
    expect(tool.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    expect(tool.input.safeParse({ what: "x" }).success).toBe(true);
    expect(tool.input.parse({ what: "x", confirm_token: "  tok  " })).toEqual({ what: "x", confirm_token: "tok" });
    expect(tool.input.safeParse({ what: "x", confirm_token: "   " }).success).toBe(false);
    expect(tool.input.safeParse({ what: "x", confirm_token: "t".repeat(201) }).success).toBe(false);
    expect(tool.input.safeParse({ what: "x", confirm_token: "t".repeat(200) }).success).toBe(true);
  });

  it("previews without running, then runs once with the token, closing what the plan opened each time", async () => {
    const r = rig();
    const preview = (await r.call({ what: "x" })) as string;
    const token = tokenOf(preview);
    expect(preview).toBe(
      [
        "PREVIEW — nothing has been poked yet.",
        'Poke "it" in CST-323.',
        "Second line.",
        "Approval: this client cannot ask the student directly (no MCP elicitation), so it goes through you with a confirm token.",
        "Show this preview to the student and get their explicit approval. Only then call poke_halo again with exactly the same arguments plus this token (single use, valid 10 minutes):",
        `confirm_token: ${token}`,
      ].join("\n"),
    );
    expect(r.events).toEqual(["close"]);
    expect(await r.call({ what: "x", confirm_token: token })).toBe("Poked.");
    expect(r.events).toEqual(["close", "run", "close"]);
    expect(auditLines(r.dir).map((l) => [l.tool, l.outcome, l.via, l.class, l.thread])).toEqual([
      ["poke_halo", "preview", "token", "CST-323-X", "t1"],
      ["poke_halo", "confirmed", "token", "CST-323-X", "t1"],
    ]);
  });

  it("refuses a bad, changed or spent token with its reason in the audit, never running", async () => {
    const r = rig();
    const token = tokenOf((await r.call({ what: "x" })) as string);
    await expect(r.call({ what: "x", confirm_token: "nonsense" })).rejects.toThrow(new ToolError("That confirm_token is not one this server issued. Nothing was poked. Call the tool again without confirm_token to get a fresh preview, show it to the student, and confirm only after they approve."));
    await expect(r.call({ what: "y", confirm_token: token })).rejects.toThrow(/^That confirm_token does not match this exact request/);
    expect(await r.call({ what: "x", confirm_token: token })).toBe("Poked.");
    await expect(r.call({ what: "x", confirm_token: token })).rejects.toThrow(/^That confirm_token was already used/);
    expect(r.events.filter((e) => e === "run")).toHaveLength(1);
    expect(auditLines(r.dir).filter((l) => l.outcome === "refused").map((l) => [l.reason, l.via])).toEqual([
      ["confirm token malformed", "token"],
      ["confirm token mismatch", "token"],
      ["confirm token used", "token"],
    ]);
  });

  it("closes the plan even when the write itself throws", async () => {
    const r = rig({ ask: async () => "accept", run: async () => { throw new ToolError("Halo said no"); } });
    await expect(r.call({ what: "x" })).rejects.toThrow("Halo said no");
    expect(r.events).toEqual(["run", "close"]);
  });

  it("asks the student directly when the client can, and ignores the model's token", async () => {
    const r = rig({ ask: async () => "accept" });
    expect(await r.call({ what: "x", confirm_token: confirmations.issue({ tool: "poke_halo", args: { what: "x" }, state: { n: 1 } }, NOW) })).toBe("Poked.");
    expect(r.asked).toEqual(['halo-lms-mcp asks YOU to approve this (your assistant cannot approve it for you):\nPoke "it" in CST-323.\nSecond line.\nApprove only if this is exactly what you want. Declining changes nothing.']);
    expect(auditLines(r.dir).map((l) => [l.outcome, l.via])).toEqual([["confirmed", "elicitation"]]);
  });

  it("changes nothing when the student declines or cancels, or cannot be asked", async () => {
    const declined = rig({ ask: async () => "decline" });
    expect(await declined.call({ what: "x" })).toBe("The student declined this when their client asked them. Nothing was poked. Do not try again unless they ask for it.");
    const cancelled = rig({ ask: async () => "cancel" });
    expect(await cancelled.call({ what: "x" })).toBe("The student cancelled this when their client asked them. Nothing was poked. Do not try again unless they ask for it.");
    const broken = rig({ ask: async () => { throw new Error("no dialog"); } });
    expect(await broken.call({ what: "x" })).toEqual({ text: "Could not ask the student to approve this: their client did not answer the approval request. Nothing was poked. Ask them to try again.", isError: true });
    expect(broken.warnings).toEqual(["poke_halo: asking the student failed"]);
    for (const r of [declined, cancelled, broken]) expect(r.events).toEqual(["close"]);
    expect([declined, cancelled, broken].map((r) => auditLines(r.dir).map((l) => [l.outcome, l.reason, l.via]))).toEqual([
      [["refused", "student declined", "elicitation"]],
      [["refused", "student cancelled", "elicitation"]],
      [["refused", "student could not be asked", "elicitation"]],
    ]);
  });

  it("returns an answer that needs no write as it is, asking nobody and logging nothing", async () => {
    const r = rig({ ask: async () => "accept", plan: () => '"It" is already poked. Nothing changed.' });
    expect(await r.call({ what: "x" })).toBe('"It" is already poked. Nothing changed.');
    expect(r.asked).toEqual([]);
    const flagged = rig({ ask: async () => "accept", plan: () => ({ text: "Halo shows nothing to poke.", isError: true }) });
    expect(await flagged.call({ what: "x" })).toEqual({ text: "Halo shows nothing to poke.", isError: true });
    expect(flagged.asked).toEqual([]);
    expect([...auditLines(r.dir), ...auditLines(flagged.dir)]).toEqual([]);
  });
});
