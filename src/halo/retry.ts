/**
 * When to try again. Pure, so the rules are tested without timers.
 *
 * Only reads are retried (GraphQL queries, REST GETs): a write that timed out may have happened, and
 * doing it twice (two messages, two submissions) is worse than an error. The one replay writes do get
 * happens in the session layer after an AUTH failure, which is safe because Halo rejected the call
 * before doing anything.
 */
import type { HaloError } from "./errors.js";

export type RequestKind = "query" | "mutation" | "get" | "post" | "upload" | "download" | "session";

export interface RetryOptions {
  kind: RequestKind;
  baseMs?: number;
  maxMs?: number;
  /** Total attempts including the first. */
  maxAttempts?: number;
  /** A Retry-After longer than this is not waited for: the error is surfaced instead. */
  retryAfterCapMs?: number;
  random?: () => number;
}

const retryableKinds = new Set<RequestKind>(["query", "get", "session", "download"]);

export function isTransient(error: HaloError): boolean {
  if (error.kind === "network" || error.kind === "timeout") return true;
  if (error.kind !== "http" || error.status === undefined) return false;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * Delay in ms before attempt `attempt + 1`, or null to give up. `attempt` counts attempts made so far
 * (1 after the first failure). Full jitter: uniform in [0, min(max, base * 2^(attempt-1))].
 */
export function retryDelay(attempt: number, error: HaloError, opts: RetryOptions): number | null {
  const { baseMs = 300, maxMs = 5_000, maxAttempts = 3, retryAfterCapMs = 30_000, random = Math.random } = opts;
  if (!retryableKinds.has(opts.kind)) return null;
  if (attempt >= maxAttempts || !isTransient(error)) return null;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs > retryAfterCapMs ? null : error.retryAfterMs;
  }
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
