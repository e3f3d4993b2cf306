/**
 * One place where requests leave for Halo: bounded concurrency, the circuit breaker, classification and
 * retries of reads. Callers pass a function that performs a single attempt.
 */
import got, { type CancelableRequest, type Got, type Response } from "got";
import { log } from "../log.js";
import { CircuitBreaker } from "./breaker.js";
import { classify, parseBody, type ClassifyOptions, type HttpResult } from "./classify.js";
import { HaloError } from "./errors.js";
import { retryDelay, type RequestKind } from "./retry.js";
import { Semaphore } from "./semaphore.js";
import { REPLY_MAX_BYTES_DEFAULT } from "../config/limits.js";

export interface TransportOptions {
  requestTimeoutMs: number;
  maxConcurrency: number;
  /** Replies over this many bytes are cancelled mid-transfer (default 20 MB). */
  replyMaxBytes?: number;
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

// Not unref'd: a one-shot CLI (init, doctor) waiting out a 503's Retry-After has nothing else keeping the event loop
// alive, and an unref'd wait let it exit 0 mid-check with nothing printed. The server stops with process.exit.
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
  /**
   * got buffers a reply whole before resolving; this cancels it as soon as the announced or received size
   * passes the cap, so a huge or endless reply costs at most the cap in memory, and the buffer is dropped.
   */
  private capped(request: CancelableRequest<Response<string>>, op: string): Promise<Response<string>> {
    const max = this.opts.replyMaxBytes ?? REPLY_MAX_BYTES_DEFAULT;
    let over = false;
    request.on("downloadProgress", (p: { transferred: number; total?: number }) => {
      if (over || (p.transferred <= max && (p.total ?? 0) <= max)) return;
      over = true;
      request.cancel();
    });
    return request.catch((e: unknown) => {
      if (!over) throw e;
      const limit = max >= 1048576 ? `${Math.round(max / 1048576)} MB` : `${Math.round(max / 1024)} KB`;
      throw new HaloError("too_large", `Halo's reply to ${op} was larger than the ${limit} limit (replyMaxBytes) and was dropped.`, { operation: op });
    });
  }

  async send(kind: RequestKind, op: string, attempt: () => CancelableRequest<Response<string>>, classifyOpts?: ClassifyOptions): Promise<Reply> {
    for (let n = 1; ; n++) {
      this.breaker.enter(op);
      let error: HaloError | null;
      let reply: Reply | undefined;
      try {
        const res = await this.semaphore.run(() => this.capped(attempt(), op));
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
