/**
 * A small, counting fake of the Halo web host, gateway, orchestration and object store for unit tests
 * (independent of src/sandbox so these tests do not wait on it).
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach } from "vitest";

export const URLS = {
  baseUrl: "https://halo.unit.test",
  gatewayUrl: "https://gateway.unit.test/",
  orchestrationUrl: "https://orch.unit.test",
  store: "https://store.unit.test",
};

/**
 * JSON with Set-Cookie as a plain Response: msw's HttpResponse copies Set-Cookie into a process-wide cookie
 * store and re-sends it on later requests, which would hide bugs in our own cookie jar.
 */
function withCookie(body: unknown, setCookie: string, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: [["content-type", "application/json"], ["set-cookie", setCookie]] });
}

export type AuthFailure = "http401" | "message401" | "errorCode401" | "unauthenticated" | "malformed";

export class FakeHalo {
  n = 0;
  authToken = "";
  contextToken = "";
  readonly userId = "user-1111";
  readonly sessionCookie = "SESSIONCOOKIEVALUE-abcdef123456";
  readonly csrf = "CSRFVALUE0123456789";
  sessionAlive = true;
  authFailure: AuthFailure = "http401";
  postRefreshFails = false;
  callbackFails = false;
  /** Gateway answers this status/body instead of data while > 0 (decremented per call). */
  gatewayFailures: Array<{ status: number; headers?: Record<string, string>; body?: unknown }> = [];
  restFailures: Array<{ status: number; body?: unknown }> = [];
  /** Gateway waits this long before answering (timeouts). */
  gatewayDelayMs = 0;
  /** Gateway drops the connection. */
  gatewayNetworkError = false;
  /** Every secret this fake ever issued, for leak checks. */
  issued: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  stats = { gateway: 0, refreshPosts: 0, sessionGets: 0, callbacks: 0, csrfGets: 0, rest: 0, puts: 0, putBytes: 0 };
  seen: { headers?: Headers; cookie?: string; body?: unknown; refreshBody?: unknown } = {};

  constructor() {
    this.rotate();
    this.issued.push(this.sessionCookie, this.csrf);
  }

  rotate(): void {
    this.n++;
    this.authToken = `eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..AUTH${this.n}x.cipher${this.n}.tag${this.n}`;
    this.contextToken = `eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..CTX${this.n}x.cipher${this.n}.tag${this.n}`;
    this.issued?.push(this.authToken, this.contextToken);
  }

  /** The current tokens stop working (as after their expiry); a refresh issues new ones. */
  expireTokens(): void {
    this.authToken += "-expired";
  }

  cookieHeader(): string {
    return `__Secure-next-auth.session-token=${this.sessionCookie}; __Host-next-auth.csrf-token=${this.csrf}%7Chash0123; __Secure-next-auth.callback-url=https%3A%2F%2Fhalo.unit.test`;
  }

  private hasSession(req: Request): boolean {
    const c = req.headers.get("cookie") ?? "";
    return this.sessionAlive && c.includes(`next-auth.session-token=${this.sessionCookie}`);
  }

  /** ISO string sent as the session's tokenExpiration (absent when undefined). */
  tokenExpiration: string | undefined = undefined;

  private sessionJson() {
    return { tokenExpiration: this.tokenExpiration, userId: this.userId, authToken: this.authToken, contextToken: this.contextToken, expires: "2099-01-01T00:00:00.000Z", authMethod: "open_id", tenantId: "tenant-9" };
  }

  private authFail() {
    switch (this.authFailure) {
      case "http401":
        return HttpResponse.json({ message: "Unauthorized" }, { status: 401 });
      case "message401":
        return HttpResponse.json({ data: null, errors: [{ message: "401: Unauthorized" }] });
      case "errorCode401":
        return HttpResponse.json({ data: null, errors: [{ message: "Request failed", extensions: { errorCode: 401 } }] });
      case "unauthenticated":
        return HttpResponse.json({ data: null, errors: [{ message: "nope", extensions: { code: "UNAUTHENTICATED" } }] });
      case "malformed":
        return HttpResponse.json({ data: null, errors: [{ message: "The response was malformed" }] });
    }
  }

  private tokensOk(req: Request): boolean {
    return req.headers.get("authorization") === `Bearer ${this.authToken}` && req.headers.get("contexttoken") === `Bearer ${this.contextToken}` && !this.authToken.endsWith("-expired");
  }

  handlers() {
    const b = URLS.baseUrl;
    return [
      http.get(`${b}/api/auth/csrf`, () => {
        this.stats.csrfGets++;
        return withCookie({ csrfToken: this.csrf }, `__Host-next-auth.csrf-token=${this.csrf}%7Chash0123; Path=/; Secure; HttpOnly`);
      }),
      http.post(`${b}/api/auth/callback/tokens`, async ({ request }) => {
        this.stats.callbacks++;
        const form = new URLSearchParams(await request.text());
        const ok = !this.callbackFails && form.get("csrfToken") === this.csrf && form.get("authToken") && form.get("contextToken") && form.get("json") === "true";
        this.seen.body = Object.fromEntries(form);
        if (!ok) return HttpResponse.json({ url: `${b}/api/auth/error?error=CredentialsSignin` }, { status: 401 });
        return withCookie({ url: b }, `__Secure-next-auth.session-token=${this.sessionCookie}; Path=/; Secure; HttpOnly`);
      }),
      http.get(`${b}/api/auth/session`, ({ request }) => {
        this.stats.sessionGets++;
        this.seen.cookie = request.headers.get("cookie") ?? "";
        if (!this.hasSession(request)) return HttpResponse.json({});
        if (this.authToken.endsWith("-expired")) this.rotate(); // next-auth's jwt callback renews lazily
        return withCookie(this.sessionJson(), `__Secure-next-auth.session-token=${this.sessionCookie}; Path=/; Secure; HttpOnly`);
      }),
      http.post(`${b}/api/auth/session`, async ({ request }) => {
        this.stats.refreshPosts++;
        this.seen.refreshBody = await request.json();
        if (this.postRefreshFails) return HttpResponse.json({ error: "nope" }, { status: 500 });
        const body = this.seen.refreshBody as { csrfToken?: string; data?: { shouldRefreshToken?: string } };
        if (!this.hasSession(request) || body.csrfToken !== this.csrf || body.data?.shouldRefreshToken !== "true") return HttpResponse.json({});
        this.rotate();
        return HttpResponse.json(this.sessionJson());
      }),
      http.post(URLS.gatewayUrl, async ({ request }) => {
        this.stats.gateway++;
        this.seen.headers = request.headers;
        this.seen.body = await request.json();
        this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
        if (this.gatewayDelayMs) await new Promise((r) => setTimeout(r, this.gatewayDelayMs));
        this.inFlight--;
        if (this.gatewayNetworkError) return HttpResponse.error();
        const injected = this.gatewayFailures.shift();
        if (injected) return HttpResponse.json(injected.body ?? { message: "boom" }, { status: injected.status, headers: injected.headers });
        if (!this.tokensOk(request)) return this.authFail();
        const op = (this.seen.body as { operationName: string }).operationName;
        if (op === "NotEnrolled") return HttpResponse.json({ data: null, errors: [{ message: "Permission Evaluator exception on Class : unauthorized" }] });
        return HttpResponse.json({ data: { ok: true, op } });
      }),
      http.all(`${URLS.orchestrationUrl}/api/v1/orchestrate/*`, async ({ request }) => {
        this.stats.rest++;
        this.seen.headers = request.headers;
        const injected = this.restFailures.shift();
        if (injected) return HttpResponse.json(injected.body ?? { message: "boom" }, { status: injected.status });
        if (!this.tokensOk(request)) return HttpResponse.json({ message: "Unauthorized" }, { status: 401 });
        const text = request.method === "POST" ? await request.text() : "";
        return HttpResponse.json({ method: request.method, path: new URL(request.url).pathname, bodyLength: text.length, contentType: request.headers.get("content-type") });
      }),
      http.put(`${URLS.store}/*`, async ({ request }) => {
        this.stats.puts++;
        this.seen.headers = request.headers;
        const buf = await request.arrayBuffer();
        this.stats.putBytes = buf.byteLength;
        return new HttpResponse(null, { status: 200 });
      }),
      http.get(`${URLS.store}/*`, () => new HttpResponse("file-bytes-here", { headers: { "content-type": "text/plain", "content-length": "15" } })),
    ];
  }
}

export function startFake(fake = new FakeHalo()) {
  const server = setupServer(...fake.handlers());
  server.listen({ onUnhandledRequest: "error" });
  return { fake, server, close: () => server.close() };
}

/**
 * One fake server per test file and a fresh fake (counters, switches) for every test: `use` receives each new one.
 * `reset()` starts afresh inside a test.
 */
export function fakePerTest(use: (fake: FakeHalo) => void) {
  const env = startFake();
  use(env.fake);
  const reset = () => {
    const fake = new FakeHalo();
    env.server.resetHandlers(...fake.handlers());
    use(fake);
    return fake;
  };
  afterAll(() => env.close());
  afterEach(() => void reset());
  return { server: env.server, reset };
}
