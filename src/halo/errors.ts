/**
 * Typed Halo errors. One classifier (classify.ts) maps every response variant in the reference's error
 * table onto these. Messages must never contain tokens, cookies or upstream bodies verbatim.
 */
export type HaloErrorKind =
  | "auth" // tokens expired/invalid: refresh once, then retry
  | "session_expired" // the ~30-day browser session is over: the student must log in again
  | "no_credentials" // nothing configured to start a session from
  | "access" // Permission Evaluator: not enrolled / no access. Never refresh.
  | "validation" // GraphQL validation ("Cannot query field", unused variable)
  | "not_found"
  | "http" // other HTTP status
  | "network"
  | "timeout"
  | "circuit_open"
  | "too_large" // the reply passed replyMaxBytes and was dropped unread
  | "upstream"; // 200 with errors that fit nothing above

/** One GraphQL error as Halo reported it (sanitized message; schema names only, never data). */
export interface GqlIssue {
  message: string;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  path?: ReadonlyArray<string | number>;
}

export class HaloError extends Error {
  readonly kind: HaloErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly operation?: string;
  /** For validation failures: every error in the reply, so the client can prune what Halo no longer offers. */
  readonly issues?: readonly GqlIssue[];
  constructor(
    kind: HaloErrorKind,
    message: string,
    opts: { status?: number; retryAfterMs?: number; operation?: string; cause?: unknown; issues?: readonly GqlIssue[] } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "HaloError";
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
    this.operation = opts.operation;
    this.issues = opts.issues;
  }
}

export const isHaloError = (e: unknown): e is HaloError => e instanceof HaloError;
