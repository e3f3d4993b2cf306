/**
 * Append-only record of every write attempt, beside the config file, so a student can see afterwards what
 * the assistant did in their name. It holds identifiers and outcomes only: never message bodies, confirm
 * tokens or file contents (a file's name and size are fine).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { LOCAL_FILES } from "../config/local-files.js";
import type { Logger } from "../log.js";

export const AUDIT_FILE = LOCAL_FILES.audit;

export type AuditOutcome = "preview" | "confirmed" | "started" | "refused" | "failed" | "succeeded" | "unverified";

export interface AuditEntry {
  tool: string;
  outcome: AuditOutcome;
  /** Class slug. */
  class?: string;
  assessment?: string;
  thread?: string;
  /** For failures: which step (presign, upload, attach, status, submit, send, verify). */
  step?: string;
  /** Our own short reason text; never user content. */
  reason?: string;
  file?: { name: string; size: number };
  files?: number;
  draft?: boolean;
  /** How the student was asked: directly (MCP elicitation) or through the model with a confirm token. */
  via?: "elicitation" | "token";
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
}

/** Writes one JSON line per entry; the file is created 0600 and kept so even if something loosened it. */
export function auditLog(stateDir: string, now: () => Date, log?: Logger): AuditLog {
  const file = path.join(stateDir, AUDIT_FILE);
  return {
    async append(entry) {
      const line = JSON.stringify({ time: now().toISOString(), ...entry }) + "\n";
      try {
        await fs.mkdir(stateDir, { recursive: true, mode: 0o700 });
        const fh = await fs.open(file, "a", 0o600);
        try {
          await fh.chmod(0o600);
          // Stryker disable next-line StringLiteral: an empty encoding falls back to utf8
          await fh.appendFile(line, "utf8");
        } finally {
          await fh.close();
        }
      } catch (e) {
        // The write itself already happened or is about to; a missing log line must not hide its result.
        log?.warn(`could not append to the audit log ${file}`, e);
      }
    },
  };
}
