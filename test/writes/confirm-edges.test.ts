/** The confirm token's edges: what counts as malformed, whitespace, spent tokens after expiry, and each refusal's text. */
import { describe, expect, it } from "vitest";
import { Confirmations, TOKEN_TTL_MS, tokenProblem } from "../../src/writes/confirm.js";

const now = new Date("2026-11-20T17:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const binding = { tool: "message_teacher", args: { class_ref: "CST-323", forum_id: "f1", content: "hi" }, state: { forumId: "f1" } };

describe("Confirmations edges", () => {
  it("accepts a token the model copied with surrounding whitespace", () => {
    const c = new Confirmations();
    const t = c.issue(binding, now);
    expect(c.check(`  ${t}\n`, binding, now)).toEqual({ ok: true });
    expect(c.consume(`  ${t}\n`, now)).toBe(true);
    expect(c.check(t, binding, now)).toEqual({ ok: false, reason: "used" });
  });

  it("calls an expiry that is not lower-case base 36 malformed, wherever the bad character sits", () => {
    const c = new Confirmations();
    const [, nonce, mac] = c.issue(binding, now).split(".");
    for (const exp of ["Xabc", "abcX", "ab-c"]) expect(c.check(`${exp}.${nonce}.${mac}`, binding, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("calls a MAC of the wrong length a mismatch instead of failing", () => {
    const c = new Confirmations();
    const [exp, nonce] = c.issue(binding, now).split(".");
    expect(c.check(`${exp}.${nonce}.short`, binding, now)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses to consume something that is not a token", () => {
    const c = new Confirmations();
    expect(c.consume("", now)).toBe(false);
    expect(c.consume("abc", now)).toBe(false);
    expect(c.consume(".nonce.mac", now)).toBe(false);
  });

  it("forgets spent tokens once they expire (they then read as expired), and only those", () => {
    const c = new Confirmations();
    const old = c.issue(binding, now);
    expect(c.consume(old, now)).toBe(true);
    const recent = c.issue(binding, later(1000));
    expect(c.consume(recent, later(1000))).toBe(true);
    // Exactly at old's expiry a new consumption prunes the spent list.
    const fresh = c.issue(binding, later(TOKEN_TTL_MS));
    expect(c.consume(fresh, later(TOKEN_TTL_MS))).toBe(true);
    expect(c.check(old, binding, later(TOKEN_TTL_MS))).toEqual({ ok: false, reason: "expired" });
    expect(c.check(recent, binding, later(TOKEN_TTL_MS))).toEqual({ ok: false, reason: "used" });
    expect(c.check(fresh, binding, later(TOKEN_TTL_MS))).toEqual({ ok: false, reason: "used" });
  });
});

describe("tokenProblem", () => {
  const again = "Nothing was sent. Call the tool again without confirm_token to get a fresh preview, show it to the student, and confirm only after they approve.";
  it("says what was wrong with the token, then that nothing happened and how to start over", () => {
    expect(tokenProblem("malformed", "sent")).toBe(`That confirm_token is not one this server issued. ${again}`);
    expect(tokenProblem("mismatch", "sent")).toBe(`That confirm_token does not match this exact request: the arguments, the target or the attached files differ from the preview it came from. ${again}`);
    expect(tokenProblem("used", "sent")).toBe(`That confirm_token was already used; each preview allows one confirmation. ${again}`);
    expect(tokenProblem("expired", "sent")).toBe(`That confirm_token has expired (tokens last 10 minutes). ${again}`);
  });
});
