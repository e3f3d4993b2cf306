import type { Readable } from "node:stream";
import type FormData from "form-data";

/** Class scope sent as `current-class-slug-id` / `current-course-class-id` (empty string when unknown). */
export interface ClassContext {
  slugId?: string;
  courseClassId?: string;
}

export interface GraphqlRequest {
  operationName: string;
  /** A complete GraphQL document. Every declared variable must be used (Halo rejects unused ones). */
  query: string;
  variables?: Record<string, unknown>;
  context?: ClassContext;
  /** Human name of what the document serves ("gradebook", "class list"): used in errors, notes and doctor. */
  feature?: string;
  /**
   * Dotted field paths from the data root (`getAllClassGrades.grades.id`) that must never be pruned. When Halo
   * rejects one of them the read fails with one sentence naming `feature` instead of healing silently.
   */
  required?: readonly string[];
  /**
   * Dotted response-path prefixes (list indexes ignored, `getAllClassGrades.grades.assessment`) where a
   * field-level error is tolerated: the data is kept, that subtree is nulled and a degradation note recorded.
   */
  optional?: readonly string[];
}

export interface SessionInfo {
  userId: string;
  username?: string;
  tenantId?: string;
  email?: string;
  /** Session end (ISO), about 30 days after the browser login. */
  expires?: string;
  tokenExpiration?: string;
  /** `open_id` = real SSO session (refreshable); `local_auth` = made from raw tokens. */
  authMethod?: string;
}

export interface UploadBody {
  /** Opens a fresh stream of the bytes; called once per attempt. */
  open: () => Readable;
  size: number;
  contentType: string;
}

/**
 * Everything tools need from Halo. Implementations add auth headers, refresh tokens once on an auth
 * failure, retry queries (never writes), bound concurrency and throw the typed errors in ./errors.ts.
 */
export interface HaloApi {
  /** GraphQL read. Returns `data`; any `errors` entry throws. Retried on transient failures. */
  query<T = unknown>(req: GraphqlRequest): Promise<T>;
  /** GraphQL mutation. Never retried automatically (an auth refresh + one replay is allowed: nothing happened). */
  mutate<T = unknown>(req: GraphqlRequest): Promise<T>;
  /** Orchestration GET (path relative to `.../api/v1/orchestrate/`). Retried like a query. */
  restGet<T = unknown>(path: string, context?: ClassContext): Promise<T>;
  /** Orchestration POST with a JSON or multipart body. Never retried. */
  restPost<T = unknown>(path: string, body: { json?: unknown; form?: () => FormData }, context?: ClassContext): Promise<T>;
  /** PUT bytes to a presigned object-store URL (no Halo headers). Streams; never buffers the file. */
  putPresigned(url: string, body: UploadBody, onProgress?: (sent: number, total: number) => void): Promise<void>;
  /** GET a signed download URL (no Halo headers) as a stream. */
  getSigned(url: string): Promise<{ stream: Readable; contentType?: string; size?: number }>;
  /** The current session (establishes it lazily; no network at startup). */
  session(): Promise<SessionInfo>;
}

/** What check_tokens reports. `source` says what the session was started from. */
export interface SessionStatus {
  /** ok = Halo accepted the session just now; expired = the student must log in again; none = nothing configured;
   *  unknown = could not be verified (Halo unreachable, or raw tokens that cannot be checked without a call). */
  state: "ok" | "expired" | "none" | "unknown";
  userId?: string;
  /** Session end (ISO). */
  expires?: string;
  authMethod?: string;
  source: "cookie" | "tokens" | "none";
  /** false for raw tokens used directly (the callback failed) and, in practice, for `local_auth` sessions. */
  canRefresh: boolean;
  /** ISO time of the last successful refresh. */
  lastRefreshAt?: string;
  /** ISO time the session last restarted from credentials the student changed in the config file. */
  reloadedFromFileAt?: string;
  /** One short, redacted sentence for the student when state is not ok. */
  message?: string;
  /** state unknown because Halo could not be reached or failed (network, time-out, 5xx): nothing is known of the login. */
  offline?: boolean;
}

/** Backs the check_tokens / reload_tokens / setup_session / refresh tools. */
export interface SessionControl {
  /** May make one session GET (it verifies the session and rotates tokens). Never throws for auth problems. */
  status(): Promise<SessionStatus>;
  /** Re-reads the config file (hand-pasted tokens/cookie win), drops the current session and starts again. */
  reload(): Promise<SessionStatus>;
  /** Forces the csrf + callback/tokens bootstrap from the raw token pair. Throws no_credentials without a pair. */
  setup(): Promise<SessionStatus>;
  /** Forces a token refresh now. */
  refresh(): Promise<SessionStatus>;
}
