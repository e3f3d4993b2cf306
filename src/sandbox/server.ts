/**
 * Loopback adapter: one node:http server per service on its own random port, so cookies, CORS-less origins
 * and absolute presigned URLs behave as with four separate hosts. Bodies stream both ways.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { handle } from "./core.js";
import type { Service, State } from "./state.js";
import type { SandboxUrls } from "./urls.js";

export interface RunningSandbox { urls: SandboxUrls; close(): Promise<void> }

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
    else if (v !== undefined) headers.set(k, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", base), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

async function writeResponse(res: Response, out: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  res.headers.forEach((v, k) => {
    if (k !== "set-cookie") headers[k] = v;
  });
  const cookies = res.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  out.writeHead(res.status, headers);
  if (!res.body) {
    out.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(res.body as unknown as NodeReadableStream<Uint8Array>).on("error", reject).pipe(out).on("finish", resolve).on("error", reject);
  });
}

function listenOne(s: State, service: Service, host: string, urls: () => SandboxUrls): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const base = urls()[service === "gateway" ? "gateway" : service];
    handle(s, service, toRequest(req, base), urls())
      .then((r) => writeResponse(r, res))
      .catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(e instanceof Error ? e.message : "error");
      });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      resolve({ server, base: `http://${host}:${port}` });
    });
  });
}

/** Another host name for the same loopback address, so the identity provider's cookies stay apart from Halo's. */
const otherName = (host: string) => (host === "127.0.0.1" ? "localhost" : host === "localhost" ? "127.0.0.1" : host);

export async function listenAll(s: State, host = "127.0.0.1"): Promise<RunningSandbox> {
  let urls: SandboxUrls = { web: "", gateway: "", orchestration: "", store: "", idp: "" };
  const get = () => urls;
  const [w, g, o, st, id] = await Promise.all((["web", "gateway", "orchestration", "store", "idp"] as const).map((svc) => listenOne(s, svc, host, get)));
  const idpUrl = new URL(id!.base);
  idpUrl.hostname = otherName(idpUrl.hostname);
  urls = { web: w!.base, gateway: `${g!.base}/`, orchestration: o!.base, store: st!.base, idp: idpUrl.origin };
  const servers = [w, g, o, st, id].map((x) => x!.server);
  return {
    urls,
    close: () => Promise.all(servers.map((sv) => new Promise<void>((r) => { sv.closeAllConnections(); sv.close(() => r()); }))).then(() => undefined),
  };
}
