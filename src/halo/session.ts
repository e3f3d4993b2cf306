/**
 * The session manager: lazily turns the configured cookie / token pair into gateway tokens, refreshes them
 * single-flight on an auth failure, persists rotated cookies, and picks up credentials the student pastes
 * into the config file while we run. Constructing it touches neither the network nor the disk.
 */
import type { AppConfig } from "../config/types.js";
import type { ConfigStore } from "../config/store.js";
import { log } from "../log.js";
import { registerSecret } from "../redact.js";
import { csrfFromJar, loadCookies, parseCookieHeader, SessionJar, snapshotCookies, tokensFromCookiePairs } from "./cookies.js";
import { HaloError, isHaloError } from "./errors.js";
import type { Tokens } from "./headers.js";
import * as msg from "./messages.js";
import * as stored from "./session-store.js";
import type { Transport } from "./transport.js";
import type { SessionControl, SessionInfo, SessionStatus } from "./types.js";
import { toInfo, usableSession, WebAuth } from "./web.js";

export interface SessionDeps {
  config: AppConfig;
  transport: Transport;
  store?: ConfigStore;
  now: () => number;
  persistDelayMs?: number;
}

type Usable = NonNullable<ReturnType<typeof usableSession>>;
const EARLY_MS = 60_000;

export class SessionManager implements SessionControl {
  private jar: SessionJar;
  private tokens?: Tokens;
  private info?: SessionInfo;
  private source: SessionStatus["source"] = "none";
  private canRefresh = false;
  private lastRefreshAt?: number;
  private lastEarlyAt?: number;
  private expired?: HaloError; // latched until the credentials change: no pointless calls meanwhile
  private gen = 0; // bumped on every reset, so a stale refresh cannot resurrect an old session
  private starting?: Promise<Tokens>;
  private refreshing?: Promise<Tokens>;
  private reloadedAt?: number; // the last time a hand edit of the config file was picked up
  private unwatch?: () => void;
  private readonly credentials: stored.CredentialSource;
  private readonly persister?: stored.Persister;
  private readonly web: WebAuth;
  private readonly baseUrl: string;

  constructor(private readonly deps: SessionDeps) {
    this.baseUrl = deps.config.halo.baseUrl;
    this.web = new WebAuth(deps.transport, this.baseUrl);
    this.jar = new SessionJar(deps.now);
    if (deps.store) this.persister = new stored.Persister(deps.store, () => this.snapshot(), deps.persistDelayMs ?? 250);
    const h = deps.config.halo;
    this.credentials = new stored.CredentialSource(deps.store, { cookie: h.cookie, authToken: h.authToken, contextToken: h.contextToken });
  }

  /** Identity for the transaction-id header (undefined with raw tokens). */
  get current(): SessionInfo | undefined {
    return this.info;
  }

  /** Whether an auth failure can be answered with a refresh (false: raw tokens used directly). */
  get refreshable(): boolean {
    return this.canRefresh;
  }

  /** The current tokens without any I/O (undefined before the session exists or once it expired). */
  get latest(): Tokens | undefined {
    return this.expired ? undefined : this.tokens;
  }

  /** Tokens for the next gateway/orchestration call, establishing the session on first use. */
  async tokensForCall(): Promise<Tokens> {
    await this.pickUpHandEdits();
    if (this.expired) throw this.expired;
    if (this.tokens) return this.dueForRefresh() ? this.refreshEarly(this.tokens) : this.tokens;
    this.starting ??= this.bootstrap().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /**
   * Halo tells us when the tokens expire (`tokenExpiration`): refreshing just before saves every call
   * after that a failed round trip. At most once a minute, so a skewed clock cannot cause a refresh storm.
   */
  private dueForRefresh(): boolean {
    const exp = msg.expiryMs(this.info?.tokenExpiration);
    const now = this.deps.now();
    if (!this.canRefresh || exp === undefined || now < exp - EARLY_MS) return false;
    if (this.lastEarlyAt !== undefined && now - this.lastEarlyAt < EARLY_MS) return false;
    this.lastEarlyAt = now;
    return true;
  }

  private async refreshEarly(current: Tokens): Promise<Tokens> {
    try {
      return await this.afterAuthFailure(current);
    } catch (e) {
      if (isHaloError(e) && e.kind === "session_expired") throw e;
      return current; // Halo unreachable or the like: let the call itself find out
    }
  }

  /** Called with the tokens a call failed with. Exactly one refresh runs however many calls failed. */
  async afterAuthFailure(stale: Tokens): Promise<Tokens> {
    if (this.expired) throw this.expired;
    if (this.tokens && (this.tokens.authToken !== stale.authToken || this.tokens.contextToken !== stale.contextToken)) return this.tokens;
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  async sessionInfo(): Promise<SessionInfo> {
    await this.tokensForCall();
    return this.info ?? { userId: "", authMethod: "raw_tokens" };
  }

  // ---- SessionControl ----

  status(): Promise<SessionStatus> {
    return this.report(true);
  }

  async reload(): Promise<SessionStatus> {
    await this.credentials.reread();
    this.reset();
    return this.report(false);
  }

  async setup(): Promise<SessionStatus> {
    await this.pickUpHandEdits();
    if (!(this.credentials.creds.authToken && this.credentials.creds.contextToken)) {
      throw new HaloError("no_credentials", "setup_session needs both authToken and contextToken in the config file (or HALO_AUTH_TOKEN / HALO_CONTEXT_TOKEN).");
    }
    this.reset();
    this.starting = this.fromTokens(this.gen).finally(() => (this.starting = undefined));
    await this.starting.catch(() => undefined);
    return this.report(false);
  }

  async refresh(): Promise<SessionStatus> {
    try {
      await this.tokensForCall();
      // Raw tokens used directly cannot be refreshed; forcing it must not declare them dead.
      if (this.canRefresh) await (this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined)));
    } catch {
      /* reported below */
    }
    return this.report(false);
  }

  /** Writes any pending session change now. */
  async flush(): Promise<void> {
    await this.persister?.flush();
  }

  close(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    void this.flush();
  }

  // ---- internals ----

  /** The status; `probe` makes one session GET on an already established session to prove it still lives. */
  private async report(probe: boolean): Promise<SessionStatus> {
    let outcome: unknown;
    try {
      const established = this.tokens !== undefined && !this.expired;
      await this.tokensForCall();
      if (probe && established && this.canRefresh) {
        const gen = this.gen;
        const s = await this.web.getSession(this.jar);
        if (gen === this.gen) {
          if (!s) throw await this.markExpired(msg.sessionExpired(this.baseUrl));
          this.adopt(s, this.source);
        }
      }
    } catch (e) {
      outcome = e;
    }
    const { source, canRefresh, info, lastRefreshAt, reloadedAt } = this;
    return msg.statusOf({ source, canRefresh, info, hasTokens: this.tokens !== undefined, lastRefreshAt, reloadedAt }, outcome);
  }


  private reset(): void {
    this.gen++;
    this.tokens = undefined;
    this.info = undefined;
    this.expired = undefined;
    this.starting = undefined;
    this.refreshing = undefined;
    this.source = "none";
    this.canRefresh = false;
    this.jar = new SessionJar(this.deps.now);
  }

  private async bootstrap(): Promise<Tokens> {
    const gen = this.gen;
    // From the first use on, a login pasted into the file is picked up without a call or reload_tokens.
    this.unwatch ??= this.deps.store?.watch(() => void this.pickUpHandEdits(true).catch(() => undefined));
    const file = await this.credentials.readFile();
    const saved = stored.storedSession(file);
    const configured = stored.hasCreds(this.credentials.creds);
    if (saved && (!configured || saved.basis === stored.basisOf(this.credentials.creds))) {
      const s = await this.trySession(Object.entries(saved.cookies));
      if (s) return this.adopt(s, "cookie", gen);
      log.info("halo: the saved session has ended; starting again from the configured credentials");
      await this.deps.store?.update({ session: undefined }).catch(() => undefined);
    }
    const { cookie, authToken, contextToken } = this.credentials.creds;
    if (cookie) {
      const pairs = parseCookieHeader(cookie);
      const s = await this.trySession(pairs);
      if (s) return this.adopt(s, "cookie", gen);
      if (!(authToken && contextToken)) {
        const fromCookie = tokensFromCookiePairs(pairs);
        if (fromCookie) return this.useDirect(fromCookie, "cookie");
        throw await this.markExpired(msg.sessionExpired(this.baseUrl));
      }
      log.info("halo: the configured Cookie header has no live session; trying the raw token pair");
    }
    if (authToken && contextToken) return this.fromTokens(gen);
    if (saved) throw await this.markExpired(msg.sessionExpired(this.baseUrl));
    throw msg.noCredentials(this.baseUrl);
  }

  private async trySession(pairs: Iterable<[string, string]>): Promise<Usable | undefined> {
    this.jar = new SessionJar(this.deps.now);
    await loadCookies(this.jar, this.baseUrl, pairs);
    return this.web.getSession(this.jar);
  }

  /** Raw pair → csrf + callback/tokens → session; if Halo refuses, the pair is used directly (as the seed did). */
  private async fromTokens(gen: number): Promise<Tokens> {
    const pair = { authToken: this.credentials.creds.authToken as string, contextToken: this.credentials.creds.contextToken as string };
    let reason = "Halo did not accept the tokens for a web session";
    try {
      this.jar = new SessionJar(this.deps.now);
      const csrf = (await this.web.csrf(this.jar)) ?? (await csrfFromJar(this.jar, this.baseUrl));
      if (csrf && (await this.web.callbackTokens(this.jar, csrf, pair))) {
        const s = await this.web.getSession(this.jar);
        if (s) return this.adopt(s, "tokens", gen);
      }
    } catch (e) {
      reason = isHaloError(e) ? e.message : "the web session could not be created";
    }
    log.warn(`halo: ${reason.replace(/\.$/, "")}. ${msg.rawTokensNote}`);
    return this.useDirect(pair, "tokens");
  }

  private useDirect(pair: Tokens, source: SessionStatus["source"]): Tokens {
    registerSecret(pair.authToken);
    registerSecret(pair.contextToken);
    this.tokens = pair;
    this.info = undefined;
    this.source = source;
    this.canRefresh = false;
    return pair;
  }

  private adopt(s: Usable, source: SessionStatus["source"], gen = this.gen): Tokens {
    if (gen !== this.gen) return s; // a reload happened meanwhile: hand back the tokens, keep the new state
    this.tokens = { authToken: s.authToken, contextToken: s.contextToken };
    this.info = toInfo(s);
    this.source = source;
    this.canRefresh = true;
    this.schedulePersist();
    return this.tokens;
  }

  private async doRefresh(): Promise<Tokens> {
    const gen = this.gen;
    if (!this.canRefresh) throw await this.markExpired(msg.rawTokensRejected(this.baseUrl));
    let s: Usable | undefined;
    try {
      const csrf = (await csrfFromJar(this.jar, this.baseUrl)) ?? (await this.web.csrf(this.jar));
      if (csrf) s = await this.web.postRefresh(this.jar, csrf);
    } catch (e) {
      log.debug(`halo: refresh by POST failed (${isHaloError(e) ? e.kind : "error"}); trying GET`);
    }
    s ??= await this.web.getSession(this.jar);
    if (gen !== this.gen) return this.tokensForCall();
    if (!s) throw await this.markExpired(msg.sessionExpired(this.baseUrl));
    this.lastRefreshAt = this.deps.now();
    log.info("halo: session tokens refreshed");
    return this.adopt(s, this.source, gen);
  }

  private async markExpired(error: HaloError): Promise<HaloError> {
    this.expired = error;
    log.warn(`halo: ${error.message}`);
    if (this.deps.store) await this.deps.store.update({ session: undefined }).catch(() => undefined);
    return error;
  }

  /** Cheap stat before each use (and on the file watcher): when the student changed credentials in the file, the session restarts. */
  private async pickUpHandEdits(watched = false): Promise<void> {
    if (await this.credentials.changed()) {
      log.info(`halo: new credentials in the config file${watched ? " (noticed by the file watcher, no reload_tokens needed)" : ""}; starting a new session from them`);
      this.reset();
      this.reloadedAt = this.deps.now();
    }
  }

  private schedulePersist(): void {
    this.persister?.schedule();
  }

  /** What goes under the file's `session` key; undefined when there is no web session to keep. */
  private async snapshot(): Promise<stored.StoredSession | undefined> {
    if (!this.tokens || !this.canRefresh) return undefined;
    return {
      cookies: await snapshotCookies(this.jar, this.baseUrl),
      authToken: this.tokens.authToken,
      contextToken: this.tokens.contextToken,
      userId: this.info?.userId,
      expires: this.info?.expires,
      authMethod: this.info?.authMethod,
      basis: stored.basisOf(this.credentials.creds),
      savedAt: new Date(this.deps.now()).toISOString(),
    };
  }
}
