/**
 * `halo-lms-mcp init`: take the student's Halo login, prove it works, save it (mode 600) and print
 * ready-to-paste client configuration.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { registerCookieSecrets } from "../config/resolve.js";
import { createConfigStore } from "../config/store.js";
import type { AppConfig } from "../config/types.js";
import { createHalo, isHaloError } from "../halo/index.js";
import { fetchUser } from "../queries/assessment.js";
import { fetchAlertCounts } from "../queries/inbox.js";
import { registerSecret } from "../redact.js";
import { generateToken } from "../transport/security.js";
import type { CliIo } from "./io.js";
import { parseSecretText, readAll, readHidden, type Credentials } from "./secrets.js";
import { clientSnippets } from "./snippets.js";

export interface InitFlags {
  stdin: boolean;
  validate: boolean;
  cookie?: string;
  authToken?: string;
  contextToken?: string;
}

const HOW_TO = (base: string) => `Where to find your Halo login (details: README.md, "Setup"):
  1. Open ${base} in Chrome/Edge/Firefox and log in as usual.
  2. Press F12 (Developer tools) and open the Network tab; reload the page.
  3. Click any request to ${new URL(base).host} (e.g. the first one), find "Request Headers" → "Cookie",
     right-click it → Copy value. That whole line is your Cookie header.
  It is your login: anyone who has it can act as you in Halo. Never share or commit it.`;

async function gather(flags: InitFlags, io: CliIo, config: AppConfig): Promise<Credentials | undefined> {
  if (flags.stdin) return parseSecretText(await readAll(io.stdin));
  if (flags.cookie) return { cookie: flags.cookie };
  if (flags.authToken || flags.contextToken) return { authToken: flags.authToken, contextToken: flags.contextToken };
  if (io.env.HALO_COOKIE?.trim()) return { cookie: io.env.HALO_COOKIE.trim() };
  if (io.env.HALO_AUTH_TOKEN?.trim() && io.env.HALO_CONTEXT_TOKEN?.trim()) return { authToken: io.env.HALO_AUTH_TOKEN.trim(), contextToken: io.env.HALO_CONTEXT_TOKEN.trim() };
  if (!io.stdin.isTTY) return parseSecretText(await readAll(io.stdin));
  io.err(HOW_TO(config.halo.baseUrl));
  const cookie = await readHidden(io, "\nPaste the Cookie header (input hidden), or just press Enter to enter the two tokens instead:");
  if (cookie.trim()) return parseSecretText(cookie);
  const authToken = await readHidden(io, "authToken (the TE1TX0FVVEg cookie value, or from /api/auth/session):");
  const contextToken = await readHidden(io, "contextToken (the TE1TX0NPTlRFWFQ cookie value):");
  return { authToken: authToken.trim(), contextToken: contextToken.trim() };
}

/** Signs in with the candidate login in a throw-away config dir and makes one cheap gateway call. */
export async function validateLogin(config: AppConfig, creds: Credentials): Promise<{ ok: true; who: string; expires?: string } | { ok: false; why: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "halo-init-"));
  const candidate: AppConfig = { ...config, configPath: path.join(dir, "config.json"), halo: { ...config.halo, cookie: creds.cookie, authToken: creds.authToken, contextToken: creds.contextToken } };
  const halo = createHalo({ config: candidate });
  try {
    const status = await halo.session.status();
    if (status.state === "expired" || status.state === "none") return { ok: false, why: status.message ?? "Halo did not accept this login." };
    const info = await halo.api.session();
    let who = info.username ?? "";
    if (info.userId) {
      const user = await fetchUser(halo.api, info.userId);
      who = [user?.preferredFirstName || user?.firstName, user?.lastName].filter(Boolean).join(" ") || user?.username || info.userId;
    } else {
      await fetchAlertCounts(halo.api);
      who = "(raw tokens; name not available)";
    }
    return { ok: true, who, expires: status.expires ?? info.expires };
  } catch (e) {
    return { ok: false, why: isHaloError(e) ? e.message : "Halo could not be reached to check the login." };
  } finally {
    halo.close();
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export async function runInit(config: AppConfig, flags: InitFlags, io: CliIo): Promise<number> {
  if (flags.cookie || flags.authToken || flags.contextToken) {
    io.err("Note: secrets given as command-line flags are visible to other users in `ps` and may land in shell history; prefer --stdin or HALO_COOKIE.");
  }
  let creds: Credentials | undefined;
  try {
    creds = await gather(flags, io, config);
  } catch {
    io.err("Cancelled; nothing was saved.");
    return 1;
  }
  if (!creds || !(creds.cookie || (creds.authToken && creds.contextToken))) {
    io.err("No usable login found. Give the Cookie header (or both authToken and contextToken); see `halo-lms-mcp init --help`.");
    return 2;
  }
  registerCookieSecrets(creds.cookie);
  registerSecret(creds.authToken);
  registerSecret(creds.contextToken);

  if (flags.validate) {
    io.err(`Checking the login against ${config.halo.baseUrl} ...`);
    const v = await validateLogin(config, creds);
    if (!v.ok) {
      io.err(`The login did not work: ${v.why}\nNothing was saved.`);
      return 1;
    }
    io.err(`Signed in as ${v.who}${v.expires ? `; this browser session lasts until ${v.expires}` : ""}.`);
  }

  // A fresh ~/.config/halo-lms-mcp/ is private from the start (0700), like the file inside it.
  await mkdir(path.dirname(config.configPath), { recursive: true, mode: 0o700 });
  const store = createConfigStore(config.configPath);
  let existing: Record<string, unknown>;
  try {
    existing = await store.read();
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\nFix or move that file, then run init again. Nothing was saved.`);
    return 1;
  }
  const mcpAuthToken = typeof existing.mcpAuthToken === "string" && existing.mcpAuthToken ? existing.mcpAuthToken : (config.http.authToken ?? generateToken());
  registerSecret(mcpAuthToken);
  // A new login replaces the old one wholesale: stale rotated session state must not win over it.
  await store.update({
    cookie: creds.cookie,
    authToken: creds.cookie ? undefined : creds.authToken,
    contextToken: creds.cookie ? undefined : creds.contextToken,
    session: undefined,
    mcpAuthToken,
  });
  await store.flush();
  io.err(`Saved to ${config.configPath} (readable only by you).\n`);
  const shownHost = ["0.0.0.0", "::"].includes(config.http.host) ? "127.0.0.1" : config.http.host;
  io.out(clientSnippets({ configPath: config.configPath, httpUrl: `http://${shownHost}:${config.http.port}/mcp`, httpToken: mcpAuthToken, launch: io.launch }) + "\n");
  io.err("\nCheck everything any time with: halo-lms-mcp doctor" + (config.configPath !== path.resolve(io.cwd, "config.json") ? ` --config ${config.configPath}` : ""));
  return 0;
}
