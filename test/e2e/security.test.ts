/** The pure access rules of the HTTP transport. */
import { describe, expect, it } from "vitest";
import { bearerMatches, claudeAddCommand, generateToken, hostAllowed, originAllowed, splitHost } from "../../src/transport/security.js";

describe("bearerMatches", () => {
  const t = "abcDEF123-_abcDEF123";
  it("accepts exactly the token, any case of the scheme", () => {
    expect(bearerMatches(`Bearer ${t}`, t)).toBe(true);
    expect(bearerMatches(`bearer ${t}`, t)).toBe(true);
  });
  it("refuses everything else", () => {
    for (const h of [undefined, "", "Bearer", "Bearer ", `Bearer ${t}x`, `Bearer ${t.slice(1)}`, `Basic ${t}`, t, `Bearer ${t} extra`, ["Bearer " + t]]) {
      expect(bearerMatches(h as string | undefined, t)).toBe(false);
    }
    expect(bearerMatches("Bearer ", "")).toBe(false);
  });
});

describe("hostAllowed", () => {
  it("accepts loopback names on any port (a container published on another host port)", () => {
    for (const h of ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST", "127.0.0.1:9999"]) expect(hostAllowed(h, [])).toBe(true);
  });
  it("refuses other names unless configured; a configured port must match", () => {
    expect(hostAllowed("evil.example:8000", [])).toBe(false);
    expect(hostAllowed("localhost.evil.example", [])).toBe(false);
    expect(hostAllowed("127.0.0.1.nip.io:8000", [])).toBe(false);
    expect(hostAllowed(undefined, [])).toBe(false);
    expect(hostAllowed("halo:8000", ["halo"])).toBe(true);
    expect(hostAllowed("halo:8000", ["halo:8000"])).toBe(true);
    expect(hostAllowed("halo:9000", ["halo:8000"])).toBe(false);
    expect(hostAllowed("halo.lan", ["http://halo.lan:8000/"])).toBe(false);
    expect(hostAllowed("halo.lan:8000", ["http://halo.lan:8000/"])).toBe(true);
  });
  it("splits IPv6 hosts", () => {
    expect(splitHost("[::1]:80")).toEqual({ name: "[::1]", port: "80" });
    expect(splitHost("a b")).toBeUndefined();
  });
});

describe("originAllowed", () => {
  it("allows non-browser clients (no Origin) and loopback pages", () => {
    expect(originAllowed(undefined, [])).toBe(true);
    expect(originAllowed("http://localhost:6274", [])).toBe(true);
    expect(originAllowed("http://127.0.0.1:3000", [])).toBe(true);
    expect(originAllowed("http://[::1]:3000", [])).toBe(true);
  });
  it("refuses foreign, null and malformed origins unless listed", () => {
    expect(originAllowed("https://evil.example", [])).toBe(false);
    expect(originAllowed("null", [])).toBe(false);
    expect(originAllowed("file://", [])).toBe(false);
    expect(originAllowed("http://localhost.evil.example", [])).toBe(false);
    expect(originAllowed("https://app.example", ["https://app.example"])).toBe(true);
    expect(originAllowed("https://app.example:444", ["https://app.example"])).toBe(false);
  });
});

it("generates 256-bit url-safe tokens and the claude command", () => {
  const a = generateToken();
  expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(generateToken()).not.toBe(a);
  expect(claudeAddCommand("http://127.0.0.1:8000/mcp", "T")).toBe('claude mcp add --transport http halo http://127.0.0.1:8000/mcp --header "Authorization: Bearer T"');
});
