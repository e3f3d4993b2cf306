/**
 * Tiny CLI flag parser. Hand-written rather than node:util parseArgs because the entry point also has
 * subcommands and flags of its own that must pass through untouched (parseArgs' strict mode rejects them,
 * its loose mode turns `--port 80` into a boolean plus a positional).
 */
export interface ConfigFlags {
  config?: string;
  transport?: string;
  host?: string;
  port?: string;
  readOnly?: string; // kept as text so the same parser validates env, file and flag values
  logLevel?: string;
  browser?: string;
}

const valued: Record<string, keyof ConfigFlags> = {
  "--config": "config",
  "--transport": "transport",
  "--host": "host",
  "--port": "port",
  "--log-level": "logLevel",
  "--browser": "browser",
};

export interface ParsedArgs {
  flags: ConfigFlags;
  /** Everything not understood here (subcommands, other flags), in order. */
  rest: string[];
}

/** `argv` is the user's arguments only (process.argv.slice(2)). */
export function parseFlags(argv: readonly string[]): ParsedArgs {
  const flags: ConfigFlags = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name === "--read-only") {
      flags.readOnly = inline ?? "true";
    } else if (name === "--no-read-only") {
      flags.readOnly = "false";
    } else if (name in valued) {
      const key = valued[name] as keyof ConfigFlags;
      const next = argv[i + 1];
      if (inline !== undefined) flags[key] = inline;
      else if (next !== undefined && !next.startsWith("--")) {
        flags[key] = next;
        i++;
      } else flags[key] = ""; // validated later into a one-line "expected ..." error
    } else rest.push(arg);
  }
  return { flags, rest };
}
