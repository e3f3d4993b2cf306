/**
 * In-process rig for the token and round-trip measurements: the test harness (the real server behind an SDK
 * Client over an in-memory transport, against the sandbox through msw). A pass-through msw
 * handler copies every Halo response body, so a tool's answer can be weighed against the raw JSON it was made
 * from. One rig at a time (msw patches the process).
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getResponse, http, type RequestHandler } from "msw";
import type { Halo } from "../../src/halo/index.js";
import { MSW_URLS, type Sandbox, type Service } from "../../src/sandbox/index.js";
import { startHarness } from "../helpers/harness.js";
import type { ToolContext } from "../../src/queries/context.js";

/** Saturday Nov 21 2026, 10:00 AM in Arizona: the same world the tests see. */
export const BENCH_NOW = new Date("2026-11-21T17:00:00Z");

export interface Captured {
  service: Service;
  path: string;
  operationName?: string;
  status: number;
  body: string;
}

export interface Rig {
  client: Client;
  sandbox: Sandbox;
  context: ToolContext;
  halo: Halo;
  /** Response bodies captured while `recording` is true. */
  captured: Captured[];
  recording: boolean;
  call(name: string, args?: Record<string, unknown>): Promise<{ text: string; isError: boolean }>;
  close(): Promise<void>;
}

const SERVICE_BY_ORIGIN = new Map<string, Service>([
  [new URL(MSW_URLS.web).origin, "web"],
  [new URL(MSW_URLS.gateway).origin, "gateway"],
  [new URL(MSW_URLS.orchestration).origin, "orchestration"],
  [new URL(MSW_URLS.store).origin, "store"],
]);

async function operationOf(req: Request): Promise<string | undefined> {
  if (req.method !== "POST") return undefined;
  try {
    const body = (await req.clone().json()) as { operationName?: string };
    return body.operationName;
  } catch {
    return undefined;
  }
}

export async function startRig(opts: { readOnly?: boolean; latencyMs?: number } = {}): Promise<Rig> {
  const captured: Captured[] = [];
  const rig = { recording: false, captured } as Rig;
  // In front of the sandbox: pass every request through and, while recording, copy the response body.
  const tap = (inner: RequestHandler[]) => [
    http.all("*", async ({ request }) => {
      const service = SERVICE_BY_ORIGIN.get(new URL(request.url).origin);
      const operationName = rig.recording ? await operationOf(request) : undefined;
      const res = await getResponse(inner, request);
      if (!res) return new Response("not handled by the sandbox", { status: 599 });
      if (rig.recording && service) {
        captured.push({ service, path: new URL(request.url).pathname, operationName, status: res.status, body: await res.clone().text() });
      }
      return res;
    }),
  ];
  const h = await startHarness({ now: BENCH_NOW, latencyMs: opts.latencyMs ?? 0, readOnly: opts.readOnly, wrapHandlers: tap });
  return Object.assign(rig, { client: h.client, sandbox: h.sandbox, context: h.context, halo: h.halo, call: h.call, close: h.close });
}
