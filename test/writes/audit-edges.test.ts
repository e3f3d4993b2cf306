/** The audit log never breaks a write: no logger, an unwritable folder, and no file handles left open. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_FILE, auditLog } from "../../src/writes/audit.js";

describe("audit log edges", () => {
  it("names the file it could not write, and works without a logger", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "audit-edges-"));
    writeFileSync(path.join(dir, "blocker"), "");
    const blocked = path.join(dir, "blocker");
    const warnings: Array<[string, unknown]> = [];
    await auditLog(blocked, () => new Date(), { warn: (m: string, e: unknown) => void warnings.push([m, e]) } as never).append({ tool: "t", outcome: "refused" });
    expect(warnings).toEqual([[`could not append to the audit log ${path.join(blocked, AUDIT_FILE)}`, expect.objectContaining({ code: "EEXIST" })]]);
    await expect(auditLog(blocked, () => new Date()).append({ tool: "t", outcome: "refused" })).resolves.toBeUndefined();
  });

  it("creates a missing state folder private to the student", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "audit-edges-")), "a", "b");
    await auditLog(dir, () => new Date()).append({ tool: "t", outcome: "preview" });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!existsSync("/proc/self/fd"))("closes the file after every line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "audit-edges-"));
    const log = auditLog(dir, () => new Date("2026-11-21T17:00:00Z"));
    await log.append({ tool: "t", outcome: "preview" });
    const open = readdirSync("/proc/self/fd").length;
    for (let i = 0; i < 20; i++) await log.append({ tool: "t", outcome: "succeeded" });
    expect(readdirSync("/proc/self/fd").length).toBe(open);
    expect(readFileSync(path.join(dir, AUDIT_FILE), "utf8").trim().split("\n")).toHaveLength(21);
  });
});
