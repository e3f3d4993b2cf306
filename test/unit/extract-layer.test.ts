/**
 * The extract room's rules, checked on the source: it sits below tools and shape and imports only format,
 * the logger, the semaphore and itself; and the parsing libraries are loaded only inside the worker's
 * modules, by dynamic import, so neither start-up nor the main thread ever pays for them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");
const PARSERS = ["unpdf", "mammoth", "fast-xml-parser"];
const WORKER_SIDE = new Set(["extract/pdf.ts", "extract/docx.ts", "extract/pptx.ts", "extract/xlsx.ts", "extract/xml.ts"]);

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join("/");
/** Static `import … from "x"` specifiers (type-only imports included: they are erased, so they are allowed separately). */
const staticImports = (text: string) => [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)].map((m) => ({ spec: m[2]!, typeOnly: !!m[1] }));

describe("src/extract layering", () => {
  it("imports only format, log, the semaphore, node built-ins and itself", () => {
    const bad: string[] = [];
    for (const f of sources(path.join(SRC, "extract"))) {
      for (const { spec } of staticImports(readFileSync(f, "utf8"))) {
        const ok = spec.startsWith("node:") || spec.startsWith("./") || spec.startsWith("../format/") || spec === "../log.js" || spec === "../halo/semaphore.js" || PARSERS.includes(spec);
        if (!ok) bad.push(`${rel(f)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("is imported only by tools and shape (and by the sandbox, which builds its documents with the zip writer)", () => {
    const users = sources().filter((f) => !rel(f).startsWith("extract/")).filter((f) => /from "\.\.\/extract\//.test(readFileSync(f, "utf8")) || /import\("\.\.\/extract\//.test(readFileSync(f, "utf8")));
    expect(users.map(rel).filter((f) => !/^(tools|shape|sandbox)\//.test(f))).toEqual([]);
    expect(users.length).toBeGreaterThan(0);
  });

  it("loads the parsing libraries only by dynamic import inside the worker's modules", () => {
    const found: string[] = [];
    for (const f of sources()) {
      const text = readFileSync(f, "utf8");
      for (const { spec, typeOnly } of staticImports(text)) if (PARSERS.includes(spec) && !typeOnly) found.push(`static ${spec} in ${rel(f)}`);
      for (const p of PARSERS) if (text.includes(`import("${p}")`) && !WORKER_SIDE.has(rel(f))) found.push(`dynamic ${p} in ${rel(f)}`);
    }
    expect(found).toEqual([]);
    // And each library is actually reached from the worker side (a rename would otherwise pass silently).
    const worker = [...WORKER_SIDE].map((f) => readFileSync(path.join(SRC, f), "utf8")).join("\n");
    for (const p of PARSERS) expect(worker).toContain(`import("${p}")`);
  });
});
