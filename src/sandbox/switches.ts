/** Behaviour variants the reference marks "varies", plus fault injection. Tests flip these; resetSwitches() restores. */
import { ORCH_PREFIX } from "./urls.js";
import type { WitnessVariant } from "./witness.js";

export type AuthFailureMode = "http401" | "message401" | "errorCode401" | "malformed";
export type InjectedFailure = "http500" | "http502" | "http503" | "http429" | "access" | "malformed" | "message401" | "errorCode401";
export type RestStep = "presign" | "store" | "attach" | "status" | "submit" | "send" | "download";

export interface Switches {
  /** How the gateway reports missing/invalid/expired tokens. */
  authFailureMode: AuthFailureMode;
  /** HTTP status for GraphQL parse/validation failures (Apollo 4 answers 400; 200 has been seen). */
  validationStatus: 200 | 400;
  /** false: validation errors come without `locations` (a gateway that strips them), so clients must match by name. */
  validationLocations: boolean;
  /**
   * Field-level resolver errors, keyed `Type.field` (e.g. `CourseClassAssessment.accommodatedDueDate`,
   * `Query.getAllClassGrades`) → the error message. Like a real resolver failure: HTTP 200, that field null in
   * `data` (or its nearest nullable parent), and an error carrying the field's `path`.
   */
  fieldErrors: Record<string, string>;
  /**
   * Fields (`Type.field`) validation treats as absent from the schema, whatever variant is active: Halo dropping
   * a field between releases. Rejected exactly as graphql-js does (`Cannot query field "f" on type "T".`).
   */
  rejectFields: string[];
  /** Top level of getForumNotifications / getInboxNotifications. */
  notificationsShape: "list" | "object";
  /** Notification/alert count fields typed String instead of Int. */
  countsAsStrings: boolean;
  /** Root field `announcements`: one object, a list, or absent from the schema. */
  announcements: "object" | "list" | "missing";
  /** Witness-derived deviations from the reference (audit §8.7), any combination; see witness.ts. */
  witness: WitnessVariant[];
  /** Only field paths a public witness sent on that root validate (the audit's CONFIRMED set). */
  minimalSchema: boolean;
  /** Keyed by operationName or root field name; whole request fails this way. */
  failOperations: Record<string, InjectedFailure>;
  /** Class ids or slugs whose class-scoped root fields fail (field error, data null for that field). */
  failClassIds: string[];
  /** How failClassIds fail: Permission Evaluator (access) or a generic upstream error. */
  failClassMode: "access" | "error";
  /** Inject a failure at one upload/submit/message step ("attach" = the GraphQL mutation). */
  failRest: Partial<Record<RestStep, InjectedFailure>>;
  /** Probabilities (0..1) of a random 429 / 503 on gateway and orchestration calls. */
  rate429: number;
  rate5xx: number;
  seed: number;
  retryAfterSeconds: number;
  /** Delay every response (also settable through SandboxOptions.latencyMs). */
  latencyMs: number;
  /** A token pair stops working after this many gateway/orchestration calls (null = only time-based). */
  expireTokensAfterCalls: number | null;
  /** Gateway token lifetime in sandbox time. */
  tokenLifetimeMs: number;
  /** false: POST /api/auth/session is unsupported (old next-auth) and answers 400, so clients must fall back to GET. */
  refreshViaPost: boolean;
  /** false (reference): a local_auth session's POST refresh re-encrypts the same tokens with the SAME expiry. */
  localAuthRefreshable: boolean;
  /** Emit the session cookie as `.0`/`.1` chunks. */
  chunkSessionCookie: boolean;
  /** Orchestration rejects calls lacking transaction-id / current-class-slug-id / current-course-class-id with 400. */
  requireClassHeaders: boolean;
  /** downloadUrl reply: `{downloadUrl}` or `{result:{downloadUrl}}`. */
  downloadUrlShape: "top" | "result";
  /** Origin that download links point at instead of the store (tests put a misbehaving file server there). */
  downloadOrigin: string | null;
  /** Path the orchestration service answers under; the web host's `__NEXT_DATA__` publishes it with the orchestration origin. */
  orchestrationPath: string;
  /** Publish this exact `runtimeConfig.orchestrationApiEndpoint` instead (hostile-value tests); null = the real one. */
  publishedOrchestration: string | null;
}

export function defaultSwitches(latencyMs = 0): Switches {
  return {
    authFailureMode: "http401",
    validationStatus: 200,
    validationLocations: true,
    fieldErrors: {},
    rejectFields: [],
    notificationsShape: "list",
    countsAsStrings: false,
    announcements: "object",
    witness: [],
    minimalSchema: false,
    failOperations: {},
    failClassIds: [],
    failClassMode: "error",
    failRest: {},
    rate429: 0,
    rate5xx: 0,
    seed: 42,
    retryAfterSeconds: 2,
    latencyMs,
    expireTokensAfterCalls: null,
    tokenLifetimeMs: 3_600_000,
    refreshViaPost: true,
    localAuthRefreshable: false,
    chunkSessionCookie: false,
    requireClassHeaders: false,
    downloadUrlShape: "top",
    downloadOrigin: null,
    orchestrationPath: ORCH_PREFIX,
    publishedOrchestration: null,
  };
}
