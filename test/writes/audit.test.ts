import { mkdtempSync, readFileSync, statSync, chmodSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_FILE, auditLog } from "../../src/writes/audit.js";

describe("audit log", () => {
  it("appends JSON lines with the time, mode 0600, creating the directory", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "audit-")), "state");
    const log = auditLog(dir, () => new Date("2026-11-20T17:00:00Z"));
    await log.append({ tool: "submit_assignment", outcome: "preview", class: "CST-323-O500", assessment: "a1", files: 2 });
    await log.append({ tool: "upload_assignment_file", outcome: "failed", step: "upload", file: { name: "essay.docx", size: 1234 } });
    const file = path.join(dir, AUDIT_FILE);
    const lines = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { time: "2026-11-20T17:00:00.000Z", tool: "submit_assignment", outcome: "preview", class: "CST-323-O500", assessment: "a1", files: 2 },
      { time: "2026-11-20T17:00:00.000Z", tool: "upload_assignment_file", outcome: "failed", step: "upload", file: { name: "essay.docx", size: 1234 } },
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("tightens a log file someone loosened", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "audit-"));
    const file = path.join(dir, AUDIT_FILE);
    writeFileSync(file, "");
    chmodSync(file, 0o644);
    await auditLog(dir, () => new Date()).append({ tool: "t", outcome: "refused" });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("never throws when the log cannot be written", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "audit-"));
    writeFileSync(path.join(dir, "blocker"), "");
    const warnings: string[] = [];
    const log = auditLog(path.join(dir, "blocker"), () => new Date(), { warn: (m: string) => warnings.push(m) } as never);
    await expect(log.append({ tool: "t", outcome: "refused" })).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});
