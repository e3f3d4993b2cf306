/**
 * Streamable HTTP in front of fastmcp. fastmcp's own HTTP layer (mcp-proxy) cannot set security headers,
 * limit bodies, drop its `Access-Control-Allow-Origin: *`, hide /sse and /ping, or skip the ~1 s capability
 * poll on every `initialize` (fastmcp #142), so a small node:http server does the HTTP part and hands each
 * session's SDK transport to fastmcp through its public `connect()`. Tools, sessions' logic and the protocol
 * stay fastmcp's.
 */
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { FastMCP } from "fastmcp";
import { log } from "../log.js";
import { MESSAGE_MAX_BYTES } from "../config/limits.js";
import { json, readBody, requestId, rpcError } from "./http-io.js";
import { checkToolCall } from "./rpc.js";
import { SessionTable, type Admission } from "./sessions.js";
import { bearerMatches, hostAllowed, normalizeOrigin, originAllowed, SECURITY_HEADERS } from "./security.js";

export interface HttpOptions {
  server: FastMCP;
  host: string;
  port: number;
  /** The bearer every /mcp request must carry. */
  token: string;
  allowedHosts: readonly string[];
  allowedOrigins: readonly string[];
  maxBodyBytes?: number;
  /**
   * Sessions with no request for this long are closed (the client re-initializes), open SSE streams included:
   * a live client answers the server's pings with requests, a vanished one holding a stream does not.
   */
  idleSessionMs?: number;
  /**
   * At most this many sessions. A new one replaces the longest-idle session not in use; when all are in use it
   * is refused with 503 and Retry-After instead.
   */
  maxSessions?: number;
  /** A session with a request within this long (ms) is in use: never closed to make room. */
  activeSessionMs?: number;
}

export interface HttpHandle {
  /** e.g. http://127.0.0.1:8000/mcp (a wildcard bind is shown as 127.0.0.1). */
  url: string;
  port: number;
  sessionCount(): number;
  close(): Promise<void>;
}

interface Session {
  transport: StreamableHTTPServerTransport;
  close: () => Promise<void>;
}

const MCP_PATH = "/mcp";
const HEALTH_PATH = "/health";
const DEFAULT_MAX_BODY = MESSAGE_MAX_BYTES;
const DEFAULT_IDLE_MS = 2 * 60 * 60 * 1000;
// 50 clients at once is far beyond a student's handful, and each session costs well under a megabyte.
const DEFAULT_MAX_SESSIONS = 64;
// A client between two tool calls (the model writing, the student reading) is still using its session.
const DEFAULT_ACTIVE_MS = 60_000;
const BUSY_LOG_EVERY_MS = 60_000;

export async function startHttp(opts: HttpOptions): Promise<HttpHandle> {
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const idleMs = opts.idleSessionMs ?? DEFAULT_IDLE_MS;
  const maxSessions = opts.maxSessions ?? DEFAULT_MAX_SESSIONS;
  const sessions = new SessionTable<Session>({ max: maxSessions, activeMs: opts.activeSessionMs ?? DEFAULT_ACTIVE_MS }, (s) => {
    log.info(`http: ${maxSessions} sessions open; closing the longest-idle one to make room`);
    void s.close().catch(() => undefined);
  });
  let busyLoggedAt = 0;
  const allowedOrigins = opts.allowedOrigins.map((o) => normalizeOrigin(o)).filter((o): o is string => Boolean(o));

  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin) return {};
    return {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Expose-Headers": "Mcp-Session-Id, WWW-Authenticate",
      Vary: "Origin",
    };
  }

  async function newSession(req: IncomingMessage, res: ServerResponse, body: unknown, place: Admission & { ok: true }): Promise<void> {
    let closed = false;
    let fastSession: { close(): Promise<void> } | undefined;
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        // The place was taken before this initialize was handed over (handleMcp), so a burst cannot overshoot.
        sessions.add(id, { transport, close: () => transport.close() }, place);
        log.info(`http: session opened (${sessions.size} active)`);
      },
    });
    // Protocol.connect chains this handler; fastmcp wraps it again after its capability poll.
    transport.onclose = () => {
      if (closed) return;
      closed = true;
      const id = transport.sessionId;
      if (id && sessions.delete(id)) log.info(`http: session closed (${sessions.size} active)`);
      // fastmcp does not stop a session's ping timer when its transport closes; close it once the
      // transport's own close has unwound.
      setImmediate(() => void fastSession?.close().catch(() => undefined));
    };
    // fastmcp's connect() waits up to 1 s for client capabilities that only the initialize request we are
    // holding can deliver. Start it, wait only until the transport is wired (start() is the last step of
    // the SDK's connect), then hand the request over; the poll finds the capabilities on its next tick.
    const wired = new Promise<void>((resolve) => {
      const start = transport.start.bind(transport);
      transport.start = async () => {
        await start();
        resolve();
      };
    });
    const connecting = opts.server.connect(transport).then((s) => {
      fastSession = s;
      if (closed) void s.close().catch(() => undefined);
    });
    connecting.catch((e: unknown) => log.warn("http: session setup failed", e));
    try {
      await Promise.race([wired, connecting]);
      await transport.handleRequest(req, res, body);
      if (!transport.sessionId && !closed) await transport.close(); // initialize was refused: nothing to keep
    } finally {
      place.release(); // no-op once the session was added
    }
  }

  /** 503 for an initialize that finds every session in use: nobody else's session is closed for it. */
  function busy(res: ServerResponse, retryAfterSeconds: number, id: string | number | null): void {
    if (Date.now() - busyLoggedAt >= BUSY_LOG_EVERY_MS) {
      busyLoggedAt = Date.now();
      log.warn(`http: all ${maxSessions} sessions are in use; refusing new ones (503) until one goes idle`);
    }
    rpcError(res, 503, `Server busy: all ${maxSessions} sessions are in use. Retry after ${retryAfterSeconds} s.`, { "Retry-After": String(retryAfterSeconds) }, -32000, id);
  }

  async function handleMcp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = corsHeaders(req);
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID",
        "Access-Control-Max-Age": "600",
      });
      res.end();
      return;
    }
    if (!bearerMatches(req.headers.authorization, opts.token)) {
      const given = typeof req.headers.authorization === "string" && req.headers.authorization.length > 0;
      const challenge = given ? 'Bearer realm="halo-lms-mcp", error="invalid_token"' : 'Bearer realm="halo-lms-mcp"';
      req.resume();
      rpcError(res, 401, "Unauthorized", { "WWW-Authenticate": challenge });
      return;
    }
    const sid = req.headers["mcp-session-id"];
    const sessionId = typeof sid === "string" ? sid : undefined;

    if (req.method === "POST") {
      const body = await readBody(req, maxBody);
      if (!body.ok) {
        if (body.status === 413) {
          res.setHeader("Connection", "close");
          rpcError(res, 413, "Request body too large");
          req.resume();
        } else rpcError(res, 400, "Parse error: the body is not JSON", {}, -32700);
        return;
      }
      const refused = (Array.isArray(body.value) ? body.value : [body.value]).map(checkToolCall).find((r) => r !== null);
      if (refused) return json(res, 400, refused);
      if (sessionId) {
        const s = sessions.get(sessionId);
        const done = sessions.begin(sessionId);
        if (!s || !done) return rpcError(res, 404, "Session not found", {}, -32001);
        // In flight until the response ends: a streamed (SSE) answer outlives handleRequest.
        res.once("close", done);
        try {
          await s.transport.handleRequest(req, res, body.value);
        } catch (e) {
          done();
          throw e;
        }
        return;
      }
      if (isInitializeRequest(body.value)) {
        const place = sessions.admit();
        if (!place.ok) return busy(res, place.retryAfterSeconds, requestId(body.value));
        return newSession(req, res, body.value, place);
      }
      return rpcError(res, 400, "Bad Request: no valid session id (send initialize first)");
    }
    if (req.method === "GET" || req.method === "DELETE") {
      if (!sessionId) return rpcError(res, 400, "Bad Request: Mcp-Session-Id header required");
      const s = sessions.touch(sessionId);
      if (!s) return rpcError(res, 404, "Session not found", {}, -32001);
      await s.transport.handleRequest(req, res);
      return;
    }
    rpcError(res, 405, "Method not allowed", { Allow: "GET, POST, DELETE, OPTIONS" });
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    let path: string;
    try {
      path = new URL(req.url ?? "/", "http://localhost").pathname;
    } catch {
      return json(res, 400, { error: "bad request" });
    }
    // DNS rebinding: the Host must name us and a browser Origin must be one we trust, on every path.
    if (!hostAllowed(req.headers.host, opts.allowedHosts)) {
      log.warn("http: refused a request with a Host header that is not allowed (add it to MCP_ALLOWED_HOSTS if it is yours)");
      req.resume();
      return path === MCP_PATH ? rpcError(res, 403, "Forbidden") : json(res, 403, { error: "forbidden" });
    }
    const origin = req.headers.origin;
    if (!originAllowed(origin, allowedOrigins)) {
      log.warn("http: refused a request from a browser origin that is not allowed (MCP_ALLOWED_ORIGINS)");
      req.resume();
      return path === MCP_PATH ? rpcError(res, 403, "Forbidden") : json(res, 403, { error: "forbidden" });
    }
    if (path === HEALTH_PATH) {
      if (req.method !== "GET" && req.method !== "HEAD") return json(res, 405, { error: "method not allowed" }, { Allow: "GET, HEAD" });
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(req.method === "HEAD" ? undefined : '{"status":"ok"}');
      return;
    }
    if (path === MCP_PATH) return handleMcp(req, res);
    req.resume();
    json(res, 404, { error: "not found" });
  }

  const httpServer = http.createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      log.error(`http: ${req.method} request failed`, e);
      if (!res.headersSent) rpcError(res, 500, "Internal error");
      else res.end();
    });
  });
  httpServer.on("clientError", (_e, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });

  const reaper = setInterval(() => {
    for (const s of sessions.idle(idleMs)) {
      log.info("http: closing an idle session");
      void s.close().catch(() => undefined);
    }
  }, Math.min(60_000, idleMs));
  reaper.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port, opts.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = ["0.0.0.0", "::", ""].includes(opts.host) ? "127.0.0.1" : opts.host.includes(":") ? `[${opts.host}]` : opts.host;

  return {
    url: `http://${shownHost}:${port}${MCP_PATH}`,
    port,
    sessionCount: () => sessions.size,
    async close() {
      clearInterval(reaper);
      await Promise.allSettled([...sessions.values()].map((s) => s.close()));
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
