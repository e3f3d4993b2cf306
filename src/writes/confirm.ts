/**
 * Two-step confirmation for irreversible writes. The preview call hands out a token; the confirming call
 * must repeat the same arguments and Halo must still be in the same state (same thread, same attached
 * files). The token is an HMAC over exactly that, so a changed message or file list cannot reuse it.
 * The key is random per process: a restart invalidates every outstanding token, which is the safe side.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const TOKEN_TTL_MS = 10 * 60_000;

/** JSON with object keys sorted at every depth, so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      // Stryker disable next-line ConditionalExpression: JSON.stringify drops undefined values anyway; the guard only keeps the object tidy
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export interface Binding {
  tool: string;
  /** The call's arguments without confirm_token. */
  args: Record<string, unknown>;
  /** Halo state the preview showed (resource ids, thread id...), read again at confirmation. */
  state: unknown;
}

export type CheckResult =
  | { ok: true }
  | { ok: false; reason: "malformed" | "mismatch" | "used" | "expired" };

const b64 = (buf: Buffer) => buf.toString("base64url");

export class Confirmations {
  private readonly used = new Map<string, number>(); // nonce -> expiry (ms)

  constructor(private readonly key: Buffer = randomBytes(32)) {}

  issue(binding: Binding, now: Date): string {
    const exp = (now.getTime() + TOKEN_TTL_MS).toString(36);
    const nonce = b64(randomBytes(9));
    return `${exp}.${nonce}.${this.mac(binding, exp, nonce)}`;
  }

  /** Checks without consuming; call `consume` right before the write so a refusal does not burn it. */
  check(token: string, binding: Binding, now: Date): CheckResult {
    const parts = token.trim().split(".");
    if (parts.length !== 3 || !/^[0-9a-z]+$/.test(parts[0]!) || !parts[1] || !parts[2]) return { ok: false, reason: "malformed" };
    const [exp, nonce, mac] = parts as [string, string, string];
    const want = Buffer.from(this.mac(binding, exp, nonce));
    const got = Buffer.from(mac);
    if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: "mismatch" };
    if (this.used.has(nonce)) return { ok: false, reason: "used" };
    if (now.getTime() >= parseInt(exp, 36)) return { ok: false, reason: "expired" };
    return { ok: true };
  }

  /** Marks a checked token spent. Returns false if it was spent meanwhile (two confirmations racing). */
  consume(token: string, now: Date): boolean {
    // Stryker disable next-line MethodExpression: outer whitespace lands in exp (parseInt skips it) or the MAC, never in the nonce
    const [exp, nonce] = token.trim().split(".");
    if (!exp || !nonce || this.used.has(nonce)) return false;
    this.prune(now);
    this.used.set(nonce, parseInt(exp, 36));
    return true;
  }

  private prune(now: Date): void {
    // Expired tokens fail the expiry check anyway, so forgetting them keeps the set small.
    for (const [nonce, exp] of this.used) if (exp <= now.getTime()) this.used.delete(nonce);
  }

  private mac(binding: Binding, exp: string, nonce: string): string {
    const body = canonicalJson({ tool: binding.tool, args: binding.args, state: binding.state, exp, nonce });
    return b64(createHmac("sha256", this.key).update(body).digest());
  }
}

/** One store per process, shared by every session of this server. */
export const confirmations = new Confirmations();

export function tokenProblem(reason: Exclude<CheckResult, { ok: true }>["reason"], what: string): string {
  const again = `Nothing was ${what}. Call the tool again without confirm_token to get a fresh preview, show it to the student, and confirm only after they approve.`;
  switch (reason) {
    case "malformed":
      return `That confirm_token is not one this server issued. ${again}`;
    case "mismatch":
      return `That confirm_token does not match this exact request: the arguments, the target or the attached files differ from the preview it came from. ${again}`;
    case "used":
      return `That confirm_token was already used; each preview allows one confirmation. ${again}`;
    case "expired":
      return `That confirm_token has expired (tokens last 10 minutes). ${again}`;
  }
}
