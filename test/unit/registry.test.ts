import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allTools, toolsFor } from "../../src/tools/registry.js";
import { renderToolTable, TABLE_END, TABLE_START } from "../../src/tools/table.js";
import { CONSENT_NOTE } from "../../src/writes/consent.js";

const tools = allTools();

describe("tool registry", () => {
  it("has tools", () => {
    expect(tools.length).toBeGreaterThan(0);
  });

  it.each(tools.map((t) => [t.name, t] as const))("%s has a described schema and annotations that match its kind", (_n, t) => {
    expect(t.name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(t.description.length).toBeGreaterThan(20);
    const json = z.toJSONSchema(t.input, { io: "input" }) as { properties?: Record<string, { description?: string }> };
    for (const [field, schema] of Object.entries(json.properties ?? {})) {
      expect(schema.description, `${t.name}.${field} needs .describe()`).toBeTruthy();
    }
    const a = t.annotations;
    expect(a.title).toBeTruthy();
    expect(a.readOnlyHint).toBe(t.kind === "read");
    expect(a.destructiveHint).toBe(t.kind === "destructive");
    if (t.kind === "read") expect(a.idempotentHint).toBe(true);
    if (t.kind === "destructive") expect(a.idempotentHint).toBe(false);
    expect(typeof a.openWorldHint).toBe("boolean");
  });

  it("every write asks the student through the one consent flow (confirm_token argument and consent text derived)", () => {
    const writes = tools.filter((t) => t.kind !== "read");
    expect(writes.map((t) => t.name).sort()).toEqual(["acknowledge_announcement", "mark_grade_seen", "message_teacher", "submit_assignment", "upload_assignment_file"]);
    for (const t of writes) {
      expect(t.input.shape.confirm_token, t.name).toBeDefined();
      expect(t.description.endsWith(CONSENT_NOTE), t.name).toBe(true);
    }
    expect(tools.filter((t) => t.kind === "read" && "confirm_token" in t.input.shape)).toEqual([]);
  });

  it("read-only mode keeps only read tools", () => {
    const ro = toolsFor(true);
    expect(ro.every((t) => t.kind === "read")).toBe(true);
    expect(ro.length).toBe(tools.filter((t) => t.kind === "read").length);
    expect(toolsFor(false).length).toBe(tools.length);
  });

  it("README tool table matches the registry (run `npm run readme` to update)", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const a = readme.indexOf(TABLE_START);
    const b = readme.indexOf(TABLE_END);
    expect(a, "README tool table markers").toBeGreaterThanOrEqual(0);
    expect(readme.slice(a, b + TABLE_END.length)).toBe(renderToolTable(tools));
  });
});
