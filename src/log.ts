/**
 * The only logger. Everything goes to stderr: in stdio mode stdout belongs to the MCP protocol.
 * Every line passes through the redactor so a token, cookie or csrf value never reaches a log.
 */
import { redact } from "./redact.js";

export type LogLevel = "debug" | "info" | "warn" | "error";
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
  /** fastmcp calls `log`. */
  log(msg: string, extra?: unknown): void;
}

type Sink = (line: string) => void;
let sink: Sink = (line) => process.stderr.write(line + "\n");
let threshold: number = order.info;

/** Tests capture log lines here to prove no secret leaks. */
export function setLogSink(s: Sink | undefined): void {
  sink = s ?? ((line) => process.stderr.write(line + "\n"));
}
export function setLogLevel(level: LogLevel): void {
  threshold = order[level];
}

function fmt(extra: unknown): string {
  if (extra === undefined) return "";
  if (extra instanceof Error) return ` ${extra.name}: ${extra.message}${extra.stack ? "\n" + extra.stack : ""}`;
  try {
    return " " + JSON.stringify(extra);
  } catch {
    return " " + String(extra);
  }
}

function emit(level: LogLevel, msg: string, extra?: unknown): void {
  if (order[level] < threshold) return;
  sink(redact(`${new Date().toISOString()} ${level.toUpperCase()} ${msg}${fmt(extra)}`));
}

export const log: Logger = {
  debug: (m, e) => emit("debug", m, e),
  info: (m, e) => emit("info", m, e),
  warn: (m, e) => emit("warn", m, e),
  error: (m, e) => emit("error", m, e),
  log: (m, e) => emit("info", m, e),
};
