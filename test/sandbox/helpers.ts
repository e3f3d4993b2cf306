import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createSandbox, MSW_URLS, type Sandbox } from "../../src/sandbox/index.js";

/** Fixed "today" so seeded dates are reproducible: a Wednesday 18:00 UTC (11:00 AM Arizona). */
export const NOW = new Date("2025-03-12T18:00:00Z");

/** A sandbox wired into msw for the whole file; switches and stats reset after each test. */
export function useMswSandbox(): { sb: Sandbox } {
  const sb = createSandbox({ now: NOW });
  const server = setupServer(...sb.handlers());
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    sb.resetSwitches();
    sb.resetStats();
  });
  afterAll(() => server.close());
  return { sb };
}

export interface GqlReply { status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] } }

export async function gql(sb: Sandbox, query: string, variables?: Record<string, unknown>, opts: { operationName?: string; tokens?: { authToken: string; contextToken: string }; headers?: Record<string, string> } = {}): Promise<GqlReply> {
  const t = opts.tokens ?? sb.credentials;
  const res = await fetch(MSW_URLS.gateway, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${t.authToken}`, contexttoken: `Bearer ${t.contextToken}`, ...opts.headers },
    body: JSON.stringify({ operationName: opts.operationName ?? opName(query), query, variables }),
  });
  const text = await res.text();
  let body: GqlReply["body"] = {};
  try {
    body = JSON.parse(text) as GqlReply["body"];
  } catch {
    body = {};
  }
  return { status: res.status, body };
}

const opName = (q: string): string | undefined => /(?:query|mutation)\s+(\w+)/.exec(q)?.[1];

export const orch = (path: string): string => `${MSW_URLS.orchestration}/api/v1/orchestrate/${path}`;

export function bearer(sb: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${sb.credentials.authToken}`, contexttoken: `Bearer ${sb.credentials.contextToken}`, ...extra };
}

/** Minimal cookie jar: name → value, applying Set-Cookie (Max-Age=0 deletes). */
export class Jar {
  readonly map = new Map<string, string>();
  constructor(header = "") {
    for (const part of header.split(";")) {
      const i = part.indexOf("=");
      if (i > 0) this.map.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
    }
  }
  apply(res: Response): string[] {
    const lines = res.headers.getSetCookie();
    for (const line of lines) {
      const [nv] = line.split(";");
      const i = nv?.indexOf("=") ?? -1;
      if (!nv || i < 0) continue;
      if (/Max-Age=0/i.test(line)) this.map.delete(nv.slice(0, i));
      else this.map.set(nv.slice(0, i), nv.slice(i + 1));
    }
    return lines;
  }
  header(): string {
    return [...this.map].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}
