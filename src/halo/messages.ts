/** The few sentences a student sees when the login needs their help. One place, so they stay consistent. */
import { HaloError } from "./errors.js";

const howTo = (baseUrl: string) =>
  `Log in to ${baseUrl} in a browser, then either copy that tab's Cookie header into the config file's "cookie" key ` +
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
