/**
 * Pure access checks for the HTTP transport: bearer token, Host and Origin (DNS-rebinding protection),
 * and the headers every response carries. Kept free of I/O so each rule is unit-tested on its own.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Loopback names: a DNS-rebinding attacker controls the name, never these. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** 32 random bytes, base64url: 256 bits, safe in a header and a shell command. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Constant-time bearer check. Both sides are hashed first so neither the length nor a common prefix of the
 * real token leaks through timing.
 */
export function bearerMatches(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== "string" || !expected) return false;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const given = m?.[1] ?? "";
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

/** Splits `host[:port]` (IPv6 in brackets) into a lower-case name and an optional port. */
export function splitHost(value: string): { name: string; port?: string } | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return undefined;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]/\s@]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return undefined;
  return { name: m[1] as string, ...(m[2] ? { port: m[2] } : {}) };
}

/**
 * The Host header must name this server: a loopback name (any port, so a container published on another
 * host port still works; rebinding needs a name the attacker controls, and loopback names are not), or one
 * of the configured hosts. A configured entry with a port must match exactly; without one, any port.
 */
export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  const h = splitHost(host);
  if (!h) return false;
  if (LOOPBACK.has(h.name)) return true;
  for (const entry of allowed) {
    const a = splitHost(entry.replace(/^https?:\/\//i, "").replace(/\/.*$/, ""));
    if (!a) continue;
    if (a.name === h.name && (a.port === undefined || a.port === h.port)) return true;
  }
  return false;
}

/** Normalises an origin (scheme://host[:port]) for comparison; undefined when it is not one. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const u = new URL(value);
    if (u.protocol !== "http:" && u.protocol !== "https:") return undefined;
    return u.origin.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * No Origin header: not a browser (Claude Code, Cursor, curl) — allowed; the bearer token still applies.
 * A browser origin is allowed only when it is loopback (a local tool such as the MCP Inspector) or listed.
 * "null" (sandboxed frames, file://) and anything unparsable are refused.
 */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  const o = normalizeOrigin(origin);
  if (!o) return false;
  const name = new URL(o).hostname;
  if (LOOPBACK.has(name) || LOOPBACK.has(`[${name}]`)) return true;
  return allowed.some((a) => normalizeOrigin(a) === o);
}

/** The one-line command a student pastes into a terminal to register this server with Claude Code. */
export function claudeAddCommand(url: string, token: string, name = "halo"): string {
  return `claude mcp add --transport http ${name} ${url} --header "Authorization: Bearer ${token}"`;
}
