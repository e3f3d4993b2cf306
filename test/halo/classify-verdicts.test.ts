/** The classifier's verdicts and the exact sentence each one gives the model, row by row. */
import { describe, expect, it } from "vitest";
import { classify, parseBody, parseRetryAfter, pathOf, sanitize } from "../../src/halo/classify.js";
import { HaloError } from "../../src/halo/errors.js";

const res = (statusCode: number, body: unknown, headers: Record<string, string | string[]> = {}) => ({ statusCode, headers, body: typeof body === "string" ? body : JSON.stringify(body) });
const gql = (data: unknown, ...errors: unknown[]) => res(200, { data, errors });
const verdict = (x: unknown, now?: number) => {
  const e = classify(x, "Op", now);
  return e && { kind: e.kind, message: e.message, status: e.status, retryAfterMs: e.retryAfterMs };
};

describe("messages per verdict", () => {
  it("HTTP statuses without GraphQL errors", () => {
    expect(verdict(res(401, ""))).toEqual({ kind: "auth", message: "Halo rejected the session tokens (Op).", status: 401, retryAfterMs: undefined });
    expect(verdict(res(403, "Forbidden"))).toEqual({ kind: "access", message: "Halo says this is not available to your account (not enrolled or no access) (Op).", status: 403, retryAfterMs: undefined });
    expect(verdict(res(403, { message: "token expired" }))?.kind).toBe("auth");
    expect(verdict(res(404, { message: "No static resource" }))).toEqual({ kind: "not_found", message: "Halo could not find what Op asked for.", status: 404, retryAfterMs: undefined });
    expect(verdict(res(429, ""))?.message).toBe("Halo answered HTTP 429 to Op (rate limited).");
    expect(verdict(res(500, ""))?.message).toBe("Halo answered HTTP 500 to Op (server error).");
    expect(verdict(res(408, ""))?.message).toBe("Halo answered HTTP 408 to Op.");
    expect(verdict(res(499, ""))).toMatchObject({ kind: "http", message: "Halo answered HTTP 499 to Op.", status: 499 });
    expect(verdict(res(400, { error: "bad", error_description: "request", detail: "here", other: "never" }))?.message).toBe("Halo answered HTTP 400 to Op: bad request here");
    expect(verdict(res(400, { message: 42, detail: "only strings" }))?.message).toBe("Halo answered HTTP 400 to Op: only strings");
    expect(verdict(res(400, { data: { x: "Cannot query field" } }))?.message).toBe("Halo answered HTTP 400 to Op."); // never arbitrary JSON
    expect(verdict(res(400, "Unknown argument pgSize"))).toMatchObject({ kind: "validation", message: "Halo rejected the request Op as invalid: Unknown argument pgSize" });
    expect(verdict(res(400, "your session has expired, sign in"))).toEqual({ kind: "auth", message: "Halo rejected the session tokens (Op).", status: 400, retryAfterMs: undefined });
    expect(verdict(res(302, ""))).toEqual({ kind: "http", message: "Halo redirected Op (HTTP 302); the session may be over.", status: 302, retryAfterMs: undefined });
    expect(verdict(res(399, ""))?.kind).toBe("http");
    expect(verdict(res(299, "anything"))).toBeNull();
  });

  it("a 401 is auth even when the body carries other errors", () => {
    expect(verdict(res(401, { errors: [{ message: "Permission Evaluator exception" }] }))?.kind).toBe("auth");
  });

  it("GraphQL error kinds, and the detail comes from the error that decided", () => {
    expect(verdict(gql(null, { message: "x", extensions: { code: "unauthenticated" } }))?.kind).toBe("auth");
    expect(verdict(gql(null, { message: "Syntax Error: Unexpected Name", extensions: { code: "GRAPHQL_PARSE_FAILED" } }))?.kind).toBe("validation");
    expect(verdict(gql(null, { message: "nothing here", extensions: { code: "NOT_FOUND" } }))).toEqual({ kind: "not_found", message: "Halo could not find what Op asked for: nothing here", status: 200, retryAfterMs: undefined });
    expect(verdict(gql(null, { message: "gone", extensions: { errorCode: 404 } }))?.kind).toBe("not_found");
    expect(verdict(gql(null, { message: "gone", extensions: { errorCode: "4040" } }))?.kind).toBe("upstream");
    expect(verdict(gql(null, { message: 42 }))?.message).toBe("Halo reported an error for Op.");
    // validation outranks not_found, which outranks upstream; the message quotes the deciding error
    expect(verdict(gql(null, { message: "first" }, { message: "missing", extensions: { code: "NOT_FOUND" } }, { message: 'Unknown type "X".' }))?.message).toBe('Halo rejected the request Op as invalid: Unknown type "X".');
    expect(verdict(gql(null, { message: "first" }, { message: "missing", extensions: { code: "NOT_FOUND" } }))?.message).toBe("Halo could not find what Op asked for: missing");
    expect(verdict(gql(null, { message: "", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }))?.message).toBe("Halo rejected the request Op as invalid: validation error");
  });

  it("a GraphQL error on a 5xx is retryable unless it says something about the session or the request", () => {
    expect(verdict(res(503, { errors: [{ message: "Internal" }] }, { "retry-after": "3" }))).toEqual({ kind: "http", message: "Halo answered HTTP 503 to Op (server error).", status: 503, retryAfterMs: 3000 });
    expect(verdict(res(429, { errors: [{ message: "slow" }] }))?.kind).toBe("http");
    expect(verdict(res(408, { errors: [{ message: "slow" }] }))?.kind).toBe("http");
    expect(verdict(res(500, { errors: [{ message: "jwt expired" }] }))?.kind).toBe("auth");
    expect(verdict(res(400, { errors: [{ message: "Internal" }] }))).toMatchObject({ kind: "upstream", status: 400 });
  });

  it("an error on a nested path never speaks for the session, whatever its code", () => {
    expect(verdict(gql({ a: null }, { message: "x", path: ["a", "b"], extensions: { code: "UNAUTHENTICATED" } }))?.kind).toBe("upstream");
    expect(verdict(gql({ a: null }, { message: "x", path: ["a"], extensions: { code: "UNAUTHENTICATED" } }))?.kind).toBe("auth");
    expect(verdict(gql({ a: 0 }, { message: "x", path: ["a"], extensions: { code: "UNAUTHENTICATED" } }))?.kind).toBe("upstream"); // 0 is an answer
    expect(verdict(gql({ b: 1 }, { message: "jwt expired", path: ["a"] }))?.kind).toBe("auth"); // another root answered
    expect(verdict(gql("text", { message: "jwt expired", path: ["a"] }))?.kind).toBe("auth");
  });

  it("tolerated errors count only in a 2xx with data", () => {
    const tolerate = () => true;
    expect(classify(res(200, { data: { a: 1 }, errors: [{ message: "x" }] }), "Op", 0, { tolerate })).toBeNull();
    expect(classify(res(400, { data: { a: 1 }, errors: [{ message: "x" }] }), "Op", 0, { tolerate })?.kind).toBe("upstream");
    expect(classify(res(200, { errors: [{ message: "x" }] }), "Op", 0, { tolerate })?.kind).toBe("upstream");
  });
});

describe("transport errors", () => {
  it("time-outs by name or code; network errors name only known codes, from the error or its cause", () => {
    const t = classify(Object.assign(new Error("x"), { code: "ETIMEDOUT" }), "Op") as HaloError;
    expect(t).toMatchObject({ kind: "timeout", message: "Halo did not answer Op in time.", operation: "Op" });
    expect(classify(Object.assign(new Error("x"), { name: "TimeoutError" }), "Op")?.kind).toBe("timeout");
    const cause = classify(Object.assign(new Error("fetch failed"), { cause: { code: "ECONNRESET" } }), "Op") as HaloError;
    expect(cause.message).toBe("Could not reach Halo for Op (ECONNRESET); check the internet connection.");
    expect(cause.cause).toBeInstanceOf(Error);
    expect(classify(Object.assign(new Error("x"), { code: "EWEIRD_SECRET" }), "Op")?.message).toBe("Could not reach Halo for Op; check the internet connection.");
    expect(classify(Object.assign(new Error("x"), { code: "UND_ERR_SOCKET" }), "Op")?.message).toContain("(UND_ERR_SOCKET)");
    expect(classify("not even an error", "Op")?.kind).toBe("network");
    expect(classify({ statusCode: "200" }, "Op")?.kind).toBe("network");
    const already = new HaloError("too_large", "big");
    expect(classify(already, "Op")).toBe(already);
  });
});

describe("validation issues for healing", () => {
  it("keeps at most 50, sanitized, with well-formed locations and string/number paths only", () => {
    const errors = Array.from({ length: 60 }, (_, i) => ({ message: `Cannot query field "f${i}" on type "T".`, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));
    errors[0] = { message: 'Cannot query field "<b>a</b>" on type "T".', locations: [{ line: 1, column: 2 }, { line: "3", column: 4 }, null], path: ["a", 0, { x: 1 }] } as never;
    errors[1] = { message: "Unknown type", locations: [{ line: "1" }] } as never;
    const e = classify(res(400, { errors }), "Op") as HaloError;
    expect(e.issues).toHaveLength(50);
    expect(e.issues?.[0]).toEqual({ message: 'Cannot query field " a " on type "T".', locations: [{ line: 1, column: 2 }], path: ["a", 0] });
    expect(e.issues?.[1]).toEqual({ message: "Unknown type" });
    expect(e.issues?.[49]?.message).toBe('Cannot query field "f49" on type "T".');
    expect(classify(gql(null, { message: "boom" }), "Op")?.issues).toBeUndefined();
  });
});

describe("helpers", () => {
  it("sanitize flattens markup and whitespace and cuts at the limit with an ellipsis", () => {
    expect(sanitize(" a <i>b</i>\n\n c ")).toBe("a b c");
    expect(sanitize("x".repeat(160))).toBe("x".repeat(160));
    expect(sanitize("x".repeat(161))).toBe("x".repeat(159) + "…");
    expect(sanitize("abcdef", 4)).toBe("abc…");
    expect(sanitize(undefined)).toBe("");
    expect(sanitize({ message: "x" })).toBe("");
  });

  it("parseBody reads JSON text or buffers, leaves anything else as it came", () => {
    expect(parseBody(' \n{"a":1}')).toEqual({ a: 1 });
    expect(parseBody(Buffer.from("[1,2]"))).toEqual([1, 2]);
    expect(parseBody(Buffer.from("plain"))).toBe("plain");
    expect(parseBody("{broken")).toBe("{broken");
    expect(parseBody("x{\"a\":1}")).toBe('x{"a":1}');
    const obj = { a: 1 };
    expect(parseBody(obj)).toBe(obj);
  });

  it("parseRetryAfter: first of several values, padded seconds, past dates are zero", () => {
    expect(parseRetryAfter(["2", "9"])).toBe(2000);
    expect(parseRetryAfter(" 3 ")).toBe(3000);
    expect(parseRetryAfter("")).toBeUndefined();
    expect(parseRetryAfter([])).toBeUndefined();
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:10 GMT", 4_000)).toBe(6_000);
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:10 GMT", 20_000)).toBe(0);
    expect(classify(res(503, "", { "retry-after": "Thu, 01 Jan 1970 00:00:10 GMT" }), "Op", 1_000)?.retryAfterMs).toBe(9_000);
  });

  it("pathOf keeps strings and numbers only", () => {
    expect(pathOf({ path: ["a", 1, null, { b: 2 }, "c"] })).toEqual(["a", 1, "c"]);
    expect(pathOf({ path: "a.b" })).toEqual([]);
    expect(pathOf({})).toEqual([]);
  });
});
