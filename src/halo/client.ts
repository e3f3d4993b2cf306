/**
 * HaloApi over the transport and the session manager. Every Halo call goes through `call`: tokens in,
 * classify, on an auth failure one (single-flight) refresh and ONE replay. Replaying a write is safe only
 * because an auth failure means Halo rejected the request before doing anything.
 */
import type { CancelableRequest, Response } from "got";
import type { Readable } from "node:stream";
import type FormData from "form-data";
import { classify, pathOf, sanitize, type ClassifyOptions, type GqlError, type HttpResult } from "./classify.js";
import { noteDegraded } from "./degraded.js";
import { HaloError, isHaloError } from "./errors.js";
import { haloHeaders, type Tokens } from "./headers.js";
import type { Healing, OperationOutcome } from "./healing.js";
import { confirmedRejection, describePaths, incompatible, rejectedDocument, stillRejected } from "./messages.js";
import { nullSubtree, optionalPrefixOf } from "./partial.js";
import { RestBase, restBaseOf } from "./rest-base.js";
import { log } from "../log.js";
import type { RequestKind } from "./retry.js";
import type { SessionManager } from "./session.js";
import type { Reply, Transport } from "./transport.js";
import type { ClassContext, GraphqlRequest, HaloApi, SessionInfo, UploadBody } from "./types.js";
import type { AppConfig } from "../config/types.js";

export class HaloClient implements HaloApi {
  private readonly restBase: RestBase;

  constructor(
    private readonly config: AppConfig["halo"],
    private readonly transport: Transport,
    private readonly sessions: SessionManager,
    private readonly healing: Healing,
  ) {
    // An explicit setting always wins; otherwise Halo's own page may publish the base (see rest-base.ts).
    const discover = config.discoverOrchestration ? { got: transport.got, webBase: config.baseUrl, timeoutMs: Math.min(config.requestTimeoutMs, 10_000) } : undefined;
    this.restBase = new RestBase(restBaseOf(config.orchestrationUrl), discover);
  }

  private headers(tokens: Tokens, context: ClassContext | undefined, json: boolean, operationName?: string): Record<string, string> {
    return haloHeaders({
      tokens,
      baseUrl: this.config.baseUrl,
      info: this.sessions.current,
      configuredTransactionId: this.config.transactionId,
      context,
      operationName,
      json,
    });
  }

  private async call(kind: RequestKind, op: string, attempt: (tokens: Tokens) => () => CancelableRequest<Response<string>>, opts?: ClassifyOptions): Promise<Reply> {
    let used = await this.sessions.tokensForCall();
    // Tokens are read when the attempt actually leaves (it may have queued behind the semaphore while
    // another call refreshed), so a burst of expired calls does not all fail first.
    const run = () => {
      used = this.sessions.latest ?? used;
      return attempt(used)();
    };
    try {
      return await this.transport.send(kind, op, run, opts);
    } catch (e) {
      if (!isHaloError(e) || e.kind !== "auth") throw e;
      // Raw tokens cannot be refreshed: a refusal would end the session, so first make sure it is the session.
      if (!this.sessions.refreshable) await this.confirmDead(op, used);
      const fresh = await this.sessions.afterAuthFailure(used);
      try {
        return await this.transport.send(kind, op, attempt(fresh), opts);
      } catch (e2) {
        if (isHaloError(e2) && e2.kind === "auth") throw await this.confirmDead(op, fresh);
        throw e2;
      }
    }
  }

  /**
   * One cheap witnessed query with the same tokens before anyone tells the student to log in again. If Halo
   * answers it, the refusal was about this one request and is reported as such; the session stays.
   * Resolves with the "log in again" error only when the canary is refused too.
   */
  private async confirmDead(op: string, tokens: Tokens): Promise<HaloError> {
    // Refusals of the same tokens within a few seconds (a tool's parallel documents) share one canary.
    const now = (this.transport.opts.now ?? Date.now)();
    if (this.canary?.tokens !== tokens || now - this.canary.at > 10_000) this.canary = { tokens, at: now, alive: this.canaryAnswers(tokens) };
    const alive = await this.canary.alive;
    if (!alive) return stillRejected(this.config.baseUrl, op);
    throw confirmedRejection(op);
  }

  private canary?: { tokens: Tokens; at: number; alive: Promise<boolean> };

  /** true: Halo accepted the tokens for another request; false: refused them too. Throws when Halo cannot say. */
  private async canaryAnswers(tokens: Tokens): Promise<boolean> {
    const op = "GetUserAlertCount";
    try {
      await this.transport.send("session", op, () =>
        this.transport.got.post(this.config.gatewayUrl, {
          headers: this.headers(tokens, undefined, true, op),
          body: JSON.stringify({ operationName: op, variables: {}, query: "query GetUserAlertCount { getUserAlertCount { courseClassId } }" }),
        }),
      );
      return true;
    } catch (e) {
      if (isHaloError(e) && e.kind === "auth") return false;
      if (isHaloError(e) && ["validation", "access", "upstream", "not_found"].includes(e.kind)) return true;
      throw e;
    }
  }

  /** One read or mutation: a remembered healed document if any, pruning and one retry on a validation failure. */
  private async graphql<T>(kind: "query" | "mutation", req: GraphqlRequest): Promise<T> {
    const op = req.operationName;
    const feature = req.feature ?? op;
    const outcome = (o: Omit<OperationOutcome, "operation" | "feature">) => this.healing.record(req.query, { operation: op, feature: req.feature, ...o });
    const healed = await this.healing.healed(req.query);
    let query = healed?.query ?? req.query;
    let removed = healed?.removed ?? [];
    for (let tries = 0; ; tries++) {
      try {
        const { data, missing } = await this.send<T>(kind, { ...req, query });
        if (removed.length) noteDegraded(feature, `Halo no longer offers ${describePaths(removed)}`);
        outcome({ status: missing.length ? "partial" : removed.length ? "pruned" : "ok", removed, missing });
        return data;
      } catch (e) {
        const healable = tries === 0 && isHaloError(e) && e.kind === "validation" && !!e.issues?.length;
        if (!healable) {
          outcome({ status: "failed", removed, message: isHaloError(e) ? e.message : "internal error" });
          throw isHaloError(e) && e.kind === "validation" ? rejectedDocument(feature, op, e) : e;
        }
        const { pruneDocument } = await import("./prune.js");
        const pruned = pruneDocument(query, e.issues ?? [], req.required ?? []);
        if (!pruned.ok) {
          const err = pruned.required.length ? incompatible(feature, op, pruned.required) : rejectedDocument(feature, op, e);
          outcome({ status: "failed", removed, message: err.message });
          throw err;
        }
        log.warn(`halo: Halo rejected ${describePaths(pruned.removed)} in ${op}; retrying without ${pruned.removed.length === 1 ? "it" : "them"}`);
        query = pruned.query;
        removed = [...removed, ...pruned.removed];
        await this.healing.remember(req.query, { operation: op, query, removed });
      }
    }
  }

  /** Sends one document. Field errors inside the request's optional subtrees null that subtree and leave a note. */
  private async send<T>(kind: "query" | "mutation", req: GraphqlRequest): Promise<{ data: T; missing: string[] }> {
    const op = req.operationName;
    const optional = req.optional;
    const opts = optional?.length ? { tolerate: (e: GqlError) => optionalPrefixOf(e, optional) !== undefined } : undefined;
    const reply = await this.call(kind, op, (tokens) => () =>
      this.transport.got.post(this.config.gatewayUrl, {
        headers: this.headers(tokens, req.context, true, op),
        body: JSON.stringify({ operationName: op, variables: req.variables ?? {}, query: req.query }),
      }),
    opts);
    const body = reply.body as { data?: unknown; errors?: unknown } | string | undefined;
    if (!body || typeof body !== "object" || body.data === undefined || body.data === null) {
      throw new HaloError("upstream", `Halo returned no data for ${op}.`, { operation: op, status: reply.statusCode });
    }
    const missing = new Set<string>();
    for (const e of Array.isArray(body.errors) ? (body.errors as GqlError[]) : []) {
      const prefix = optionalPrefixOf(e, optional);
      // The classifier let only optional-subtree errors through; a null that climbed above that subtree is not partial.
      if (!prefix || !nullSubtree(body.data, pathOf(e), prefix)) {
        throw new HaloError("upstream", `Halo could not provide the ${req.feature ?? op}: ${sanitize(e.message)}`, { operation: op });
      }
      missing.add(prefix.split(".").slice(1).join(".") || prefix);
    }
    if (missing.size) noteDegraded(req.feature ?? op, `${describePaths([...missing])} unavailable`);
    return { data: body.data as T, missing: [...missing] };
  }

  query<T = unknown>(req: GraphqlRequest): Promise<T> {
    return this.graphql<T>("query", req);
  }

  mutate<T = unknown>(req: GraphqlRequest): Promise<T> {
    return this.graphql<T>("mutation", req);
  }

  private async restUrl(path: string): Promise<string> {
    return (await this.restBase.get()) + path.replace(/^\/+/, "");
  }

  private static restOp(method: string, path: string): string {
    return `${method} ${path.replace(/^\/+/, "").split("?")[0]?.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, "{id}")}`;
  }

  async restGet<T = unknown>(path: string, context?: ClassContext): Promise<T> {
    const url = await this.restUrl(path);
    const reply = await this.call("get", HaloClient.restOp("GET", path), (tokens) => () =>
      this.transport.got.get(url, { headers: this.headers(tokens, context, false) }),
    );
    return HaloClient.restBody<T>(reply, "GET " + path);
  }

  /** JSON (or short text) replies pass; an HTML page in a 2xx is a proxy/login page, not data. */
  private static restBody<T>(reply: Reply, op: string): T {
    if (typeof reply.body === "string") {
      if (reply.body.trim() === "") return undefined as T;
      if (/^\s*</.test(reply.body)) throw new HaloError("upstream", `Halo answered ${op.split("?")[0]} with a web page instead of data; try again later.`, { status: reply.statusCode });
    }
    return reply.body as T;
  }

  async restPost<T = unknown>(path: string, body: { json?: unknown; form?: () => FormData }, context?: ClassContext): Promise<T> {
    const url = await this.restUrl(path);
    const reply = await this.call("post", HaloClient.restOp("POST", path), (tokens) => () => {
      if (body.form) {
        // A fresh FormData per attempt: a stream body cannot be sent twice. form-data sets its own boundary header.
        const form = body.form();
        return this.transport.got.post(url, { headers: { ...this.headers(tokens, context, false), ...form.getHeaders() }, body: form });
      }
      return this.transport.got.post(url, { headers: this.headers(tokens, context, true), body: JSON.stringify(body.json ?? {}) });
    });
    return HaloClient.restBody<T>(reply, "POST " + path);
  }

  private streamTimeouts() {
    // No total-request limit: a 512 MB upload takes as long as it takes. Stalls are caught by the idle
    // (socket) limit, which also covers a DNS stall; no `lookup` timer because mocked sockets never emit it.
    const t = this.config.requestTimeoutMs;
    // `request: undefined` is needed: got MERGES per-call timeouts into the instance's, which has a total limit.
    return { request: undefined, connect: t, secureConnect: t, socket: t, response: t };
  }

  async putPresigned(url: string, body: UploadBody, onProgress?: (sent: number, total: number) => void): Promise<void> {
    let res: HttpResult;
    try {
      const request = this.transport.got.put(url, {
        body: body.open(),
        headers: { "content-length": String(body.size), "content-type": body.contentType },
        timeout: this.streamTimeouts(),
      });
      if (onProgress) request.on("uploadProgress", (p) => onProgress(p.transferred, p.total ?? body.size));
      const r = await request;
      res = { statusCode: r.statusCode, headers: r.headers, body: "" }; // the store's body may echo the URL: never surfaced
    } catch (e) {
      throw classify(e, "upload") as HaloError;
    }
    const err = classify(res, "upload");
    if (err) throw err;
  }

  getSigned(url: string): Promise<{ stream: Readable; contentType?: string; size?: number }> {
    return new Promise((resolve, reject) => {
      const stream = this.transport.got.stream(url, { timeout: this.streamTimeouts(), throwHttpErrors: false });
      const onError = (e: unknown) => reject(classify(e, "download"));
      stream.once("error", onError);
      stream.once("response", (res: { statusCode: number; headers: HttpResult["headers"] }) => {
        const err = classify({ statusCode: res.statusCode, headers: res.headers, body: "" }, "download");
        if (err) {
          stream.destroy();
          return reject(err);
        }
        stream.off("error", onError);
        // The caller pipes the body later (after other awaits); an error emitted before it does, or after its
        // pipeline settled (a reset, or bytes beyond content-length parsed as a bogus next reply), must not be
        // an unhandled 'error' that ends the process. The stream stays destroyed with the error, so the
        // caller's pipeline still sees it.
        stream.on("error", () => undefined);
        const len = Number(res.headers["content-length"]);
        const type = res.headers["content-type"];
        resolve({ stream, contentType: typeof type === "string" ? type : undefined, size: Number.isFinite(len) && len >= 0 ? len : undefined });
      });
    });
  }

  session(): Promise<SessionInfo> {
    return this.sessions.sessionInfo();
  }
}
