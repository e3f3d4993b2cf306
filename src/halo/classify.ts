/**
 * The ONE classifier: every Halo reply or transport error becomes a HaloError (or null = success).
 * Covers every row of the reference's error table; messages are short, redacted and never carry the
 * upstream body beyond one sanitized sentence.
 */
import { redact } from "../redact.js";
import { HaloError, type GqlIssue, type HaloErrorKind } from "./errors.js";

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  /** Raw text or already-parsed JSON. */
  body: unknown;
}

export interface GqlError {
  message?: unknown;
  path?: unknown;
  locations?: unknown;
  extensions?: { code?: unknown; errorCode?: unknown; [k: string]: unknown };
}

/** Options for GraphQL replies: which field-level errors the caller can live with (see client.ts). */
export interface ClassifyOptions {
  tolerate?: (e: GqlError) => boolean;
}

const networkCodes = new Set([
  "ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN",
  "EPIPE", "ECONNABORTED", "ETIMEDOUT", "ESOCKETTIMEDOUT", "EPROTO", "ERR_SOCKET_CLOSED", "UND_ERR_SOCKET",
]);

const accessRe = /permission evaluator exception/i;
const authRe = /\b401\b|response was malformed|\bjwt\b|\bunauthori[sz]ed\b|\bunauthenticated\b|\b(?:token|session)s?\b[^.]{0,40}\bexpired\b|\bexpired\b[^.]{0,40}\b(?:token|session|jwt)\b/i;
const validationRe = /cannot query field|is never used|unknown argument|unknown type|unknown fragment|is not defined by type|of required type .* was not provided|must have a selection|graphql_validation_failed|syntax error/i;

/** One readable sentence from an upstream message: no markup, no secrets, bounded length. */
export function sanitize(message: unknown, max = 160): string {
  const text = typeof message === "string" ? message : "";
  const flat = redact(text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim());
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}

export function parseBody(body: unknown): unknown {
  if (typeof body !== "string" && !Buffer.isBuffer(body)) return body;
  const text = body.toString();
  if (!/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function pathOf(e: GqlError): Array<string | number> {
  return Array.isArray(e.path) ? e.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number") : [];
}

/**
 * What one error means. Only the root decides about the session or access: an error deeper than the root field
 * (a resolver failing on one row's field) is a data problem, never a reason to refresh tokens or to call a class
 * unavailable. A root auth error counts only when that root answered no data.
 */
function errorKind(e: GqlError, data: unknown): HaloErrorKind {
  const msg = typeof e.message === "string" ? e.message : "";
  const path = pathOf(e);
  if (path.length > 1) return "upstream";
  // Checked first: "Permission Evaluator exception … unauthorized" must not trigger a refresh.
  if (accessRe.test(msg)) return "access";
  const code = String(e.extensions?.code ?? "").toUpperCase();
  const errorCode = String(e.extensions?.errorCode ?? "");
  const rootAnswered = path.length === 1 && data !== null && typeof data === "object" && (data as Record<string, unknown>)[String(path[0])] != null;
  if ((code === "UNAUTHENTICATED" || errorCode === "401" || authRe.test(msg)) && !rootAnswered) return "auth";
  if (code === "GRAPHQL_VALIDATION_FAILED" || code === "GRAPHQL_PARSE_FAILED" || validationRe.test(msg)) return "validation";
  if (code === "NOT_FOUND" || errorCode === "404") return "not_found";
  return "upstream";
}

const priority: HaloErrorKind[] = ["auth", "access", "validation", "not_found", "upstream"];

function messageFor(kind: HaloErrorKind, op: string, detail: string, status?: number): string {
  switch (kind) {
    case "auth":
      return `Halo rejected the session tokens (${op}).`;
    case "access":
      return `Halo says this is not available to your account (not enrolled or no access) (${op}).`;
    case "validation":
      return `Halo rejected the request ${op} as invalid: ${detail || "validation error"}`;
    case "not_found":
      return `Halo could not find what ${op} asked for${detail ? `: ${detail}` : "."}`;
    case "http":
      return `Halo answered HTTP ${status} to ${op}${status === 429 ? " (rate limited)" : status && status >= 500 ? " (server error)" : ""}${detail ? `: ${detail}` : "."}`;
    default:
      return `Halo reported an error for ${op}${detail ? `: ${detail}` : "."}`;
  }
}

function fromTransportError(err: unknown, op: string): HaloError {
  // `?? {}`: a thrown undefined/null must still become a network error, not a TypeError out of the classifier.
  const e = (err ?? {}) as { name?: string; code?: string; cause?: { code?: string } };
  // Stryker disable next-line StringLiteral: the fallback only has to miss networkCodes, which any unknown text does
  const code = e.code ?? e.cause?.code ?? "";
  if (e.name === "TimeoutError" || code === "ETIMEDOUT") {
    return new HaloError("timeout", `Halo did not answer ${op} in time.`, { operation: op, cause: err });
  }
  const known = networkCodes.has(code) ? ` (${code})` : "";
  return new HaloError("network", `Could not reach Halo for ${op}${known}; check the internet connection.`, { operation: op, cause: err });
}

function messageFields(body: unknown): string {
  if (!body || typeof body !== "object") return "";
  const b = body as Record<string, unknown>;
  return [b.message, b.error, b.error_description, b.detail].filter((x) => typeof x === "string").join(" ");
}

function isHttpResult(x: unknown): x is HttpResult {
  return typeof x === "object" && x !== null && typeof (x as HttpResult).statusCode === "number";
}

/** Messages, locations and paths of a reply's errors, bounded, for healing and partial data. */
function issuesOf(errors: readonly GqlError[]): GqlIssue[] {
  return errors.slice(0, 50).map((e) => {
    const locations = Array.isArray(e.locations)
      ? (e.locations as Array<{ line?: unknown; column?: unknown }>).filter((l) => typeof l?.line === "number" && typeof l?.column === "number") as Array<{ line: number; column: number }>
      : undefined;
    return { message: sanitize(e.message, 300), ...(locations?.length ? { locations } : {}), ...(Array.isArray(e.path) ? { path: pathOf(e) } : {}) };
  });
}

export function classify(input: HttpResult | Error | unknown, op: string, now: number = Date.now(), opts: ClassifyOptions = {}): HaloError | null {
  if (input instanceof HaloError) return input;
  if (!isHttpResult(input)) return fromTransportError(input, op);
  const status = input.statusCode;
  const body = parseBody(input.body);
  // Wording checks look at plain-text bodies or the usual JSON message fields, never at arbitrary JSON.
  const bodyText = typeof body === "string" ? body : messageFields(body);
  const all = body && typeof body === "object" && Array.isArray((body as { errors?: unknown }).errors) ? ((body as { errors: GqlError[] }).errors) : [];
  const data = body && typeof body === "object" ? (body as { data?: unknown }).data : undefined;
  // Tolerated field errors only count beside data; without data there is nothing to keep.
  const errors = opts.tolerate && data != null && status < 300 ? all.filter((e) => !opts.tolerate!(e)) : all;

  if (status === 401) return new HaloError("auth", messageFor("auth", op, ""), { status, operation: op });

  if (errors.length > 0) {
    const kinds = errors.map((e) => errorKind(e, data));
    const kind = priority.find((k) => kinds.includes(k)) ?? "upstream";
    const first = errors[kinds.indexOf(kind)] ?? errors[0];
    const detail = sanitize(first?.message);
    const transient = status === 408 || status === 429 || status >= 500;
    if (kind === "upstream" && transient) return httpError(status, input, op, now);
    return new HaloError(kind, messageFor(kind, op, detail), { status, operation: op, ...(kind === "validation" ? { issues: issuesOf(errors) } : {}) });
  }

  if (status === 403) {
    const kind: HaloErrorKind = authRe.test(bodyText) ? "auth" : "access";
    return new HaloError(kind, messageFor(kind, op, ""), { status, operation: op });
  }
  if (status === 408 || status === 429 || status >= 500) return httpError(status, input, op, now);
  if (status === 404) return new HaloError("not_found", messageFor("not_found", op, ""), { status, operation: op });
  if (status >= 400) {
    const kind: HaloErrorKind = validationRe.test(bodyText) ? "validation" : authRe.test(bodyText) ? "auth" : "http";
    // A refusal's reason ("fileSize exceeds the limit") is what the student needs; one sanitized sentence.
    return new HaloError(kind, messageFor(kind, op, kind === "auth" ? "" : sanitize(bodyText), status), { status, operation: op });
  }
  if (status >= 300) return new HaloError("http", `Halo redirected ${op} (HTTP ${status}); the session may be over.`, { status, operation: op });
  return null;
}

function httpError(status: number, res: HttpResult, op: string, now: number): HaloError {
  const retryAfterMs = parseRetryAfter(res.headers["retry-after"], now);
  return new HaloError("http", messageFor("http", op, "", status), { status, retryAfterMs, operation: op });
}
