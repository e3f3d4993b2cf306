/** Shared bits for the write tools' harness tests. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AUDIT_FILE } from "../../src/writes/audit.js";

export function tokenOf(text: string): string {
  const m = /^confirm_token: (\S+)$/m.exec(text);
  if (!m) throw new Error(`no confirm_token line in:\n${text}`);
  return m[1]!;
}

export interface AuditLine {
  time: string;
  tool: string;
  outcome: string;
  class?: string;
  assessment?: string;
  thread?: string;
  step?: string;
  reason?: string;
  file?: { name: string; size: number };
}

export function auditLines(dir: string): AuditLine[] {
  const file = path.join(dir, AUDIT_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as AuditLine);
}

export function auditText(dir: string): string {
  const file = path.join(dir, AUDIT_FILE);
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** Calls that reached Halo's write side (orchestration REST or the object store) or the attach mutation. */
export function writeCalls(calls: ReadonlyArray<{ service: string; operationName?: string; path: string }>): string[] {
  return calls
    .filter((c) => c.service === "orchestration" || c.service === "store" || c.operationName === "BulkAddAssignmentSubmissionResource")
    .map((c) => `${c.service} ${c.operationName ?? c.path}`);
}

interface PreviewHarness {
  call(name: string, args?: Record<string, unknown>): Promise<{ text: string; isError: boolean }>;
  context: import("../../src/tools/context.js").ToolContext;
}

/**
 * A preview through the real client, and its token. If the server's output redaction hid the token (a bug
 * tracked by "shows the token to the client"), a second preview straight through the handler supplies one,
 * so the rest of the flow is still exercised.
 */
export async function previewToken(h: PreviewHarness, tool: string, args: Record<string, unknown>): Promise<{ text: string; token: string }> {
  const r = await h.call(tool, args);
  if (r.isError) throw new Error(`preview failed: ${r.text}`);
  const token = tokenOf(r.text);
  if (token !== "[redacted]") return { text: r.text, token };
  const { allTools } = await import("../../src/tools/registry.js");
  const def = allTools().find((t) => t.name === tool)!;
  const reply = await def.handler(def.input.parse(args) as Record<string, unknown>, h.context);
  return { text: r.text, token: tokenOf(typeof reply === "string" ? reply : reply.text) };
}

/** Outcomes in order, with back-to-back previews (see previewToken) counted once. */
export function outcomes(dir: string, tool?: string): string[] {
  const all = auditLines(dir).filter((l) => !tool || l.tool === tool).map((l) => l.outcome);
  return all.filter((o, i) => !(o === "preview" && all[i - 1] === "preview"));
}
