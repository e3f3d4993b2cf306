/** Request headers for gateway and orchestration calls (reference §2). */
import { randomUUID } from "node:crypto";
import type { ClassContext, SessionInfo } from "./types.js";

export interface Tokens {
  authToken: string;
  contextToken: string;
}

const trailingUuid = /-?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Fresh per request: `<tenantId>-<userId>-<uuid>` when the session told us both, else
 * `<configured transactionId>-<uuid>` (a configured value that already ends in a UUID, as the seed's did,
 * has that UUID replaced), else a bare UUID. Never one static value: Halo uses it to trace single calls.
 */
export function transactionId(info: Pick<SessionInfo, "tenantId" | "userId"> | undefined, configured?: string): string {
  const uuid = randomUUID();
  if (info?.tenantId && info.userId) return `${info.tenantId}-${info.userId}-${uuid}`;
  const prefix = configured?.trim().replace(trailingUuid, "");
  return prefix ? `${prefix}-${uuid}` : uuid;
}

export function haloHeaders(opts: {
  tokens: Tokens;
  baseUrl: string;
  info?: SessionInfo;
  configuredTransactionId?: string;
  context?: ClassContext;
  operationName?: string;
  json: boolean;
}): Record<string, string> {
  const origin = new URL(opts.baseUrl).origin;
  const h: Record<string, string> = {
    authorization: `Bearer ${opts.tokens.authToken}`,
    contexttoken: `Bearer ${opts.tokens.contextToken}`,
    "apollo-require-preflight": "true",
    "transaction-id": transactionId(opts.info, opts.configuredTransactionId),
    "current-class-slug-id": opts.context?.slugId ?? "",
    "current-course-class-id": opts.context?.courseClassId ?? "",
    origin,
    referer: `${origin}/`,
    accept: "application/json",
  };
  if (opts.json) h["content-type"] = "application/json";
  if (opts.operationName) h["gql-operation-name"] = opts.operationName;
  return h;
}
