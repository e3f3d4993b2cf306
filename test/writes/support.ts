/** Shared bits for the write tools' harness tests. */
import type { AuditEntry } from "../../src/writes/audit.js";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AUDIT_FILE } from "../../src/writes/audit.js";
import { http } from "msw";

export function tokenOf(text: string): string {
  const m = /^confirm_token: (\S+)$/m.exec(text);
  if (!m) throw new Error(`no confirm_token line in:\n${text}`);
  return m[1]!;
}

/** A line as written: the entry plus its time. */
export type AuditLine = AuditEntry & { time: string };

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

/** A preview through the real client, and the token it shows. */
export async function previewToken(
  h: { call(name: string, args?: Record<string, unknown>): Promise<{ text: string; isError: boolean }> },
  tool: string,
  args: Record<string, unknown>,
): Promise<{ text: string; token: string }> {
  const r = await h.call(tool, args);
  if (r.isError) throw new Error(`preview failed: ${r.text}`);
  return { text: r.text, token: tokenOf(r.text) };
}

/** Audit outcomes in order, optionally for one tool. */
export function outcomes(dir: string, tool?: string): string[] {
  return auditLines(dir).filter((l) => !tool || l.tool === tool).map((l) => l.outcome);
}

/** The token flow as a student who approves: preview, then the same call with its token. */
export async function approved(
  h: { call(name: string, args?: Record<string, unknown>): Promise<{ text: string; isError: boolean }> },
  tool: string,
  args: Record<string, unknown>,
): Promise<{ text: string; isError: boolean; preview: string }> {
  const { text: preview, token } = await previewToken(h, tool, args);
  return { ...(await h.call(tool, { ...args, confirm_token: token })), preview };
}

/**
 * An msw handler to put in front of the sandbox: records the variables of one gateway operation and, when
 * `answer` gives a response, answers in Halo's place (otherwise the sandbox answers).
 */
export function onOperation(operationName: string, seen: unknown[], answer?: () => Response | undefined) {
  return http.post(/^https:\/\/gateway\.sandbox\.test\//, async ({ request }) => {
    const body = (await request.clone().json()) as { operationName?: string; variables?: unknown };
    if (body.operationName !== operationName) return undefined;
    seen.push(body.variables);
    return answer?.();
  });
}
