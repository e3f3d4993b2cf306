/** Reading and parsing the JSON config file. Shared by resolveConfig (sync, at startup) and ConfigStore. */
import { readFileSync } from "node:fs";
import { ConfigError } from "./errors.js";

export type ConfigObject = Record<string, unknown>;

/**
 * Parses the file text. The error names a line, never the text around it: V8's JSON messages quote the
 * source, and the source is full of tokens.
 */
export function parseConfigText(text: string, path: string): ConfigObject {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const msg = e instanceof Error ? e.message : "";
    const pos = /position (\d+)/.exec(msg)?.[1];
    const lineMatch = /line (\d+)/.exec(msg)?.[1];
    const line = lineMatch ?? (pos === undefined ? undefined : String(body.slice(0, Number(pos)).split("\n").length));
    throw new ConfigError(`${path}: not valid JSON${line ? ` (near line ${line})` : ""}; fix the file or move it away`, { source: path });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError(`${path}: expected a JSON object at the top level`, { source: path });
  }
  return value as ConfigObject;
}

/** undefined when the file does not exist. */
export function readConfigFileSync(path: string): ConfigObject | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError(`${path}: cannot read the config file (${(e as NodeJS.ErrnoException).code ?? "error"})`, { source: path });
  }
  return parseConfigText(text, path);
}

/** Detects the file's indentation so our rewrites do not reformat a hand-edited file. */
export function detectIndent(text: string): string | number {
  const m = /^[ \t]+(?=")/m.exec(text);
  if (!m) return 2;
  return m[0].startsWith("\t") ? "\t" : m[0].length;
}
