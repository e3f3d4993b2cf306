/**
 * The HTTP bearer token: configured, or generated once and kept in the config file so a restart (or a
 * container recreated with the same ./config mount) keeps the same one.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { ConfigStore } from "../config/store.js";
import { log } from "../log.js";
import { registerSecret } from "../redact.js";
import { claudeAddCommand, generateToken } from "./security.js";

export interface TokenResult {
  token: string;
  generated: boolean;
  persisted: boolean;
}

/** The lines that show a generated token once. Write them straight to the operator's stderr: the
 * redacting logger would hide the very thing needed. */
export function tokenAnnouncement(url: string, token: string, configPath: string): string {
  return `Connect Claude Code to this server with:\n\n  ${claudeAddCommand(url, token, "halo-http")}\n\n(The token is shown only this once; it is kept in ${configPath} as "mcpAuthToken".)`;
}

/**
 * Returns the configured token, or generates one, saves it (mode 600) and registers it for redaction at once
 * so no log line can ever carry it.
 */
export async function ensureHttpToken(opts: { configured?: string; store: ConfigStore }): Promise<TokenResult> {
  if (opts.configured) {
    registerSecret(opts.configured);
    return { token: opts.configured, generated: false, persisted: true };
  }
  const token = generateToken();
  registerSecret(token);
  let persisted = true;
  try {
    await mkdir(dirname(opts.store.path), { recursive: true, mode: 0o700 });
    await opts.store.update({ mcpAuthToken: token });
  } catch (e) {
    persisted = false;
    log.warn(`could not save the generated MCP token to ${opts.store.path}; it is valid until this server stops`, e instanceof Error ? e.message : undefined);
  }
  log.info(persisted ? `generated an MCP access token and saved it in ${opts.store.path} (mode 600)` : "generated an MCP access token for this run");
  return { token, generated: true, persisted };
}
