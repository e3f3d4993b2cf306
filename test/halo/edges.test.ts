/** Edge values of the small Halo pieces, each one a bug a mutation run showed no other test would catch. */
import { describe, expect, it } from "vitest";
import { classify, parseBody, parseRetryAfter } from "../../src/halo/classify.js";
import { csrfFromJar, loadCookies, SessionJar } from "../../src/halo/cookies.js";
import { degradedSoFar, noteDegraded, withDegradedNotes } from "../../src/halo/degraded.js";
import { HaloError } from "../../src/halo/errors.js";
import { docHash, Healing, type HealedDoc } from "../../src/halo/healing.js";
import { expiryMs, rejectedDocument } from "../../src/halo/messages.js";
import { nullSubtree, optionalPrefixOf } from "../../src/halo/partial.js";
import { storedSession } from "../../src/halo/session-store.js";
import { redact } from "../../src/redact.js";

const res = (statusCode: number, body: unknown, headers: Record<string, string> = {}) => ({ statusCode, headers, body: typeof body === "string" || body == null ? body : JSON.stringify(body) });

describe("classify edges", () => {
  it("a missing body is read as nothing, never a crash", () => {
    expect(classify(res(200, null), "Op")).toBeNull();
    expect(classify(res(204, undefined), "Op")).toBeNull();
    expect(classify(res(400, null), "Op")?.message).toBe("Halo answered HTTP 400 to Op.");
    expect(classify(null, "Op")).toMatchObject({ kind: "network", message: "Could not reach Halo for Op; check the internet connection." });
    expect(classify(undefined, "Op")?.kind).toBe("network");
  });

  it("a non-text message is not read for wording", () => {
    expect(classify(res(200, { data: null, errors: [{ message: 401 }] }), "Op")?.kind).toBe("upstream");
    expect(classify(res(200, { data: null, errors: [{ message: "x", extensions: { code: "GRAPHQL_PARSE_FAILED" } }] }), "Op")?.kind).toBe("validation");
  });

  it("with several unremarkable errors the first one is quoted, wherever it sits", () => {
    const deepFirst = res(200, { data: null, errors: [{ message: "deep one", path: ["a", "b"] }, { message: "root one" }] });
    expect(classify(deepFirst, "Op")?.message).toBe("Halo reported an error for Op: deep one");
    const rootFirst = res(200, { data: null, errors: [{ message: "root one" }, { message: "deep one", path: ["a", "b"] }] });
    expect(classify(rootFirst, "Op")?.message).toBe("Halo reported an error for Op: root one");
  });

  it("a root auth error without data is auth, even when data is null", () => {
    expect(classify(res(200, { data: null, errors: [{ message: "jwt expired", path: ["a"] }] }), "Op")?.kind).toBe("auth");
  });

  it("tolerating errors stops at 2xx; 300 is a redirect; 408 keeps its Retry-After", () => {
    const tolerate = () => true;
    expect(classify(res(300, { data: { a: 1 }, errors: [{ message: "x" }] }), "Op", 0, { tolerate })?.kind).toBe("upstream");
    expect(classify(res(300, ""), "Op")?.message).toBe("Halo redirected Op (HTTP 300); the session may be over.");
    expect(classify(res(408, "Request Timeout", { "retry-after": "2" }), "Op")).toMatchObject({ kind: "http", status: 408, retryAfterMs: 2000, message: "Halo answered HTTP 408 to Op." });
  });

  it("parseBody parses only what starts as an object or array", () => {
    expect(parseBody("42")).toBe("42");
    expect(parseBody("null")).toBe("null");
    expect(parseBody('"a{"')).toBe('"a{"');
  });

  it("parseRetryAfter: whole numbers of any length and decimals are seconds; anything else is a date or nothing", () => {
    expect(parseRetryAfter("12")).toBe(12_000);
    expect(parseRetryAfter("1.25")).toBe(1250);
    expect(parseRetryAfter("5 x")).toBeUndefined();
    expect(parseRetryAfter("abc 5", Date.parse("2030-01-01T00:00:00Z"))).toBe(0); // V8 reads it as a date in 2001
  });
});

describe("messages edges", () => {
  it("expiryMs: digits only mean a number", () => {
    expect(expiryMs("x123")).toBeUndefined();
  });
  it("rejectedDocument with an empty issue list quotes the error itself", () => {
    expect(rejectedDocument("inbox", "GetInbox", new HaloError("validation", "plain", { issues: [] })).message).toMatch(/API may have changed: plain Please/);
  });
});

describe("partial data edges", () => {
  it("optionalPrefixOf: a two-segment path can be optional; a prefix matches whole segments only", () => {
    expect(optionalPrefixOf({ path: ["a", "b"] }, undefined)).toBeUndefined();
    expect(optionalPrefixOf({ path: ["a", "b"] }, ["a.b"])).toBe("a.b");
    expect(optionalPrefixOf({ path: ["a", "bc", "d"] }, ["a.b"])).toBeUndefined();
  });
  it("nullSubtree refuses, without throwing, when the way down is null or not an object", () => {
    expect(nullSubtree({ a: null }, ["a", "x", "b"], "a.x.b")).toBe(false);
    expect(nullSubtree({ a: "text" }, ["a", "x", "y", "z"], "a.x.y.z")).toBe(false);
    expect(nullSubtree({ a: 5 }, ["a", "b", "c"], "a.b")).toBe(false);
  });
});

describe("degradation notes edges", () => {
  it("trims and clips the feature (60) and detail (140), collapsing whitespace", async () => {
    const { notes } = await withDegradedNotes(async () => {
      noteDegraded("  ", "a  \n  b ");
      noteDegraded(" grades ", "x".repeat(140));
      noteDegraded("f".repeat(60), "y".repeat(141));
      noteDegraded("g".repeat(61), "z");
    });
    expect(notes).toEqual([
      { feature: "some data", detail: "a b" },
      { feature: "grades", detail: "x".repeat(140) },
      { feature: "f".repeat(60), detail: "y".repeat(139) + "…" },
      { feature: "g".repeat(59) + "…", detail: "z" },
    ]);
  });

  it("one answer keeps at most 40 notes; the process ledger keeps the newest 40", async () => {
    const { notes } = await withDegradedNotes(async () => {
      for (let i = 0; i < 41; i++) noteDegraded(`cap feature ${i}`, "d");
    });
    expect(notes).toHaveLength(40);
    expect(notes.at(-1)?.feature).toBe("cap feature 39");
    const ledger = degradedSoFar();
    expect(ledger).toHaveLength(40);
    expect(ledger[0]?.feature).toBe("cap feature 1");
    expect(ledger.at(-1)?.feature).toBe("cap feature 40");
  });
});

describe("session store and cookies edges", () => {
  it("storedSession: null cookies, look-alike names and chunk numbers; the stored tokens become secrets", () => {
    expect(storedSession({ session: { cookies: null } })).toBeUndefined();
    expect(storedSession({ session: { cookies: { "next-auth.session-token-old": "S" } } })).toBeUndefined();
    expect(storedSession({ session: { cookies: { "next-auth.session-token.12": "S" } } })?.cookies).toEqual({ "next-auth.session-token.12": "S" });
    storedSession({ session: { cookies: { "next-auth.session-token": "stored-cookie-value-1" }, authToken: "stored-auth-token-1", contextToken: "stored-ctx-token-1" } });
    expect(redact("stored-auth-token-1 stored-ctx-token-1 stored-cookie-value-1")).toBe("[redacted] [redacted] [redacted]");
  });

  it("the csrf cookie is matched by its whole name", async () => {
    const jar = new SessionJar();
    await loadCookies(jar, "https://halo.example.edu", [["next-auth.csrf-token-legacy", "nope|h"]]);
    expect(await csrfFromJar(jar, "https://halo.example.edu")).toBeUndefined();
  });
});

describe("healing edges", () => {
  it("a week is counted from when the prune was remembered", async () => {
    let t = 1_000;
    const h = new Healing(undefined, () => t);
    await h.remember("query Q { a b }", { operation: "Q", query: "query Q { a }", removed: ["b"] });
    t = 1_000 + 7 * 24 * 3_600_000;
    expect((await h.healed("query Q { a b }"))?.query).toBe("query Q { a }");
  });

  it("a saved entry with a broken original is dropped, not saved back", async () => {
    const good: HealedDoc = { operation: "G", original: docHash("query G { a b }"), query: "query G { a }", removed: ["b"], at: 1 };
    const saves: HealedDoc[][] = [];
    const h = new Healing({ load: async () => ({ documents: [{ ...good, operation: "Bad", original: 5 }, good] }), save: async (d) => void saves.push([...d]) }, () => 2);
    await h.remember("query N { a b }", { operation: "N", query: "query N { a }", removed: ["b"] });
    expect(saves[0]?.map((d) => d.operation)).toEqual(["G", "N"]);
  });
});
