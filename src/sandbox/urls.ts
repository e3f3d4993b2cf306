export interface SandboxUrls {
  web: string;
  gateway: string;
  /** Origin only; REST paths live under /api/v1/orchestrate/. */
  orchestration: string;
  store: string;
}

export const MSW_URLS: SandboxUrls = {
  web: "https://halo.sandbox.test",
  gateway: "https://gateway.sandbox.test/",
  orchestration: "https://orchestration.sandbox.test",
  store: "https://store.sandbox.test",
};

export const ORCH_PREFIX = "/api/v1/orchestrate/";
export const origin = (u: string): string => new URL(u).origin;
