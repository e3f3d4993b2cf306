import { createHash, createHmac, randomBytes } from "node:crypto";

/** Deterministic UUID-shaped id so seeded ids are stable across runs and importable as constants. */
export function uid(name: string): string {
  const h = createHash("sha256").update(`halo-sandbox:${name}`).digest("hex");
  const variant = ((parseInt(h[16] ?? "0", 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString("base64url");

/** Compact JWE look-alike: header, EMPTY key part, iv, ciphertext, tag. Opaque like Halo's (expiry unreadable). */
export function fakeJwe(enc: "A128GCM" | "A256GCM", ciphertextBytes: number): string {
  const header = b64url(JSON.stringify({ alg: "dir", enc }));
  return `${header}..${b64url(randomBytes(12))}.${b64url(randomBytes(ciphertextBytes))}.${b64url(randomBytes(16))}`;
}

export function hmacHex(secret: string, data: string): string {
  return createHmac("sha256", secret).update(data).digest("hex");
}

export function sha256Hex(data: string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** mulberry32: tiny seeded PRNG so injected 429/5xx sequences are reproducible per seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    if (!out.has(name)) out.set(name, part.slice(i + 1).trim());
  }
  return out;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
