/**
 * createHalo: the Halo API + session control the tools use. Nothing touches the network until the first call.
 * Pass a ConfigStore (createConfigStore(config.configPath)) to persist rotated sessions and pick up hand edits.
 */
import type { ConfigStore } from "../config/store.js";
import type { AppConfig } from "../config/types.js";
import { HaloClient } from "./client.js";
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
  /** Writes any pending session change (call before exit; close() does it fire-and-forget). */
  flush(): Promise<void>;
  close(): void;
}

export function createHalo(opts: { config: AppConfig; store?: ConfigStore; now?: () => number; fetchHooks?: FetchHooks }): Halo {
  const now = opts.now ?? Date.now;
  const hooks = opts.fetchHooks ?? {};
  const transport = new Transport({
    requestTimeoutMs: opts.config.halo.requestTimeoutMs,
    maxConcurrency: opts.config.halo.maxConcurrency,
    now,
    sleep: hooks.sleep,
    random: hooks.random,
    breaker: hooks.breaker,
  });
  const session = new SessionManager({ config: opts.config, transport, store: opts.store, now, persistDelayMs: hooks.persistDelayMs });
  const api = new HaloClient(opts.config.halo, transport, session);
  return { api, session, flush: () => session.flush(), close: () => session.close() };
}

export { HaloError, isHaloError, type HaloErrorKind } from "./errors.js";
export { classify, parseRetryAfter, sanitize, type HttpResult } from "./classify.js";
export { retryDelay, isTransient, type RequestKind, type RetryOptions } from "./retry.js";
export { CircuitBreaker, countsAsOutage, type BreakerState, type BreakerOptions } from "./breaker.js";
export { parseCookieHeader } from "./cookies.js";
export { transactionId } from "./headers.js";
export type * from "./types.js";
