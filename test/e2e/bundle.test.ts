/**
 * The bundled bin (scripts/bundle.mjs) keeps start-up light: what stdio mode loads before its first answer
 * is the static import graph of dist/bin/cli.js and of the chunk holding serve(). esbuild's metafile lists
 * every output's imports and the sources in it, so this reads what start-up loads without timing anything.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT } from "./support.js";

interface Output { imports: Array<{ path: string; kind: string; external?: boolean }>; inputs: Record<string, unknown> }
let outputs: Record<string, Output>;

beforeAll(() => {
  ensureBuilt();
  outputs = (JSON.parse(readFileSync(path.join(ROOT, "dist/bundle-meta.json"), "utf8")) as { outputs: Record<string, Output> }).outputs;
});

/** Outputs and external packages reached from `entry` through static imports only. */
function staticGraph(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const i of outputs[file]?.imports ?? []) {
      if (i.kind !== "import-statement") continue;
      if (i.external) packages.add(i.path);
      else walk(i.path);
    }
  };
  entries.forEach(walk);
  return { files, packages };
}

const holding = (source: string) => Object.keys(outputs).filter((o) => o.endsWith(".js") && source in (outputs[o]?.inputs ?? {}));

describe("bundled bin", () => {
  it("starts stdio without loading mcp-proxy, the browser, the simulated Halo or the file parsers", () => {
    const serveChunks = holding("src/cli/serve.ts");
    expect(serveChunks).toHaveLength(1);
    const start = staticGraph(["dist/bin/cli.js", ...serveChunks]);
    const sources = [...start.files].flatMap((f) => Object.keys(outputs[f]?.inputs ?? {}));
    expect(sources.some((s) => s.startsWith("node_modules/fastmcp/"))).toBe(true); // the graph is the real one
    const heavy = /^node_modules\/(mcp-proxy|playwright-core|msw|@mswjs|unpdf|mammoth)\//;
    expect(sources.filter((s) => heavy.test(s))).toEqual([]);
    expect([...start.packages].filter((p) => /^(mcp-proxy|playwright-core|msw|unpdf|mammoth)$/.test(p))).toEqual([]);
  });

  it("still reaches mcp-proxy (HTTP) and the extraction worker, on first use", () => {
    const proxy = Object.keys(outputs).filter((o) => Object.keys(outputs[o]?.inputs ?? {}).some((s) => s.startsWith("node_modules/mcp-proxy/")));
    expect(proxy.length).toBeGreaterThan(0);
    const loadedLazily = Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path));
    expect(proxy.some((p) => loadedLazily.includes(p))).toBe(true);
    expect(Object.keys(outputs)).toContain("dist/bin/worker.js");
  });
});
