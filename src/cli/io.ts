/** What the CLI commands get from the outside world; the entry point builds it, tests fake it. */
import type { Readable } from "node:stream";

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Human output of init/doctor/help/version (stdout; never used in stdio MCP mode). */
  out: (text: string) => void;
  /** Unredacted operator output (stderr): the one-time token line, prompts. */
  err: (text: string) => void;
  /** The protocol's channel in stdio MCP mode (the entry point passes process.stdout). */
  stdout?: NodeJS.WritableStream;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  /** Whether stderr is a terminal (prompts are shown there). */
  interactive: boolean;
  /**
   * The command that starts this installation: the node binary and this cli.js, both absolute. Client configs
   * use it instead of `npx halo-lms-mcp`, which would fetch whatever package holds that name on the registry.
   */
  launch?: readonly string[];
  /**
   * Calls `fn` on Ctrl-C (SIGINT), SIGTERM or SIGHUP until the returned function is called, so a command can
   * clean up (close the browser, save nothing) instead of dying mid-way. A second signal ends the process.
   */
  onInterrupt?: (fn: () => void) => () => void;
}
