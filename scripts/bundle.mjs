/**
 * Bundles the bin (issue 13, fast start): resolving and compiling several hundred small ESM files of
 * fastmcp and its dependencies was most of the time between spawning the server and its first answer.
 * One bundle with split chunks keeps everything loaded on first use (HTTP transport, doctor, sandbox,
 * file extraction) out of the start path. Heavy optional packages stay external and load from
 * node_modules only when a tool needs them.
 */
import { rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const EXTERNAL = [
  "playwright-core", // browser login only
  "msw", "@mswjs/*", "graphql", // the simulated Halo (--sandbox, demo)
  "unpdf", "mammoth", "fast-xml-parser", // course-file text extraction, in a worker
  // fastmcp's schema converter (xsschema) tries these optional peers for other schema libraries; we use zod.
  "effect", "sury", "@valibot/to-json-schema",
];

/**
 * fastmcp imports mcp-proxy (its HTTP server, with two bundled MCP SDK copies: ~2 MB of code) at the top
 * of its module, but calls only startHTTPServer, and only when an HTTP transport starts. For fastmcp the
 * import becomes a stub that loads the real package on that first call; stdio never loads it.
 */
const lazyMcpProxy = {
  name: "lazy-mcp-proxy",
  setup(b) {
    b.onResolve({ filter: /^mcp-proxy$/ }, (args) =>
      args.importer.includes("/node_modules/fastmcp/") ? { path: "mcp-proxy", namespace: "lazy-mcp-proxy" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-mcp-proxy" }, () => ({
      contents: 'export async function startHTTPServer(...args) { return (await import("mcp-proxy")).startHTTPServer(...args); }',
      resolveDir: process.cwd(),
    }));
  },
};

rmSync("dist/bin", { recursive: true, force: true }); // chunk names carry hashes: no stale chunk may linger
const result = await build({
  plugins: [lazyMcpProxy],
  // Smaller source compiles faster; identifiers keep their names (error classes are told apart by name).
  minifyWhitespace: true,
  minifySyntax: true,
  // What each output imports and holds: test/e2e/bundle.test.ts checks start-up stays light with it.
  metafile: true,
  entryPoints: { cli: "src/cli.ts", "cli/demo": "src/cli/demo.ts", worker: "src/extract/worker.ts" },
  outdir: "dist/bin",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  // Chunks sit beside cli.js and worker.js: code that finds a sibling through import.meta.url still does.
  chunkNames: "[name]-[hash]",
  sourcemap: process.argv.includes("--no-sourcemap") ? false : "linked", // the Docker image ships only what runs
  legalComments: "linked",
  logLevel: "warning",
  // Bundled CommonJS packages call require(), __filename, __dirname; an ES module has none of them.
  banner: {
    js: [
      'import { createRequire as __halo_createRequire } from "node:module";',
      'import { fileURLToPath as __halo_fileURLToPath } from "node:url";',
      "const require = __halo_createRequire(import.meta.url);",
      "const __filename = __halo_fileURLToPath(import.meta.url);",
      'const __dirname = __halo_fileURLToPath(new URL(".", import.meta.url));',
    ].join("\n"),
  },
});
// Beside dist/bin, not in it: neither published nor copied into the image.
writeFileSync("dist/bundle-meta.json", JSON.stringify(result.metafile));
