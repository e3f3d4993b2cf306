import { describe, expect, it } from "vitest";
import { canonicalJson, Confirmations, TOKEN_TTL_MS, tokenProblem } from "../../src/writes/confirm.js";

const now = new Date("2026-11-20T17:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const binding = { tool: "submit_assignment", args: { class_ref: "CST-323", assessment_id: "a1" }, state: { files: ["r1", "r2"] } };

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
});

describe("Confirmations", () => {
  it("accepts the token for the same binding once", () => {
    const c = new Confirmations();
    const t = c.issue(binding, now);
    expect(c.check(t, { ...binding, args: { assessment_id: "a1", class_ref: "CST-323" } }, later(1000))).toEqual({ ok: true });
    expect(c.consume(t, later(1000))).toBe(true);
    expect(c.check(t, binding, later(2000))).toEqual({ ok: false, reason: "used" });
    expect(c.consume(t, later(2000))).toBe(false);
  });

  it("rejects a changed argument, changed state, other tool or other key", () => {
    const c = new Confirmations();
    const t = c.issue(binding, now);
    expect(c.check(t, { ...binding, args: { ...binding.args, assessment_id: "a2" } }, now).ok).toBe(false);
    expect(c.check(t, { ...binding, state: { files: ["r1", "r2", "r3"] } }, now)).toEqual({ ok: false, reason: "mismatch" });
    expect(c.check(t, { ...binding, tool: "message_teacher" }, now)).toEqual({ ok: false, reason: "mismatch" });
    expect(new Confirmations().check(t, binding, now)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("expires after ten minutes and cannot be stretched by editing the expiry", () => {
    const c = new Confirmations();
    const t = c.issue(binding, now);
    expect(c.check(t, binding, later(TOKEN_TTL_MS - 1)).ok).toBe(true);
    expect(c.check(t, binding, later(TOKEN_TTL_MS))).toEqual({ ok: false, reason: "expired" });
    const [, nonce, mac] = t.split(".");
    const forged = `${(now.getTime() + 10 * TOKEN_TTL_MS).toString(36)}.${nonce}.${mac}`;
    expect(c.check(forged, binding, later(TOKEN_TTL_MS))).toEqual({ ok: false, reason: "mismatch" });
  });

  it("calls garbage malformed", () => {
    const c = new Confirmations();
    for (const t of ["", "abc", "a.b", "A!.b.c", "x.y.z.w"]) expect(c.check(t, binding, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("explains every refusal and says nothing changed", () => {
    for (const r of ["malformed", "mismatch", "used", "expired"] as const) expect(tokenProblem(r, "submitted")).toMatch(/Nothing was submitted\..*without confirm_token/);
  });
});
