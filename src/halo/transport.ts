/**
 * One place where requests leave for Halo: bounded concurrency, the circuit breaker, classification and
 * retries of reads. Callers pass a function that performs a single attempt.
 */
import got, { type Got, type Response } from "got";
import { log } from "../log.js";
import { CircuitBreaker } from "./breaker.js";
import { classify, parseBody, type ClassifyOptions, type HttpResult } from "./classify.js";
import { HaloError } from "./errors.js";
import { retryDelay, type RequestKind } from "./retry.js";
import { Semaphore } from "./semaphore.js";

export interface TransportOptions {
  requestTimeoutMs: number;
  maxConcurrency: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  breaker?: { threshold?: number; cooldownMs?: number };
}

export interface Reply {
  statusCode: number;
  headers: HttpResult["headers"];
  body: unknown; // parsed JSON when it was JSON
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class Transport {
  readonly got: Got;
  readonly breaker: CircuitBreaker;
  private readonly semaphore: Semaphore;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(readonly opts: TransportOptions) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? defaultSleep;
    this.random = opts.random ?? Math.random;
    this.semaphore = new Semaphore(opts.maxConcurrency);
    this.breaker = new CircuitBreaker({ ...opts.breaker, now: this.now });
    // got's own retry is off: retries depend on whether the call is a read or a write, decided here.
    this.got = got.extend({
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      ignoreInvalidCookies: true,
      timeout: { request: opts.requestTimeoutMs },
      responseType: "text",
    });
  }

  /** Runs `attempt` with breaker + semaphore, classifies, retries transient failures of reads. */
  async send(kind: RequestKind, op: string, attempt: () => Promise<Response<string>>, classifyOpts?: ClassifyOptions): Promise<Reply> {
    for (let n = 1; ; n++) {
      this.breaker.enter(op);
      let error: HaloError | null;
      let reply: Reply | undefined;
      try {
        const res = await this.semaphore.run(attempt);
        reply = { statusCode: res.statusCode, headers: res.headers, body: parseBody(res.body) };
        error = classify(reply, op, this.now(), classifyOpts);
      } catch (e) {
        error = classify(e, op, this.now());
      }
      if (!error && reply) {
        this.breaker.success();
        return reply;
      }
      const err = error ?? new HaloError("upstream", `Halo gave no reply to ${op}.`, { operation: op });
      this.breaker.failure(err);
      const delay = retryDelay(n, err, { kind, random: this.random });
      if (delay === null) throw err;
      log.debug(`halo: ${op} failed (${err.kind}${err.status ? " " + err.status : ""}); retry ${n} in ${delay}ms`);
      await this.sleep(delay);
    }
  }
}
