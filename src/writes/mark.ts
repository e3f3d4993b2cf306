/**
 * The marking writes (acknowledge_announcement, mark_grade_seen) share one shape: send the mark, then read Halo
 * again. Only a re-read that shows the change counts as done, and every outcome lands in the audit log.
 */
import type { ToolContext } from "../queries/context.js";
import { ToolError } from "../queries/tool-error.js";
import { auditLog, type AuditEntry } from "./audit.js";
import { failureReason } from "./upload.js";

export interface Mark<T> {
  entry: Omit<AuditEntry, "outcome">;
  send: () => Promise<unknown>;
  /** The tool error when Halo refuses the mark, given the reason in words. */
  refused: (reason: string) => string;
  reread: () => Promise<T | undefined>;
  shows: (after: T) => boolean;
}

/** The re-read record once Halo shows the change; undefined (audited as unverified) while it does not. */
export async function markThenVerify<T>(ctx: ToolContext, m: Mark<T>): Promise<T | undefined> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  try {
    await m.send();
  } catch (e) {
    await audit.append({ ...m.entry, outcome: "failed", step: "mark" });
    throw new ToolError(m.refused(failureReason(ctx, e)));
  }
  ctx.cache.invalidate();
  const after = await m.reread().catch(() => undefined);
  if (!after || !m.shows(after)) {
    await audit.append({ ...m.entry, outcome: "unverified", step: "verify" });
    return undefined;
  }
  await audit.append({ ...m.entry, outcome: "succeeded" });
  return after;
}
