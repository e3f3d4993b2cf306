/**
 * `halo-lms-mcp login`: sign in to Halo in the student's own browser and save the session. Nothing is
 * written unless Halo let them in and the cookies taken from the browser work on their own.
 */
import type { AppConfig } from "../config/types.js";
import { registerCookieSecrets } from "../config/resolve.js";
import { notRefreshable } from "../halo/index.js";
import { signInWithBrowser, type BrowserLoginOptions } from "./browser-login.js";
import { offlineHelp, openStore, saveLogin, validateLogin } from "./credentials.js";
import type { CliIo } from "./io.js";

export type LoginFlags = BrowserLoginOptions;

/** The paragraph for "no browser we can drive": what happened, and the way that always works. */
export function noBrowserHelp(why: string, config: Pick<AppConfig, "halo">): string {
  return (
    `Cannot sign in with a browser: ${why}. \`halo-lms-mcp login\` opens Halo in your installed Google Chrome, ` +
    "Microsoft Edge or Chromium (it never downloads one); install one of them, or point to it with " +
    "--browser PATH or the HALO_BROWSER setting. Without a browser here (a server, a container), log in to " +
    `${config.halo.baseUrl} on any computer and paste that tab's Cookie header instead: run \`halo-lms-mcp init\`, ` +
    "which explains where to find it."
  );
}

const days = (iso: string | undefined, now: number): string => {
  const t = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(t)) return "";
  const d = Math.floor((t - now) / 86_400_000);
  return d >= 1 ? ` (in ${d} day${d === 1 ? "" : "s"})` : " (today)";
};

export async function runLogin(config: AppConfig, flags: LoginFlags, io: CliIo): Promise<number> {
  // Checked before the browser opens: a file we may not overwrite would waste the student's sign-in.
  const opened = await openStore(config.configPath);
  if (!opened.ok) {
    io.err(`${opened.why}\nFix that, then run login again. Nothing was saved.`);
    return 1;
  }
  const got = await signInWithBrowser(config, flags, io);
  if (!got.ok) {
    if (got.reason === "no-browser") io.err(noBrowserHelp(got.message, config));
    else io.err(`${got.message} Nothing was saved; your config file is unchanged.${got.reason === "timeout" ? " Run `halo-lms-mcp login` again (--timeout SECONDS gives more time)." : ""}`);
    return got.reason === "interrupted" ? 130 : 1;
  }
  registerCookieSecrets(got.cookie);
  io.err("Halo let you in; checking the session it gave ...");
  const v = await validateLogin(config, { cookie: got.cookie });
  if (!v.ok) {
    io.err(v.offline ? offlineHelp(config.halo.baseUrl, v.why) : `The browser signed in, but its session did not work on its own: ${v.why}\nNothing was saved.`);
    return 1;
  }
  try {
    await saveLogin(opened.store, { cookie: got.cookie });
  } catch (e) {
    io.err(`Signed in as ${v.who}, but the login could not be saved: ${e instanceof Error ? e.message : String(e)}. Your config file is unchanged.`);
    return 1;
  }
  io.out(`Signed in as ${v.who}. This Halo session ends ${v.expires ?? "when Halo ends it (no end date given)"}${days(v.expires, Date.now())}; then run \`halo-lms-mcp login\` again.`);
  io.out(`Saved to ${config.configPath} (readable only by you). A running halo-lms-mcp picks the new login up by itself.`);
  const once = notRefreshable(v.authMethod);
  if (once) io.err(`Note: ${once}`);
  if (io.env.HALO_COOKIE?.trim() || io.env.HALO_AUTH_TOKEN?.trim()) {
    io.err("Note: HALO_COOKIE / HALO_AUTH_TOKEN are set in your environment and take precedence over the saved login; unset them to use it.");
  }
  return 0;
}
