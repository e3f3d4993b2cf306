/**
 * The one write flow. Every write tool is made by `writeTool`, which gives it the confirm_token argument,
 * the consent text in its description, and this sequence: the write plans itself (reads Halo, refuses what
 * it must, builds the preview), then the STUDENT approves that exact preview, then it runs.
 *
 * How the student approves depends on the client, never on the write:
 * - the client supports MCP elicitation: the student is asked inside this very call, and the model's
 *   confirm_token counts for nothing (an injected model could confirm itself with it);
 * - otherwise: the preview goes back with a single-use token bound to the arguments and the Halo state it
 *   showed, and the model must bring it back after the student approved.
 */
import { z } from "zod";
import type { ToolContext } from "../queries/context.js";
import { defineTool, type AnyZodObject, type ToolDef, type ToolReply } from "../tools/define.js";
import { ToolError } from "../queries/tool-error.js";
import { auditLog, type AuditEntry } from "./audit.js";
import { confirmations, tokenProblem, type Binding } from "./confirm.js";

export interface WritePlan {
  /** Identifies the write in the audit log (the tool name and outcome are added here). */
  audit: Omit<AuditEntry, "tool" | "outcome">;
  /** What will happen, one fact per line, every name already passed through `shown`. */
  preview: string[];
  /** The Halo (and file) state the preview showed; a token is valid only while it is unchanged. */
  state: unknown;
  /** Past participle for "Nothing was ...": sent, uploaded, submitted, changed. */
  nothing: string;
  /** The write itself; runs only after approval. */
  run: () => Promise<ToolReply>;
  /** Frees what planning opened (a file handle), whatever happened. */
  close?: () => Promise<void>;
}

/** A plan, or an answer that needs no write (already acknowledged, already seen). */
export type Planned = WritePlan | ToolReply;

const isPlan = (p: Planned): p is WritePlan => typeof p === "object" && "run" in p;

export interface WriteToolSpec<S extends AnyZodObject> {
  name: string;
  title: string;
  /** What the tool does and when to use it; the consent text is appended. */
  description: string;
  input: S;
  kind: "write" | "destructive";
  idempotent?: boolean;
  plan: (args: z.infer<S>, ctx: ToolContext) => Promise<Planned>;
}

export const CONSENT_NOTE =
  "Needs the student's approval: their client asks them during the call (MCP elicitation), or else the first call only returns a PREVIEW and a confirm_token, changing nothing; " +
  "show the student the preview and, only after they explicitly approve, call again with the same arguments plus confirm_token.";

const confirmToken = z
  .string().trim().min(1).max(200).optional()
  .describe("From this tool's preview, only once the student approved it.");

export function writeTool<S extends AnyZodObject>(spec: WriteToolSpec<S>): ToolDef {
  return defineTool({
    name: spec.name,
    title: spec.title,
    description: `${spec.description} ${CONSENT_NOTE}`,
    input: spec.input.extend({ confirm_token: confirmToken }),
    kind: spec.kind,
    idempotent: spec.idempotent,
    handler: ({ confirm_token, ...args }, ctx) => approvedWrite(spec, args as z.infer<S>, confirm_token as string | undefined, ctx),
  });
}

/** Past this the elicitation is treated as unanswered (the token's lifetime, for the same reason). */
export const ASK_TIMEOUT_MS = 10 * 60_000;

async function approvedWrite<S extends AnyZodObject>(spec: WriteToolSpec<S>, args: z.infer<S>, token: string | undefined, ctx: ToolContext): Promise<ToolReply> {
  const planned = await spec.plan(args, ctx);
  if (!isPlan(planned)) return planned;
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const entry = { tool: spec.name, ...planned.audit };
  const nothing = `Nothing was ${planned.nothing}.`;
  try {
    if (ctx.ask) {
      let answer;
      try {
        answer = await ctx.ask(elicitationText(planned));
      } catch (e) {
        ctx.log.warn(`${spec.name}: asking the student failed`, e);
        await audit.append({ ...entry, outcome: "refused", reason: "student could not be asked", via: "elicitation" });
        return { text: `Could not ask the student to approve this: their client did not answer the approval request. ${nothing} Ask them to try again.`, isError: true };
      }
      if (answer !== "accept") {
        await audit.append({ ...entry, outcome: "refused", reason: `student ${answer === "decline" ? "declined" : "cancelled"}`, via: "elicitation" });
        return `The student ${answer === "decline" ? "declined" : "cancelled"} this when their client asked them. ${nothing} Do not try again unless they ask for it.`;
      }
      await audit.append({ ...entry, outcome: "confirmed", via: "elicitation" });
      return await planned.run();
    }
    const binding: Binding = { tool: spec.name, args, state: planned.state };
    const refuse = async (reason: string, text: string): Promise<never> => {
      await audit.append({ ...entry, outcome: "refused", reason, via: "token" });
      throw new ToolError(text);
    };
    if (!token) {
      const issued = confirmations.issue(binding, ctx.now());
      await audit.append({ ...entry, outcome: "preview", via: "token" });
      return tokenPreview(spec.name, planned, issued);
    }
    const check = confirmations.check(token, binding, ctx.now());
    if (!check.ok) await refuse(`confirm token ${check.reason}`, tokenProblem(check.reason, planned.nothing));
    // Stryker disable next-line StringLiteral: unreachable in one process (no await between check and consume); kept in case that changes
    if (!confirmations.consume(token, ctx.now())) await refuse("confirm token used", tokenProblem("used", planned.nothing));
    await audit.append({ ...entry, outcome: "confirmed", via: "token" });
    return await planned.run();
  } finally {
    await planned.close?.();
  }
}

function tokenPreview(tool: string, p: WritePlan, token: string): string {
  return [
    `PREVIEW — nothing has been ${p.nothing} yet.`,
    ...p.preview,
    "Approval: this client cannot ask the student directly (no MCP elicitation), so it goes through you with a confirm token.",
    `Show this preview to the student and get their explicit approval. Only then call ${tool} again with exactly the same arguments plus this token (single use, valid 10 minutes):`,
    `confirm_token: ${token}`,
  ].join("\n");
}

function elicitationText(p: WritePlan): string {
  return [
    "halo-lms-mcp asks YOU to approve this (your assistant cannot approve it for you):",
    ...p.preview,
    "Approve only if this is exactly what you want. Declining changes nothing.",
  ].join("\n");
}
