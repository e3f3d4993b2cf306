import { http, type RequestHandler } from "msw";
import { handle } from "./core.js";
import type { Service, State } from "./state.js";
import { origin, type SandboxUrls } from "./urls.js";

/** msw handlers, one catch-all per service origin. */
export function mswHandlers(s: State, urls: SandboxUrls): RequestHandler[] {
  const services: [Service, string][] = [["web", urls.web], ["gateway", urls.gateway], ["orchestration", urls.orchestration], ["store", urls.store], ["idp", urls.idp]];
  return services.map(([service, base]) => http.all(`${origin(base)}/*`, ({ request }) => handle(s, service, request, urls)));
}
