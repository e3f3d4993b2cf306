import { randomBytes } from "node:crypto";
import type { SandboxUrls } from "./urls.js";
import { defaultSwitches, type Switches } from "./switches.js";
import { TokenStore, type Grant } from "./tokens.js";
import { prng } from "./util.js";
import type { World } from "./world/types.js";

export type Service = "web" | "gateway" | "orchestration" | "store" | "idp";

export interface CallRecord {
  service: Service;
  method: string;
  path: string;
  operationName?: string;
  /** The page size a paged gateway query asked for (pgSize), for tests of request sizes. */
  pgSize?: number;
  at: number;
  /** Course-context headers as sent (undefined = header absent). */
  headers?: { transactionId?: string; classSlugId?: string; courseClassId?: string };
  status?: number;
}

export interface SandboxStats {
  calls: CallRecord[];
  /** POST /api/auth/session refresh requests accepted (valid csrf + live session), whatever the outcome. */
  refreshes: number;
  sessionGets: number;
}

export interface SessionRec { id: number; userId: string; authMethod: "open_id" | "local_auth"; expiresAt: number; grantId: number; ended: boolean }

/** Presigned upload reservation (orchestration) and what the store received for it. */
export interface UploadRec {
  resourceId: string;
  userId: string;
  courseClassId: string;
  assessmentId: string;
  groupId: string | null;
  fileName: string;
  fileSize: number;
  fileType: string;
  signature: string;
  expiresAt: number;
  uploaded: boolean;
  completed: boolean;
}

export interface State {
  world: World;
  switches: Switches;
  stats: SandboxStats;
  tokens: TokenStore;
  sessions: Map<number, SessionRec>;
  /** Every session-cookie value ever issued → session (old values stay valid, like a JWE cookie). */
  sessionCookies: Map<string, number>;
  nextSessionId: number;
  uploads: Map<string, UploadRec>;
  secret: string;
  rng: () => number;
  rngSeed: number;
  /** Sandbox clock offset from the real clock (advanceTime). */
  offsetMs: number;
  baseRealMs: number;
  latencyFromOptions: number;
  defaultUrls: SandboxUrls;
}

export function createState(world: World, latencyMs: number, urls: SandboxUrls): State {
  const switches = defaultSwitches(latencyMs);
  return {
    world, switches, stats: { calls: [], refreshes: 0, sessionGets: 0 }, tokens: new TokenStore(), sessions: new Map(),
    sessionCookies: new Map(), nextSessionId: 1, uploads: new Map(), secret: randomBytes(16).toString("hex"), rng: prng(switches.seed), rngSeed: switches.seed,
    offsetMs: 0, baseRealMs: Date.now(), latencyFromOptions: latencyMs, defaultUrls: urls,
  };
}

/** Sandbox time: starts at world.now and advances with the real clock (plus advanceTime). */
export function nowMs(s: State): number {
  return s.world.now.getTime() + (Date.now() - s.baseRealMs) + s.offsetMs;
}

export function issueGrant(s: State, userId: string): { grant: Grant; authToken: string; contextToken: string } {
  const { grant, pair } = s.tokens.issue(userId, nowMs(s) + s.switches.tokenLifetimeMs);
  return { grant, ...pair };
}
