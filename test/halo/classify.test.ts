import { describe, expect, it } from "vitest";
import { classify, parseRetryAfter } from "../../src/halo/classify.js";
import { HaloError } from "../../src/halo/errors.js";

const res = (statusCode: number, body: unknown, headers: Record<string, string> = {}) => ({ statusCode, headers, body: typeof body === "string" ? body : JSON.stringify(body) });
const gql = (...errors: unknown[]) => res(200, { data: null, errors });
const kindOf = (x: unknown) => classify(x, "Op")?.kind ?? null;

describe("classify", () => {
  it("success is null", () => {
    expect(classify(res(200, { data: { a: 1 } }), "Op")).toBeNull();
    expect(classify(res(204, ""), "Op")).toBeNull();
  });

  it("every auth variant → auth", () => {
    expect(kindOf(res(401, "Unauthorized"))).toBe("auth");
    expect(kindOf(gql({ message: "401: Unauthorized" }))).toBe("auth");
    expect(kindOf(gql({ message: 'Upstream said {"status":401,"error":"x"}' }))).toBe("auth");
    expect(kindOf(gql({ message: "x", extensions: { code: "UNAUTHENTICATED" } }))).toBe("auth");
    expect(kindOf(gql({ message: "x", extensions: { errorCode: 401 } }))).toBe("auth");
    expect(kindOf(gql({ message: "x", extensions: { errorCode: "401" } }))).toBe("auth");
    expect(kindOf(gql({ message: "The response was malformed" }))).toBe("auth");
    expect(kindOf(gql({ message: "jwt expired" }))).toBe("auth");
    expect(kindOf(gql({ message: "Token has expired" }))).toBe("auth");
    expect(kindOf(gql({ message: "User is unauthorized" }))).toBe("auth");
    expect(kindOf(res(403, "JWT invalid"))).toBe("auth");
  });

  it("Permission Evaluator → access, even with auth-like wording, and never auth", () => {
    expect(kindOf(gql({ message: "Permission Evaluator exception on Class : 1234" }))).toBe("access");
    expect(kindOf(gql({ message: "Permission Evaluator exception on Class : unauthorized 401" }))).toBe("access");
    expect(kindOf(res(403, "Forbidden"))).toBe("access");
    const e = classify(gql({ message: "Permission Evaluator exception on Class : abc" }), "GetClass") as HaloError;
    expect(e.message).toMatch(/not available to your account/);
  });

  it("an auth entry next to an access entry wins (refresh is worth one try)", () => {
    expect(kindOf(gql({ message: "Permission Evaluator exception" }, { message: "401: Unauthorized" }))).toBe("auth");
  });

  it("GraphQL validation → validation (200 or 400)", () => {
    expect(kindOf(gql({ message: 'Cannot query field "announcements" on type "Query".' }))).toBe("validation");
    expect(kindOf(gql({ message: 'Variable "$x" is never used in operation "Q".' }))).toBe("validation");
    expect(kindOf(gql({ message: 'Unknown argument "pgSize" on field "getUserAlerts".' }))).toBe("validation");
    expect(kindOf(gql({ message: "bad", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }))).toBe("validation");
    expect(kindOf(res(400, { errors: [{ message: 'Variable "$id" of required type "String!" was not provided.' }] }))).toBe("validation");
    expect(classify(gql({ message: 'Cannot query field "x" on type "Query".' }), "Q")?.message).toMatch(/Cannot query field "x"/);
  });

  it("408/429/5xx → http with status and Retry-After (seconds or date)", () => {
    const a = classify(res(429, "slow down", { "retry-after": "7" }), "Op") as HaloError;
    expect(a).toMatchObject({ kind: "http", status: 429, retryAfterMs: 7000 });
    const now = Date.parse("2025-01-01T00:00:00Z");
    const b = classify(res(503, "", { "retry-after": "Wed, 01 Jan 2025 00:00:12 GMT" }), "Op", now) as HaloError;
    expect(b).toMatchObject({ kind: "http", status: 503, retryAfterMs: 12000 });
    expect(kindOf(res(408, ""))).toBe("http");
    expect(kindOf(res(502, "<html>Bad gateway</html>"))).toBe("http");
    expect(classify(res(500, { errors: [{ message: "Internal" }] }), "Op")).toMatchObject({ kind: "http", status: 500 });
  });

  it("other statuses", () => {
    expect(kindOf(res(404, ""))).toBe("not_found");
    expect(classify(res(418, ""), "Op")).toMatchObject({ kind: "http", status: 418 });
    expect(kindOf(res(302, ""))).toBe("http");
  });

  it("any other errors entry → upstream, even with partial data", () => {
    const e = classify(res(200, { data: { a: 1 }, errors: [{ message: "Something <b>broke</b>\n downstream" }] }), "Op") as HaloError;
    expect(e.kind).toBe("upstream");
    expect(e.message).toBe("Halo reported an error for Op: Something broke downstream");
  });

  it("transport errors → timeout / network", () => {
    expect(kindOf(Object.assign(new Error("Timeout awaiting 'request' for 100ms"), { name: "TimeoutError", code: "ETIMEDOUT" }))).toBe("timeout");
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN"]) {
      const e = classify(Object.assign(new Error(`connect ${code} 1.2.3.4`), { name: "RequestError", code }), "Op") as HaloError;
      expect(e.kind).toBe("network");
      expect(e.message).toContain(code);
    }
    expect(kindOf(new TypeError("fetch failed"))).toBe("network");
  });

  it("messages are short and redacted", () => {
    const token = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..abcdefgh.ijklmnop.qrstuvwx";
    const e = classify(gql({ message: `Bad thing with Bearer ${token} ${"x".repeat(500)}` }), "Op") as HaloError;
    expect(e.message).not.toContain(token);
    expect(e.message.length).toBeLessThan(220);
  });

  it("parseRetryAfter", () => {
    expect(parseRetryAfter("0")).toBe(0);
    expect(parseRetryAfter("1.5")).toBe(1500);
    expect(parseRetryAfter("garbage")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:00 GMT", 5000)).toBe(0);
  });
});

describe("refusal reasons", () => {
  it("keeps one sanitized sentence of a 4xx reason (JSON or S3-style XML), never for 5xx", () => {
    const json = classify({ statusCode: 400, headers: {}, body: JSON.stringify({ message: "fileSize exceeds the 262144000 byte limit" }) }, "generate-presigned-urls");
    expect(json?.kind).toBe("http");
    expect(json?.message).toBe("Halo answered HTTP 400 to generate-presigned-urls: fileSize exceeds the 262144000 byte limit");
    const xml = classify({ statusCode: 400, headers: {}, body: "<Error><Code>BadDigest</Code><Message>size mismatch</Message></Error>" }, "upload");
    expect(xml?.message).toMatch(/^Halo answered HTTP 400 to upload: BadDigest size mismatch$/);
    const server = classify({ statusCode: 500, headers: {}, body: JSON.stringify({ message: "NullPointerException at com.halo.Secret" }) }, "submit");
    expect(server?.message).toBe("Halo answered HTTP 500 to submit (server error).");
  });
});
