/**
 * The REST ("orchestration") base. Halo's web app reads it from `__NEXT_DATA__.runtimeConfig.orchestrationApiEndpoint`
 * on its own pages (witness S2); ours was a guess from S1's paths. Unless the student configured one, the first
 * REST call reads the unauthenticated home page once, takes the published value if it is safe, and keeps the
 * answer (or the default) for the life of the process.
 */
import type { Got } from "got";
import { log } from "../log.js";

/** A Next.js page with its data is a few hundred KB; nothing bigger is read. */
const PAGE_MAX_BYTES = 1024 * 1024;
const MAX_HOPS = 3;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The configured origin (or a base that already ends in the path) → the base every REST path is appended to. */
export function restBaseOf(url: string): string {
  const o = url.replace(/\/+$/, "");
  return /\/api\/v1\/orchestrate$/.test(o) ? `${o}/` : `${o}/api/v1/orchestrate/`;
}

/** The last two labels: enough for halo.gcu.edu / orchestration.halo.gcu.edu (no public-suffix list needed for .edu). */
const site = (host: string) => host.split(".").slice(-2).join(".");

/**
 * The published endpoint, when it is an https URL on the web host's own domain (or loopback beside a loopback
 * web host, as in the sandbox). Anything else, including http, another domain or credentials in the URL, is refused:
 * a tampered page must not be able to send the student's tokens elsewhere.
 */
export function acceptEndpoint(value: unknown, webBase: string): string | undefined {
  if (typeof value !== "string" || value.length > 2048) return undefined;
  let u: URL;
  let web: URL;
  try {
    u = new URL(value);
    web = new URL(webBase);
  } catch {
    return undefined;
  }
  if (u.username || u.password || u.search || u.hash) return undefined;
  const loopback = LOOPBACK.has(web.hostname) && LOOPBACK.has(u.hostname);
  if (loopback ? !["http:", "https:"].includes(u.protocol) : u.protocol !== "https:") return undefined;
  if (!loopback && (/^[\d.]+$|:/.test(u.hostname) || !u.hostname.includes(".") || site(u.hostname) !== site(web.hostname))) return undefined;
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

/** `runtimeConfig.orchestrationApiEndpoint` from the page's `<script id="__NEXT_DATA__" type="application/json">`. */
export function nextDataEndpoint(html: string): unknown {
  const m = /<script\b[^>]*\bid=["']?__NEXT_DATA__["']?[^>]*>([\s\S]*?)<\/script>/i.exec(html);
  if (!m?.[1]) return undefined;
  try {
    const data = JSON.parse(m[1]) as { runtimeConfig?: { orchestrationApiEndpoint?: unknown } } | null;
    return data?.runtimeConfig?.orchestrationApiEndpoint;
  } catch {
    return undefined;
  }
}

/** GET the page without cookies or tokens, following same-origin redirects; undefined on anything unexpected. */
async function fetchPage(got: Got, webBase: string, timeoutMs: number): Promise<string | undefined> {
  const origin = new URL(webBase).origin;
  let url = `${origin}/`;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    let over = false;
    const request = got.get(url, { headers: { accept: "text/html" }, timeout: { request: timeoutMs } });
    request.on("downloadProgress", (p: { transferred: number; total?: number }) => {
      if (!over && (p.transferred > PAGE_MAX_BYTES || (p.total ?? 0) > PAGE_MAX_BYTES)) {
        over = true;
        request.cancel();
      }
    });
    const res = await request;
    if (res.statusCode >= 300 && res.statusCode < 400) {
      const next = new URL(String(res.headers.location ?? ""), url);
      if (next.origin !== origin) return undefined; // the sign-in provider: nothing of Halo's there
      url = next.href;
      continue;
    }
    return res.statusCode === 200 ? res.body : undefined;
  }
  return undefined;
}

export class RestBase {
  private found?: Promise<string>;

  constructor(
    private readonly fallback: string,
    private readonly discover: { got: Got; webBase: string; timeoutMs: number } | undefined,
  ) {}

  /** The base for REST calls; the first call may read the home page once (concurrent callers share it). */
  get(): Promise<string> {
    if (!this.discover) return Promise.resolve(this.fallback);
    return (this.found ??= this.lookUp(this.discover));
  }

  private async lookUp(d: { got: Got; webBase: string; timeoutMs: number }): Promise<string> {
    try {
      const html = await fetchPage(d.got, d.webBase, d.timeoutMs);
      const published = html === undefined ? undefined : nextDataEndpoint(html);
      const ok = acceptEndpoint(published, d.webBase);
      if (ok) log.info(`halo: REST base from Halo's page: ${ok}`);
      else if (published !== undefined) log.warn("halo: ignoring the REST base Halo's page publishes (not an https URL on Halo's own domain); using the default");
      return ok ?? this.fallback;
    } catch {
      return this.fallback; // offline, timeout, too large: the default still works as well as before
    }
  }
}
