/**
 * Circuit breaker: after `threshold` consecutive "Halo is not responding" failures (network, timeout,
 * 408/5xx) calls fail fast for `cooldownMs`, then ONE trial request goes through; success closes it,
 * failure re-opens it. Auth/access/validation errors prove Halo is answering, so they count as success.
 * The clock is injected so tests never sleep.
 */
import { HaloError } from "./errors.js";

export type BreakerState = "closed" | "open" | "half_open";

export interface BreakerOptions {
  threshold?: number;
  cooldownMs?: number;
  now?: () => number;
}

export function countsAsOutage(e: HaloError): boolean {
  if (e.kind === "network" || e.kind === "timeout") return true;
  return e.kind === "http" && e.status !== undefined && (e.status === 408 || e.status >= 500);
}

export class CircuitBreaker {
  private state: BreakerState = "closed";
  private failures = 0;
  private openedAt = 0;
  // Stryker disable next-line BooleanLiteral: the flag is read only in half_open, and entering half_open (enter) always resets it first
  private trialInFlight = false;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(opts: BreakerOptions = {}) {
    this.threshold = opts.threshold ?? 5;
    this.cooldownMs = opts.cooldownMs ?? 30_000;
    this.now = opts.now ?? Date.now;
  }

  get current(): BreakerState {
    return this.state;
  }

  /** Call before a request. Throws circuit_open when the request must not go out. */
  enter(op: string): void {
    if (this.state === "closed") return;
    const remaining = this.openedAt + this.cooldownMs - this.now();
    if (this.state === "open" && remaining <= 0) {
      this.state = "half_open";
      this.trialInFlight = false;
    }
    if (this.state === "half_open" && !this.trialInFlight) {
      this.trialInFlight = true;
      return;
    }
    const secs = Math.max(1, Math.ceil(Math.max(remaining, 1000) / 1000));
    throw new HaloError("circuit_open", `Halo is not responding; retrying automatically in ${secs}s.`, { operation: op, retryAfterMs: secs * 1000 });
  }

  /** Halo answered (success, or an error that proves it is alive). */
  success(): void {
    this.state = "closed";
    this.failures = 0;
    // Stryker disable next-line BooleanLiteral: the flag is read only in half_open, and entering half_open (enter) always resets it first
    this.trialInFlight = false;
  }

  /** Report the outcome of a request that was let through. */
  failure(e: HaloError): void {
    if (!countsAsOutage(e)) return this.success();
    this.failures++;
    if (this.state === "half_open" || this.failures >= this.threshold) {
      this.state = "open";
      this.openedAt = this.now();
      // Stryker disable next-line BooleanLiteral: the flag is read only in half_open, and entering half_open (enter) always resets it first
      this.trialInFlight = false;
    }
  }
}
