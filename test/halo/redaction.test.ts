/** No token, cookie or csrf value may reach a log line or an error message, whatever fails. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createConfigStore } from "../../src/config/index.js";
import { createHalo, type HaloError } from "../../src/halo/index.js";
import { setLogLevel, setLogSink } from "../../src/log.js";
import { clearSecrets } from "../../src/redact.js";
import { startFake } from "./fake-halo.js";
import { instant, tempDir, testConfig } from "./helpers.js";

const env = startFake();
afterAll(() => {
  env.close();
  setLogSink(undefined);
  setLogLevel("info");
});

function texts(e: unknown): string[] {
  const out: string[] = [];
  for (let cur = e as { message?: string; cause?: unknown; stack?: string } | undefined, i = 0; cur && i < 5; cur = cur.cause as typeof cur, i++) {
    out.push(String(cur.message ?? cur), String(cur.stack ?? ""));
  }
  return out;
}

describe("redaction", () => {
  it("a run full of failures leaks no secret into logs or error messages", async () => {
    clearSecrets();
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    setLogLevel("debug");
    const { fake } = env;
    const errors: unknown[] = [];
    const attempt = (p: Promise<unknown>) => p.catch((e: unknown) => void errors.push(e));
    const Q = { operationName: "Q", query: "query Q { x }" };

    // 1. Cookie session with persistence into a file that later breaks (the refusal is logged).
    const path = join(tempDir(), "config.json");
    writeFileSync(path, JSON.stringify({ cookie: fake.cookieHeader() }));
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }, path), store: createConfigStore(path), fetchHooks: instant });
    await halo.api.query(Q);
    fake.gatewayFailures.push({ status: 503, body: { message: `echo Bearer ${fake.authToken}` } });
    await attempt(halo.api.query(Q));
    fake.gatewayFailures.push({ status: 200, body: { errors: [{ message: `weird ${fake.contextToken} ${fake.sessionCookie}` }] } });
    await attempt(halo.api.query(Q));
    fake.expireTokens();
    await attempt(halo.api.query(Q)); // refresh
    await halo.flush();
    writeFileSync(path, `{ "cookie": "${fake.cookieHeader()}", broken`);
    fake.expireTokens();
    await attempt(halo.api.query(Q)); // refresh; saving refused
    await halo.flush();
    fake.sessionAlive = false;
    fake.expireTokens();
    await attempt(halo.api.query(Q)); // dead session
    errors.push(await halo.session.status());

    // 2. Raw tokens whose callback fails, then rejected.
    fake.sessionAlive = true;
    fake.callbackFails = true;
    const raw = createHalo({ config: testConfig({ authToken: fake.authToken, contextToken: fake.contextToken }), fetchHooks: instant });
    await attempt(raw.api.query(Q));
    fake.expireTokens();
    await attempt(raw.api.query(Q));

    // 3. Network failure and a 401 body echoing the cookie.
    fake.gatewayNetworkError = true;
    await attempt(createHalo({ config: testConfig({ cookie: fake.cookieHeader() }), fetchHooks: instant }).api.query(Q));

    if (process.env.SHOW_HAYSTACK) process.stderr.write(lines.join("\n") + "\n" + errors.map((e) => (e instanceof Error ? e.message : JSON.stringify(e))).join("\n") + "\n");
    expect(errors.length).toBeGreaterThan(4);
    expect(lines.length).toBeGreaterThan(3);
    const haystack = [...lines, ...errors.flatMap((e) => (e && typeof e === "object" && "state" in e ? [JSON.stringify(e)] : texts(e)))].join("\n");
    for (const secret of fake.issued) expect(haystack, `leaked ${secret.slice(0, 12)}…`).not.toContain(secret);
    expect(haystack).not.toContain(`Bearer ${fake.authToken}`);
    expect(errors.some((e) => (e as HaloError).kind === "session_expired")).toBe(true);
  });
});
