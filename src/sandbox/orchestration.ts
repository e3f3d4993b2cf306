/** Orchestration REST: bearer pair like the gateway, JSON errors Spring-style ({status, error, message}). */
import { httpFailure, randomFailure } from "./failures.js";
import { download, sendPost } from "./orch-messages.js";
import { fileUploadStatus, presign, submit } from "./orch-upload.js";
import { nowMs, type State } from "./state.js";
import type { RestStep } from "./switches.js";
import type { SandboxUrls } from "./urls.js";
import { json } from "./util.js";

export interface OrchCtx { s: State; userId: string; now: number; urls: SandboxUrls }

export const restError = (status: number, message: string): Response =>
  json({ timestamp: new Date().toISOString(), status, error: ({ 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 415: "Unsupported Media Type" } as Record<number, string>)[status] ?? "Error", message }, status);

const CLASS_HEADERS = ["transaction-id", "current-class-slug-id", "current-course-class-id"];

type Route = { step: RestStep; method: string; re: RegExp; run: (c: OrchCtx, req: Request, m: RegExpExecArray) => Promise<Response> };
const routes: Route[] = [
  { step: "presign", method: "POST", re: /^generate-presigned-urls$/, run: (c, req) => presign(c, req) },
  { step: "status", method: "POST", re: /^fileUploadStatus$/, run: (c, req) => fileUploadStatus(c, req) },
  { step: "submit", method: "POST", re: /^resource\/assignment_resource\/([^/]+)\/submit$/, run: (c, req, m) => submit(c, req, decodeURIComponent(m[1] ?? "")) },
  { step: "send", method: "POST", re: /^forum\/post\/send$/, run: (c, req) => sendPost(c, req) },
  { step: "download", method: "GET", re: /^downloadUrl\/([^/]+)$/, run: (c, _req, m) => download(c, decodeURIComponent(m[1] ?? "")) },
];

export async function orchestration(s: State, req: Request, urls: SandboxUrls): Promise<Response> {
  const path = new URL(req.url).pathname;
  const prefix = s.switches.orchestrationPath;
  if (!path.startsWith(prefix)) return restError(404, "No static resource " + path.slice(1));
  const rest = path.slice(prefix.length);
  const matched = routes.map((r) => ({ r, m: r.re.exec(rest) })).filter((x) => x.m);
  const hit = matched.find((x) => x.r.method === req.method);
  if (!hit?.m) return matched.length ? restError(405, `Request method '${req.method}' is not supported`) : restError(404, "No static resource " + path.slice(1));
  const auth = s.tokens.check(req.headers.get("authorization"), req.headers.get("contexttoken"), nowMs(s), s.switches.expireTokensAfterCalls);
  if (!auth.ok) return httpFailure(s, "http401");
  const random = randomFailure(s);
  if (random) return random;
  if (s.switches.requireClassHeaders) {
    const missing = CLASS_HEADERS.find((h) => req.headers.get(h) === null);
    if (missing) return restError(400, `Required request header '${missing}' for method parameter type String is not present`);
  }
  const injected = s.switches.failRest[hit.r.step];
  if (injected) return httpFailure(s, injected);
  return hit.r.run({ s, userId: auth.grant.userId, now: nowMs(s), urls }, req, hit.m);
}

export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; res: Response }> {
  if (!(req.headers.get("content-type") ?? "").includes("application/json")) return { ok: false, res: restError(415, "Content-Type must be application/json") };
  try {
    return { ok: true, body: await req.json() };
  } catch {
    return { ok: false, res: restError(400, "JSON parse error: malformed request body") };
  }
}
