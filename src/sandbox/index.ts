/**
 * A faithful, strict simulated Halo (web/next-auth, GraphQL gateway, orchestration REST, object store)
 * for tests, demos and benchmarks. One core (core.ts) behind two adapters: msw handlers and loopback servers.
 */
import type { RequestHandler } from "msw";
import { mswHandlers } from "./msw.js";
import { listenAll, type RunningSandbox } from "./server.js";
import { createState, issueGrant, nowMs, type SandboxStats } from "./state.js";
import { defaultSwitches, type Switches } from "./switches.js";
import { MSW_URLS, type SandboxUrls } from "./urls.js";
import { COOKIE, createSession, newCsrf, sessionCookies } from "./web.js";
import { passwordSignIns, SSO_PASSWORD } from "./idp.js";
import type { SeedIds } from "./world/ids.js";
import { seedIds, seedWorld } from "./world/seed.js";
import type { World } from "./world/types.js";

export type { World } from "./world/types.js";
export type { Switches, AuthFailureMode, InjectedFailure, RestStep } from "./switches.js";
export type { SandboxStats, CallRecord, Service } from "./state.js";
export type { RunningSandbox } from "./server.js";
export type { SeedIds } from "./world/ids.js";
export { SEED } from "./world/ids.js";
export { WITNESS_VARIANTS, type WitnessVariant } from "./witness.js";
export { MSW_URLS, ORCH_PREFIX } from "./urls.js";
export type { SandboxUrls } from "./urls.js";
export { COOKIE } from "./web.js";

export interface SandboxOptions {
  /** World "today"; every seeded date is relative to it. Default: new Date(). */
  now?: Date;
  latencyMs?: number;
}

export interface Sandbox {
  world: World;
  switches: Switches;
  resetSwitches(): void;
  /** A logged-in browser Cookie header (open_id session) and a valid raw token pair for the seeded student. */
  credentials: { cookieHeader: string; authToken: string; contextToken: string; userId: string };
  /** The student's sign-in at the simulated identity provider (Halo's `/` redirects there without a session). */
  sso: { email: string; password: string; passwordSignIns(): number };
  stats: SandboxStats;
  resetStats(): void;
  handlers(urls?: SandboxUrls): RequestHandler[];
  listen(opts?: { host?: string }): Promise<RunningSandbox>;
  /** Invalidate every gateway token issued so far. */
  expireTokens(): void;
  /** The ~30-day browser session is over: session GET returns {}. Gateway tokens keep working until they expire. */
  endSession(): void;
  /** Seeded ids including the now-dependent slugIds. */
  ids: SeedIds;
  /** Sandbox clock (ms since epoch): starts at `now`, advances with real time and advanceTime(). */
  now(): number;
  advanceTime(ms: number): void;
}

const pair = (setCookie: string): string => setCookie.split(";")[0] ?? "";

export function createSandbox(opts: SandboxOptions = {}): Sandbox {
  const world = seedWorld(opts.now ?? new Date());
  const s = createState(world, opts.latencyMs ?? 0, MSW_URLS);
  const issued = issueGrant(s, world.studentId);
  const session = createSession(s, world.studentId, "open_id", issued.grant.id);
  const csrf = newCsrf(s);
  const cookieHeader = [
    ...sessionCookies(s, session, false).map(pair),
    `${COOKIE.csrf}=${csrf.cookieValue}`,
    `${COOKIE.callback}=${encodeURIComponent(`${MSW_URLS.web}/`)}`,
    `${COOKIE.lmsAuth}=${issued.authToken}`,
    `${COOKIE.lmsContext}=${issued.contextToken}`,
  ].join("; ");
  const sandbox: Sandbox = {
    world,
    switches: s.switches,
    resetSwitches() {
      for (const k of Object.keys(s.switches)) delete (s.switches as unknown as Record<string, unknown>)[k];
      Object.assign(s.switches, defaultSwitches(s.latencyFromOptions));
      s.rngSeed = Number.NaN; // restart the 429/5xx sequence
    },
    credentials: { cookieHeader, authToken: issued.authToken, contextToken: issued.contextToken, userId: world.studentId },
    sso: { email: world.users[world.studentId]?.email ?? "", password: SSO_PASSWORD, passwordSignIns: () => passwordSignIns(s) },
    stats: s.stats,
    resetStats() {
      s.stats.calls.length = 0;
      s.stats.refreshes = 0;
      s.stats.sessionGets = 0;
    },
    handlers: (urls = MSW_URLS) => mswHandlers(s, urls),
    listen: (o = {}) => listenAll(s, o.host),
    expireTokens: () => s.tokens.expireAll(),
    endSession() {
      for (const rec of s.sessions.values()) rec.ended = true;
    },
    ids: seedIds(world),
    now: () => nowMs(s),
    advanceTime(ms) {
      s.offsetMs += ms;
    },
  };
  return sandbox;
}
