import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

// The design's layers, top to bottom: a room imports only from rooms below it (or its own row), and only the
// entry point reaches the simulated Halo.
const LAYERS = [["cli"], ["server", "transport"], ["tools", "writes"], ["assistant"], ["shape"], ["queries"], ["halo"], ["config"], ["format"]];
const layerRules = LAYERS.slice(1).flatMap((row, i) => {
  const banned = [...LAYERS.slice(0, i + 1).flat(), "sandbox"];
  return row.map((room) => ({
    files: [`src/${room}/**/*.ts`],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{
          regex: `^(\\.\\./)+(${banned.join("|")})/`,
          message: `Layers: src/${room} may import only from rooms below it (cli → server/transport → tools/writes → assistant → shape → queries → halo → config → format); the sandbox only from cli.`,
        }],
      }],
    },
  }));
});

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "bench/**", "coverage/**", "reports/**", ".stryker-tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // stdout belongs to the MCP protocol in stdio mode: all logging goes through src/log.ts (stderr).
    files: ["src/**/*.ts"],
    rules: {
      "no-console": "error",
      "no-restricted-properties": ["error", { object: "process", property: "stdout", message: "stdout is the MCP protocol channel; use the stderr logger." }],
    },
  },
  ...layerRules,
);
