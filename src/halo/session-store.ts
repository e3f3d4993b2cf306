/** What the session manager keeps in the config file, and how it recognises the student's own edits. */
import { createHash } from "node:crypto";
import type { ConfigObject } from "../config/file.js";
import type { ConfigStore } from "../config/store.js";
import { log } from "../log.js";
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

/**
 * Debounced, coalesced writes of the session: a token rotation storm (every session GET rotates) becomes
 * one atomic file write. Failures are logged, never thrown: the session works without the file.
 */
export class Persister {
  private timer?: NodeJS.Timeout;
  constructor(
    private readonly store: ConfigStore,
    private readonly snapshot: () => Promise<StoredSession | undefined>,
    private readonly delayMs: number,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, this.delayMs);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.write();
    }
    await this.store.flush();
  }

  private async write(): Promise<void> {
    const session = await this.snapshot();
    if (!session) return;
    await this.store.update({ session }).catch((e) => log.warn(`halo: could not save the session: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/**
 * The credentials in force, and the file they may change in. Keys the student edits in the file win over
 * what we started with (even over env: the edit is the newest intent); our own writes are not edits.
 */
export class CredentialSource {
  private fileCreds?: Creds;
  private checking?: Promise<boolean>;
  constructor(
    private readonly store: ConfigStore | undefined,
    public creds: Creds,
  ) {}

  /** The parsed file, or undefined (no store, or unreadable: logged once per change). */
  async readFile(): Promise<ConfigObject | undefined> {
    if (!this.store) return undefined;
    try {
      const file = await this.store.read();
      this.fileCreds ??= credsOf(file);
      return file;
    } catch (e) {
      log.warn(`halo: ignoring the config file for now: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** Cheap stat first; true when credentials changed (they are adopted already). Concurrent callers share one check. */
  changed(): Promise<boolean> {
    const store = this.store;
    if (!store) return Promise.resolve(false);
    this.checking ??= (async () => (await store.hasChanged()) && this.reread())().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Reads the file now; true when its credentials differ from the last look. */
  async reread(): Promise<boolean> {
    const before = this.fileCreds;
    const file = await this.readFile();
    if (!file) return false;
    const now = credsOf(file);
    this.fileCreds = now;
    if (!before || sameCreds(before, now)) return false;
    this.creds = mergeChanged(this.creds, before, now);
    for (const v of Object.values(this.creds)) registerSecret(v);
    return true;
  }
}
