/**
 * createHalo: the Halo API + session control the tools use. Nothing touches the network until the first call.
 * Pass a ConfigStore (createConfigStore(config.configPath)) to persist rotated sessions and pick up hand edits.
 */
import type { ConfigStore } from "../config/store.js";
import type { AppConfig } from "../config/types.js";
import { HaloClient } from "./client.js";
import { Healing, type HealingStore, type OperationOutcome } from "./healing.js";
import { SessionManager } from "./session.js";
import { Transport } from "./transport.js";
import type { HaloApi, SessionControl } from "./types.js";

export interface FetchHooks {
  /** Retry back-off sleep (tests pass an instant one). */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source for retries. */
  random?: () => number;
  /** Circuit breaker tuning. */
  breaker?: { threshold?: number; cooldownMs?: number };
  /** Debounce before a rotated session is written to the config file. */
  persistDelayMs?: number;
}

export interface Halo {
  api: HaloApi;
  session: SessionControl;
  /** The last outcome of every GraphQL document this process sent (ok / pruned / partial / failed): doctor's report. */
  outcomes(): OperationOutcome[];
  /** Writes any pending session change (call before exit; close() does it fire-and-forget). */
  flush(): Promise<void>;
  close(): void;
}

export interface HaloOptions {
  config: AppConfig;
  store?: ConfigStore;
  /** Where documents healed after a validation failure persist across restarts (a state file). */
  healingStore?: HealingStore;
  now?: () => number;
  fetchHooks?: FetchHooks;
}

export function createHalo(opts: HaloOptions): Halo {
  const now = opts.now ?? Date.now;
  const hooks = opts.fetchHooks ?? {};
  const transport = new Transport({
    requestTimeoutMs: opts.config.halo.requestTimeoutMs,
    maxConcurrency: opts.config.halo.maxConcurrency,
    replyMaxBytes: opts.config.halo.replyMaxBytes,
    now,
    sleep: hooks.sleep,
    random: hooks.random,
    breaker: hooks.breaker,
  });
  const session = new SessionManager({ config: opts.config, transport, store: opts.store, now, persistDelayMs: hooks.persistDelayMs });
  const healing = new Healing(opts.healingStore, now);
  const api = new HaloClient(opts.config.halo, transport, session, healing);
  return { api, session, outcomes: () => healing.report(), flush: () => session.flush(), close: () => session.close() };
}

export { HaloError, isHaloError, type HaloErrorKind } from "./errors.js";
export type { HealedDoc, HealingStore, OperationOutcome } from "./healing.js";
export { classify, parseRetryAfter, sanitize, type HttpResult } from "./classify.js";
export { retryDelay, isTransient, type RequestKind, type RetryOptions } from "./retry.js";
export { CircuitBreaker, countsAsOutage, type BreakerState, type BreakerOptions } from "./breaker.js";
export { parseCookieHeader } from "./cookies.js";
export { notRefreshable } from "./messages.js";
export { transactionId } from "./headers.js";
export type * from "./types.js";
