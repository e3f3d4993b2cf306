/** What the session manager keeps in the config file, and how it recognises the student's own edits. */
import { createHash } from "node:crypto";
import type { ConfigObject } from "../config/file.js";
import { registerSecret } from "../redact.js";

export interface Creds {
  cookie?: string;
  authToken?: string;
  contextToken?: string;
}

/** Written by us under the file's `session` key. */
export interface StoredSession {
  cookies: Record<string, string>;
  authToken?: string;
  contextToken?: string;
  userId?: string;
  expires?: string;
  authMethod?: string;
  /** Fingerprint of the credentials the session was made from: a changed cookie/token pair means "newer". */
  basis?: string;
  savedAt?: string;
}

const str = (x: unknown) => (typeof x === "string" && x.trim() ? x.trim() : undefined);

export function credsOf(file: ConfigObject | undefined): Creds {
  return { cookie: str(file?.cookie), authToken: str(file?.authToken), contextToken: str(file?.contextToken) };
}

export function sameCreds(a: Creds, b: Creds): boolean {
  return a.cookie === b.cookie && a.authToken === b.authToken && a.contextToken === b.contextToken;
}

/** Keys the student changed in the file override what we had (the newest intent wins, even over env). */
export function mergeChanged(current: Creds, before: Creds, after: Creds): Creds {
  const out: Creds = { ...current };
  for (const k of ["cookie", "authToken", "contextToken"] as const) if (before[k] !== after[k]) out[k] = after[k];
  return out;
}

export function hasCreds(c: Creds): boolean {
  return Boolean(c.cookie || (c.authToken && c.contextToken));
}

/** A short one-way fingerprint; the secrets themselves are never written twice. */
export function basisOf(c: Creds): string {
  return createHash("sha256").update(`${c.cookie ?? ""}\n${c.authToken ?? ""}\n${c.contextToken ?? ""}`).digest("hex").slice(0, 16);
}

export function storedSession(file: ConfigObject | undefined): StoredSession | undefined {
  const s = file?.session;
  if (!s || typeof s !== "object" || Array.isArray(s)) return undefined;
  const cookies = (s as { cookies?: unknown }).cookies;
  if (!cookies || typeof cookies !== "object" || Array.isArray(cookies)) return undefined;
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(cookies)) if (typeof v === "string") clean[k] = v;
  if (!Object.keys(clean).some((k) => /next-auth\.session-token(\.\d+)?$/.test(k))) return undefined;
  const out = { ...(s as StoredSession), cookies: clean };
  for (const v of [out.authToken, out.contextToken, ...Object.values(clean)]) registerSecret(v);
  return out;
}
