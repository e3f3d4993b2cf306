/**
 * `halo-lms-mcp init`: take the student's Halo login, prove it works, save it (mode 600) and print
 * ready-to-paste client configuration.
 */
import path from "node:path";
import { registerCookieSecrets } from "../config/resolve.js";
import type { AppConfig } from "../config/types.js";
import { notRefreshable } from "../halo/index.js";
import { registerSecret } from "../redact.js";
import { generateToken } from "../transport/security.js";
import type { CliIo } from "./io.js";
import { offlineHelp, openStore, saveLogin, validateLogin } from "./credentials.js";
import { signInWithBrowser, systemBrowser } from "./browser-login.js";
import { askLine, parseSecretText, readAll, readHidden, type Credentials } from "./secrets.js";
import { clientSnippets } from "./snippets.js";
import { chooseUploadRoot } from "./upload-folder.js";
import { hostConfigPath, inImage } from "./container.js";

export interface InitFlags {
  stdin: boolean;
  validate: boolean;
  cookie?: string;
  authToken?: string;
  contextToken?: string;
  /** The simulated Halo: its student login, a throw-away config, and setup lines that start `--sandbox`. */
  sandbox?: boolean;
}

const HOW_TO = (base: string) => `Where to find your Halo login (details: README.md, "Setup"):
  1. Open ${base} in Chrome/Edge/Firefox and log in as usual.
  2. Press F12 (Developer tools) and open the Network tab; reload the page.
  3. Click any request to ${new URL(base).host} (e.g. the first one), find "Request Headers" → "Cookie",
     right-click it → Copy value. That whole line is your Cookie header.
  It is your login: anyone who has it can act as you in Halo. Never share or commit it.`;

/** The easy way first: `login`'s browser sign-in, when a browser is here. Undefined = paste instead. */
async function offerBrowser(config: AppConfig, io: CliIo): Promise<Credentials | undefined> {
  const found = systemBrowser(config, io);
  if (!found.ok) {
    io.err(`(Signing in with a browser, as \`halo-lms-mcp login\` does, is not possible here: ${found.why}. Paste the Cookie header instead.)\n`);
    return undefined;
  }
  const answer = await askLine(io, `Sign in with your browser (${path.basename(found.path)})? Halo opens, you log in as usual, and nothing needs copying. [Y/n]`);
  if (/^\s*n/i.test(answer)) return undefined;
  const got = await signInWithBrowser(config, { fresh: false, timeoutSec: 300 }, io);
  if (got.ok) return { cookie: got.cookie };
  if (got.reason === "interrupted") throw new Error("cancelled");
  io.err(`${got.reason === "no-browser" ? `The browser could not be used: ${got.message}.` : got.message} You can paste the Cookie header instead.\n`);
  return undefined;
}

async function gather(flags: InitFlags, io: CliIo, config: AppConfig): Promise<Credentials | undefined> {
  if (flags.stdin) return parseSecretText(await readAll(io.stdin));
  if (flags.cookie) return { cookie: flags.cookie };
  if (flags.authToken || flags.contextToken) return { authToken: flags.authToken, contextToken: flags.contextToken };
  if (io.env.HALO_COOKIE?.trim()) return { cookie: io.env.HALO_COOKIE.trim() };
  if (io.env.HALO_AUTH_TOKEN?.trim() && io.env.HALO_CONTEXT_TOKEN?.trim()) return { authToken: io.env.HALO_AUTH_TOKEN.trim(), contextToken: io.env.HALO_CONTEXT_TOKEN.trim() };
  if (!io.stdin.isTTY) return parseSecretText(await readAll(io.stdin));
  const viaBrowser = await offerBrowser(config, io);
  if (viaBrowser) return viaBrowser;
  io.err(HOW_TO(config.halo.baseUrl));
  const cookie = await readHidden(io, "\nPaste the Cookie header (input hidden), or just press Enter to enter the two tokens instead:");
  if (cookie.trim()) return parseSecretText(cookie);
  const authToken = await readHidden(io, "authToken (the TE1TX0FVVEg cookie value, or from /api/auth/session):");
  const contextToken = await readHidden(io, "contextToken (the TE1TX0NPTlRFWFQ cookie value):");
  return { authToken: authToken.trim(), contextToken: contextToken.trim() };
}

export async function runInit(config: AppConfig, flags: InitFlags, io: CliIo): Promise<number> {
  if (flags.cookie || flags.authToken || flags.contextToken) {
    io.err("Note: secrets given as command-line flags are visible to other users in `ps` and may land in shell history; prefer --stdin or HALO_COOKIE.");
  }
  let creds: Credentials | undefined;
  try {
    if (flags.sandbox) io.err("Using the simulated Halo and its student's login (no account needed; nothing real is touched).");
    creds = flags.sandbox ? { cookie: config.halo.cookie } : await gather(flags, io, config);
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
      io.err(v.offline ? offlineHelp(config.halo.baseUrl, v.why) : `The login did not work: ${v.why}\nNothing was saved.`);
      return 1;
    }
    io.err(`Signed in as ${v.who}${v.expires ? `; this browser session lasts until ${v.expires}` : ""}.`);
    const once = notRefreshable(v.authMethod);
    if (once) io.err(`Note: ${once}`);
  } else if (!creds.cookie) {
    // Unchecked raw tokens can only ever become a local_auth session.
    io.err(`Note: ${notRefreshable("local_auth")}`);
  }

  const store = await openStore(config.configPath);
  if (!store.ok) {
    io.err(`${store.why}\nFix that, then run init again. Nothing was saved.`);
    return 1;
  }
  const existing = store.file;
  // A try-out on the simulated Halo creates nothing in the student's home folder.
  const uploadRoot = flags.sandbox ? undefined : await chooseUploadRoot(existing, io);
  const mcpAuthToken = typeof existing.mcpAuthToken === "string" && existing.mcpAuthToken ? existing.mcpAuthToken : (config.http.authToken ?? generateToken());
  registerSecret(mcpAuthToken);
  await saveLogin(store.store, creds, { mcpAuthToken, ...(uploadRoot ? { uploadRoots: [uploadRoot] } : {}) });
  // Inside the image, paths and commands are told as the host sees them (compose mounts ./config at /config).
  const container = inImage(io.env);
  io.err(`Saved to ${hostConfigPath(io.env, config.configPath)}${container ? " on your computer" : ""} (readable only by you).`);
  io.err(uploadRoot ? `The assistant may attach files to assignments only from ${uploadRoot}; put what you want to hand in there.\n` : `Upload folders kept as configured: ${config.uploadRoots.join(", ")}.\n`);
  const shownHost = ["0.0.0.0", "::"].includes(config.http.host) ? "127.0.0.1" : config.http.host;
  const httpUrl = config.http.publicUrl ?? `http://${shownHost}:${config.http.port}/mcp`;
  io.out(clientSnippets({ configPath: config.configPath, httpUrl, httpToken: mcpAuthToken, launch: io.launch, httpOnly: container, sandbox: flags.sandbox }) + "\n");
  if (flags.sandbox) {
    io.err("That was the whole first run, on the simulated Halo (its throw-away config is removed now). For your own account: halo-lms-mcp login");
    return 0;
  }
  const where = !container && config.configPath !== path.resolve(io.cwd, "config.json") ? ` --config ${config.configPath}` : "";
  const me = container ? "docker compose run --rm halo" : "halo-lms-mcp";
  io.err(`\nCheck everything any time with: ${me} doctor${where}`);
  io.err(`To check that every Halo query works for your account (a one-minute report you can paste into a bug report): ${me} doctor --live${where}`);
  return 0;
}
