/** Response bodies for every auth-failure and injected-failure variant in the reference's error table. */
import type { InjectedFailure } from "./switches.js";
import { json, prng } from "./util.js";
import type { State } from "./state.js";

export function gatewayFailure(s: State, kind: InjectedFailure | "http401", rootField?: string): Response {
  switch (kind) {
    case "http401":
      return json({ statusCode: 401, message: "Unauthorized" }, 401, { "www-authenticate": 'Bearer error="invalid_token"' });
    case "message401":
      return json({ errors: [{ message: "401: Unauthorized", extensions: { code: "UNAUTHENTICATED", response: { status: 401, statusText: "Unauthorized", body: { message: "Jwt is expired" } } } }], data: null });
    case "errorCode401":
      return json({ errors: [{ message: "Request failed with status code 401", extensions: { errorCode: 401, code: "INTERNAL_SERVER_ERROR" } }], data: null });
    case "malformed":
      return json({ errors: [{ message: "response was malformed", extensions: { code: "INTERNAL_SERVER_ERROR" } }], data: null });
    case "access":
      return json({
        errors: [{ message: "Permission Evaluator exception on Class : injected", path: rootField ? [rootField] : undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } }],
        data: rootField ? { [rootField]: null } : null,
      });
    default:
      return httpFailure(s, kind);
  }
}

export function httpFailure(s: State, kind: InjectedFailure | "http401"): Response {
  switch (kind) {
    case "http429":
      return json({ message: "Too Many Requests" }, 429, { "retry-after": String(s.switches.retryAfterSeconds) });
    case "http502":
      return new Response("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>", { status: 502, headers: { "content-type": "text/html" } });
    case "http503":
      return new Response("upstream connect error or disconnect/reset before headers. reset reason: overflow", { status: 503, headers: { "content-type": "text/plain" } });
    case "http401":
      return json({ status: 401, error: "Unauthorized", message: "Full authentication is required to access this resource" }, 401);
    case "malformed":
      return new Response("<html><body>Something went wrong", { status: 200, headers: { "content-type": "text/html" } });
    case "access":
      return json({ status: 403, error: "Forbidden", message: "Permission Evaluator exception on Class : injected" }, 403);
    case "message401":
    case "errorCode401":
      return json({ status: 401, error: "Unauthorized", message: "401: Unauthorized", errorCode: 401 }, 401);
    default:
      return json({ status: 500, error: "Internal Server Error", message: "Internal Server Error" }, 500);
  }
}

/** Seeded-random 429 / 503 shared by gateway and orchestration. */
export function randomFailure(s: State): Response | null {
  if (s.rngSeed !== s.switches.seed) {
    s.rng = prng(s.switches.seed);
    s.rngSeed = s.switches.seed;
  }
  if (s.switches.rate429 > 0 && s.rng() < s.switches.rate429) return httpFailure(s, "http429");
  if (s.switches.rate5xx > 0 && s.rng() < s.switches.rate5xx) return httpFailure(s, "http503");
  return null;
}
