/**
 * Session status for check_tokens & co. Never prints a token or cookie: at most which kind of credential
 * the session was started from.
 */
import { notRefreshable } from "../halo/messages.js";
import type { SessionStatus } from "../halo/types.js";
import { whenAt, type Clock } from "./common.js";

const STATE: Record<SessionStatus["state"], string> = {
  ok: "OK — Halo accepted the session just now.",
  expired: "EXPIRED — the Halo login is over.",
  none: "NOT CONFIGURED — no Halo credentials are set up.",
  unknown: "UNVERIFIED — could not confirm the session with Halo right now.",
};

const SOURCE: Record<SessionStatus["source"], string> = {
  cookie: "the browser Cookie header from a logged-in halo.gcu.edu tab",
  tokens: "the raw token pair (authToken + contextToken)",
  none: "none",
};

/** The fix when nothing (or nothing usable) is configured; the client's own message, when present, already says it. */
const fix = (baseUrl: string) =>
  `Run \`halo-lms-mcp login\` in a terminal to sign in with your browser (or log in to ${baseUrl} and paste the Cookie header with \`halo-lms-mcp init\`), then run reload_tokens.`;

export function renderSession(action: string, s: SessionStatus, c: Clock, baseUrl = "https://halo.gcu.edu"): string {
  const over = s.state === "expired" || s.state === "none";
  const lines = [`${action}Session: ${STATE[s.state]}`];
  if (s.message) lines.push(s.message);
  else if (over) lines.push(fix(baseUrl));
  lines.push(`Credential source: ${SOURCE[s.source]}${s.authMethod ? ` (${s.authMethod === "open_id" ? "SSO session" : s.authMethod === "local_auth" ? "session made from raw tokens" : s.authMethod})` : ""}.`);
  if (s.reloadedFromFileAt) lines.push(`Reloaded the login from the config file automatically: ${whenAt(s.reloadedFromFileAt, c)}.`);
  if (over) return lines.join("\n"); // the old session's user, end date and refresh state no longer apply
  if (s.userId) lines.push(`Signed-in user id: ${s.userId} (user shows the profile)`);
  if (s.expires) lines.push(`Login session ends: ${whenAt(s.expires, c)} — after that, run \`halo-lms-mcp login\` again.`);
  // A local_auth session answers refresh calls but keeps its expiry, so canRefresh alone would promise too much.
  lines.push(notRefreshable(s.authMethod) ?? (s.canRefresh ? "Tokens can be refreshed automatically." : "Tokens cannot be refreshed automatically; when they expire you will need fresh credentials."));
  if (s.lastRefreshAt) lines.push(`Last token refresh: ${whenAt(s.lastRefreshAt, c)}`);
  return lines.join("\n");
}
