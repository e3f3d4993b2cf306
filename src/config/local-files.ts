/**
 * Files this server keeps beside the config file. They, and the config file itself (which holds the login),
 * must never leave the machine: an upload folder may well contain the config folder (a student who chose
 * their home folder), so "attach config.json" from an injected instruction has to be refused.
 */
import path from "node:path";
import type { AppConfig } from "./types.js";

export const LOCAL_FILES = {
  audit: "halo-audit.log",
  whatChanged: "what-changed.json",
  calendarSequence: "calendar-sequence.json",
} as const;

/** The config file and every state file beside it. */
export function privateFiles(config: Pick<AppConfig, "configPath">): string[] {
  const dir = path.dirname(config.configPath);
  return [config.configPath, ...Object.values(LOCAL_FILES).map((name) => path.join(dir, name))];
}
