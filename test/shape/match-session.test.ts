/** Title matching and the check_tokens text, value by value (found by mutation testing). */
import { describe, expect, it } from "vitest";
import type { SessionStatus } from "../../src/halo/types.js";
import { matchTitle, pickByTitle, titleScore } from "../../src/queries/match.js";
import { renderSession } from "../../src/shape/session.js";

describe("titleScore", () => {
  it("ranks exact, prefix, substring, all words, most words, none", () => {
    expect(titleScore("Topic 2 DQ 1", "topic 2 dq 1")).toBe(100);
    expect(titleScore("Topic 2 DQ 1", "Topic 2")).toBe(80);
    expect(titleScore("Topic 2 DQ 1", "dq 1")).toBe(70);
    expect(titleScore("Benchmark - Cloud Design", "cloud benchmark")).toBe(52);
    expect(titleScore("Benchmark - Cloud Design", "bench cloud")).toBe(52); // a 3+ letter word may be a prefix
    expect(titleScore("Benchmark - Cloud Design", "be cloud")).toBe(21); // too short to be a prefix: one of two words
    expect(titleScore("Benchmark - Cloud Design", "cloud essay final")).toBe(0); // one of three words
    expect(titleScore("Benchmark - Cloud Design", "cloud essay")).toBe(21);
    expect(titleScore("Anything", "  ")).toBe(0);
    expect(titleScore("Week&#8217;s Quiz", "week s quiz")).toBe(100);
  });

  it("caps the all-words bonus at ten words", () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i}x`);
    expect(titleScore(words.join(" "), [...words].reverse().join(" "))).toBe(60);
  });
});

describe("matchTitle and pickByTitle", () => {
  const items = [
    { id: "A-1", title: "Topic 1 DQ 1" },
    { id: "a-2", title: "Topic 1 DQ 2" },
    { id: "a-3", title: "Benchmark" },
  ];
  const describe_ = (t: { id: string; title: string }) => `${t.title} (${t.id})`;

  it("an id wins in any case; the best single score wins; ties list only the tied", () => {
    expect(matchTitle(items, " a-1 ")).toEqual({ match: items[0], candidates: [items[0]] });
    expect(matchTitle(items, "bench")).toEqual({ match: items[2], candidates: [items[2]] });
    expect(matchTitle(items, "topic 1")).toEqual({ candidates: [items[0], items[1]] });
    expect(matchTitle(items, "dq 2").match).toBe(items[1]);
    expect(matchTitle(items, "dq 2").candidates).toEqual([items[1], items[0]]);
    expect(matchTitle(items, "nothing here")).toEqual({ candidates: [] });
  });

  it("throws a ToolError listing candidates or items", () => {
    expect(pickByTitle(items, "bench", describe_, "in CST-323")).toBe(items[2]);
    expect(() => pickByTitle(items, "topic 1", describe_, "in CST-323")).toThrow(
      '"topic 1" matches several items in CST-323; pass assessment_id with one of: Topic 1 DQ 1 (A-1); Topic 1 DQ 2 (a-2).',
    );
    expect(() => pickByTitle(items, "essay", describe_, "in CST-323")).toThrow(
      'Nothing in CST-323 matches "essay". Items: Topic 1 DQ 1 (A-1); Topic 1 DQ 2 (a-2); Benchmark (a-3).',
    );
    expect(() => pickByTitle([], "essay", describe_, "here")).toThrow(/^Nothing here matches "essay"\.$/);
    const many = Array.from({ length: 42 }, (_, i) => ({ id: `i${i}`, title: `Item ${i}` }));
    expect(() => pickByTitle(many, "zzz", (t) => t.id, "here")).toThrow(/i39 \(and 2 more\)\.$/);
  });
});

describe("renderSession", () => {
  const c = { tz: "America/Phoenix", now: new Date("2026-11-21T17:00:00Z") };
  const base: SessionStatus = { state: "ok", source: "cookie", canRefresh: true, userId: "u-1", authMethod: "open_id", expires: "2026-12-01T17:00:00Z" };

  it("a working SSO session: state, source, user, end and refresh lines", () => {
    expect(renderSession("", base, c)).toBe(
      [
        "Session: OK — Halo accepted the session just now.",
        "Credential source: the browser Cookie header from a logged-in halo.gcu.edu tab (SSO session).",
        "Signed-in user id: u-1 (user shows the profile)",
        "Login session ends: Tue Dec 1 10 AM (in 10 days) — after that, run `halo-lms-mcp login` again.",
        "Tokens can be refreshed automatically.",
      ].join("\n"),
    );
  });

  it("says when the login was reloaded from the file, and when tokens were last refreshed", () => {
    const text = renderSession("Refreshed. ", { ...base, lastRefreshAt: "2026-11-21T16:00:00Z", reloadedFromFileAt: "2026-11-21T16:30:00Z" }, c);
    expect(text.split("\n")[0]).toBe("Refreshed. Session: OK — Halo accepted the session just now.");
    expect(text).toContain("Reloaded the login from the config file automatically: Sat Nov 21 9:30 AM.");
    expect(text.split("\n").at(-1)).toBe("Last token refresh: Sat Nov 21 9 AM");
  });

  it("raw tokens: their own words and no refresh", () => {
    const text = renderSession("", { state: "unknown", source: "tokens", canRefresh: false, authMethod: "local_auth", message: "Using the raw tokens." }, c);
    expect(text).toBe(
      [
        "Session: UNVERIFIED — could not confirm the session with Halo right now.",
        "Using the raw tokens.",
        "Credential source: the raw token pair (authToken + contextToken) (session made from raw tokens).",
        "This login was not made by a browser sign-in, so Halo cannot refresh it and it will need a new sign-in when its tokens expire: run `halo-lms-mcp login` now for one that renews itself.",
      ].join("\n"),
    );
    expect(renderSession("", { state: "unknown", source: "tokens", canRefresh: false, authMethod: "raw_tokens" }, c)).toContain("(raw_tokens).");
  });

  it("an ended or missing login stops after the fix, with the configured base URL", () => {
    const over = renderSession("", { ...base, state: "expired", reloadedFromFileAt: "2026-11-21T16:30:00Z" }, c, "https://halo.example.edu");
    expect(over).toBe(
      [
        "Session: EXPIRED — the Halo login is over.",
        "Run `halo-lms-mcp login` in a terminal to sign in with your browser (or log in to https://halo.example.edu and paste the Cookie header with `halo-lms-mcp init`), then run reload_tokens.",
        "Credential source: the browser Cookie header from a logged-in halo.gcu.edu tab (SSO session).",
        "Reloaded the login from the config file automatically: Sat Nov 21 9:30 AM.",
      ].join("\n"),
    );
    const none = renderSession("", { state: "none", source: "none", canRefresh: false }, c);
    expect(none).toBe(
      [
        "Session: NOT CONFIGURED — no Halo credentials are set up.",
        "Run `halo-lms-mcp login` in a terminal to sign in with your browser (or log in to https://halo.gcu.edu and paste the Cookie header with `halo-lms-mcp init`), then run reload_tokens.",
        "Credential source: none.",
      ].join("\n"),
    );
  });
});
