export interface SandboxUrls {
  web: string;
  gateway: string;
  /** Origin only; REST paths live under /api/v1/orchestrate/. */
  orchestration: string;
  store: string;
  /** The single sign-on identity provider (another host than `web`, so the two keep separate cookies). */
  idp: string;
}

export const MSW_URLS: SandboxUrls = {
  web: "https://halo.sandbox.test",
  gateway: "https://gateway.sandbox.test/",
  orchestration: "https://orchestration.sandbox.test",
  store: "https://store.sandbox.test",
  idp: "https://login.sandbox.test",
};

export const ORCH_PREFIX = "/api/v1/orchestrate/";
export const origin = (u: string): string => new URL(u).origin;
