/**
 * What init and login share once they hold a candidate login: proving it works against Halo, and saving it
 * into the config file through the config store (atomic, mode 0600, other keys kept).
 */
import { constants } from "node:fs";
import { access, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createConfigStore, type ConfigStore } from "../config/store.js";
import type { AppConfig } from "../config/types.js";
import { createHalo, isHaloError } from "../halo/index.js";
import { isOffline } from "../halo/messages.js";
import { fetchUser } from "../queries/assessment.js";
import { fetchAlertCounts } from "../queries/inbox.js";
import type { Credentials } from "./secrets.js";

/** Signs in with the candidate login in a throw-away config dir and makes one cheap gateway call. */
export type LoginCheck = { ok: true; who: string; expires?: string; authMethod?: string } | { ok: false; why: string; offline?: boolean };

/** `offline` means Halo could not be asked (network, time-out, 5xx): the login itself may be fine. */
export async function validateLogin(config: AppConfig, creds: Credentials): Promise<LoginCheck> {
  const dir = await mkdtemp(path.join(tmpdir(), "halo-init-"));
  const candidate: AppConfig = { ...config, configPath: path.join(dir, "config.json"), halo: { ...config.halo, cookie: creds.cookie, authToken: creds.authToken, contextToken: creds.contextToken } };
  const halo = createHalo({ config: candidate });
  try {
    const status = await halo.session.status();
    // A login being set up never "ended": the session-over wording (and its advice to run init) fits the server, not this.
    if (status.state === "expired" || status.state === "none") return { ok: false, why: rejectedLogin(creds, config.halo.baseUrl) };
    if (status.offline) return { ok: false, offline: true, why: status.message ?? "Halo did not answer." };
    const info = await halo.api.session();
    let who = info.username ?? "";
    if (info.userId) {
      const user = await fetchUser(halo.api, info.userId);
      who = [user?.preferredFirstName || user?.firstName, user?.lastName].filter(Boolean).join(" ") || user?.username || info.userId;
    } else {
      await fetchAlertCounts(halo.api);
      who = "(raw tokens; name not available)";
    }
    return { ok: true, who, expires: status.expires ?? info.expires, authMethod: status.authMethod ?? info.authMethod };
  } catch (e) {
    if (isOffline(e) || !isHaloError(e)) return { ok: false, offline: true, why: isHaloError(e) ? e.message : "Halo could not be reached." };
    return { ok: false, why: e.message };
  } finally {
    halo.close();
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function rejectedLogin(creds: Credentials, baseUrl: string): string {
  const what = creds.cookie ? "this Cookie header holds no signed-in Halo session" : "Halo refused this authToken/contextToken pair";
  return `${what} (copied from a signed-out tab, cut short, or already logged out). Sign in to ${baseUrl} and copy it again, or run \`halo-lms-mcp login\` to sign in with your browser.`;
}

/** Halo could not be asked, so nothing is known of the login: say so, and how to go on. */
export function offlineHelp(baseUrl: string, why: string): string {
  // The breaker's own wording ("retrying automatically") describes the server, not a one-shot command.
  const reason = /retrying automatically/.test(why) ? "it failed several times in a row" : why.replace(/\.$/, "");
  return [
    `Could not check the login: Halo (${baseUrl}) is not answering right now (${reason}).`,
    "Nothing was saved. Check your internet connection, VPN or proxy and try again in a few minutes;",
    "`halo-lms-mcp doctor` tells which Halo host does not answer.",
  ].join("\n");
}

/**
 * The store for the config file, after checking that its folder can be written (the file is replaced by a
 * rename there) and that the file parses (a broken file is never overwritten).
 */
export async function openStore(configPath: string): Promise<{ ok: true; store: ConfigStore; file: Record<string, unknown> } | { ok: false; why: string }> {
  const dir = path.dirname(configPath);
  try {
    // A fresh ~/.config/halo-lms-mcp/ is private from the start (0700), like the file inside it.
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await access(dir, constants.W_OK);
  } catch (e) {
    return { ok: false, why: `${dir}: this folder cannot be written (${(e as NodeJS.ErrnoException).code ?? "error"}), so the config file cannot be saved there` };
  }
  const store = createConfigStore(configPath);
  try {
    return { ok: true, store, file: await store.read() };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

/** A new login replaces the old one wholesale: stale rotated session state must not win over it. */
export async function saveLogin(store: ConfigStore, creds: Credentials, extra: Record<string, unknown> = {}): Promise<void> {
  await store.update({
    cookie: creds.cookie,
    authToken: creds.cookie ? undefined : creds.authToken,
    contextToken: creds.cookie ? undefined : creds.contextToken,
    session: undefined,
    ...extra,
  });
  await store.flush();
}
