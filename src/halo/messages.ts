/** The few sentences a student sees when the login needs their help. One place, so they stay consistent. */
import { HaloError, isHaloError } from "./errors.js";
import type { SessionInfo, SessionStatus } from "./types.js";

const howTo = (baseUrl: string) =>
  "Run `halo-lms-mcp login` in a terminal to sign in again with your browser; it saves the new login, and a running server picks it up on its next call. " +
  `No browser on that machine? Log in to ${baseUrl} in a browser, then either copy that tab's Cookie header into the config file's "cookie" key ` +
  "(or HALO_COOKIE) or run `halo-lms-mcp init`, and then call reload_tokens (or restart the server).";

export const sessionExpired = (baseUrl: string) =>
  new HaloError("session_expired", `Your Halo login has ended (the browser session is over or was logged out). ${howTo(baseUrl)}`);

export const rawTokensRejected = (baseUrl: string) =>
  new HaloError(
    "session_expired",
    `Halo rejected the configured authToken/contextToken and they cannot be refreshed (no web session could be made from them). ${howTo(baseUrl)}`,
  );

export const noCredentials = (baseUrl: string) =>
  new HaloError("no_credentials", `No Halo login is configured. ${howTo(baseUrl)}`);

export const stillRejected = (baseUrl: string, op: string) =>
  new HaloError("auth", `Halo still rejects the session after a token refresh (${op}). ${howTo(baseUrl)}`, { operation: op });

export const rawTokensNote =
  "Using the raw tokens directly: Halo did not create a web session from them, so they cannot be refreshed or checked without a call.";

/** S1 warns likewise: only an SSO (`open_id`) session renews; one made from raw tokens (`local_auth`) dies with its tokens. */
export function notRefreshable(authMethod: string | undefined): string | undefined {
  if (!authMethod || authMethod === "open_id") return undefined;
  return "This login was not made by a browser sign-in, so Halo cannot refresh it and it will need a new sign-in when its tokens expire: run `halo-lms-mcp login` now for one that renews itself.";
}

/** The check_tokens answer from the session's state and the outcome of establishing/probing it (an error or nothing). */
export function statusOf(
  v: { source: SessionStatus["source"]; canRefresh: boolean; info?: SessionInfo; hasTokens: boolean; lastRefreshAt?: number; reloadedAt?: number },
  outcome: unknown,
): SessionStatus {
  const base: SessionStatus = {
    state: "unknown",
    source: v.source,
    canRefresh: v.canRefresh,
    userId: v.info?.userId,
    expires: v.info?.expires,
    authMethod: v.info?.authMethod ?? (v.hasTokens ? "raw_tokens" : undefined),
    lastRefreshAt: v.lastRefreshAt === undefined ? undefined : new Date(v.lastRefreshAt).toISOString(),
    reloadedFromFileAt: v.reloadedAt === undefined ? undefined : new Date(v.reloadedAt).toISOString(),
  };
  if (outcome === undefined) return v.canRefresh ? { ...base, state: "ok" } : { ...base, message: rawTokensNote };
  if (isHaloError(outcome) && outcome.kind === "session_expired") return { ...base, state: "expired", canRefresh: false, message: outcome.message };
  if (isHaloError(outcome) && outcome.kind === "no_credentials") return { ...base, state: "none", source: "none", message: outcome.message };
  return { ...base, message: isHaloError(outcome) ? outcome.message : "The session could not be checked.", offline: isOffline(outcome) || undefined };
}

/** Halo did not answer usefully (network, time-out, 5xx, breaker open): says nothing about the login itself. */
export function isOffline(e: unknown): boolean {
  if (!isHaloError(e)) return false;
  return e.kind === "network" || e.kind === "timeout" || e.kind === "circuit_open" || (e.kind === "http" && (e.status ?? 0) >= 500);
}

/** tokenExpiration as epoch ms: an ISO string, or a number of seconds or milliseconds. */
export function expiryMs(v: string | undefined): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n < 1e12 ? n * 1000 : n;
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/** `a.b.c, a.d` → short: the last two segments of at most four paths. */
export function describePaths(paths: readonly string[]): string {
  const short = [...new Set(paths.map((p) => p.split(".").slice(-2).join(".")))];
  return short.length > 4 ? `${short.slice(0, 4).join(", ")} and ${short.length - 4} more` : short.join(", ");
}

const report = "run `halo-lms-mcp doctor --live` and include its report in a bug report";

/** A field the feature cannot do without is gone from Halo: never healed silently. */
export const incompatible = (feature: string, op: string, paths: readonly string[]) =>
  new HaloError("validation", `Halo no longer offers ${describePaths(paths)}, which the ${feature} needs, so the ${feature} cannot be read until halo-lms-mcp is updated (${report}).`, { operation: op });

/** A rejection that pruning cannot fix (or that persisted after one retry). */
export const rejectedDocument = (feature: string, op: string, e: HaloError) =>
  new HaloError("validation", `Halo rejected the request for the ${feature} (${op}), so its API may have changed: ${e.issues?.[0]?.message ?? e.message} Please ${report}.`, { operation: op, status: e.status });

/** The session was checked and works: Halo refused only this one request. */
export const confirmedRejection = (op: string) =>
  new HaloError("upstream", `Halo refused ${op} although your login works (checked just now with another request); this is a problem with this one request on Halo's side, not your session.`, { operation: op });
