/** One entry point for both adapters: (state, service, Request) → Response. */
import { gateway } from "./gateway.js";
import { idp } from "./idp.js";
import { orchestration } from "./orchestration.js";
import { nowMs, type CallRecord, type Service, type State } from "./state.js";
import { store } from "./store.js";
import type { SandboxUrls } from "./urls.js";
import { sleep } from "./util.js";
import { signin } from "./signin.js";
import { web } from "./web.js";

export async function handle(s: State, service: Service, req: Request, urls: SandboxUrls): Promise<Response> {
  const url = new URL(req.url);
  const header = (n: string) => req.headers.get(n) ?? undefined;
  const rec: CallRecord = {
    service, method: req.method, path: url.pathname, at: nowMs(s),
    headers: { transactionId: header("transaction-id"), classSlugId: header("current-class-slug-id"), courseClassId: header("current-course-class-id") },
  };
  s.stats.calls.push(rec);
  if (s.switches.latencyMs > 0) await sleep(s.switches.latencyMs);
  let res: Response;
  switch (service) {
    case "web":
      res = (await signin(s, req, urls)) ?? (await web(s, req, urls));
      break;
    case "gateway":
      res = await gateway(s, req, rec);
      break;
    case "orchestration":
      res = await orchestration(s, req, urls);
      break;
    case "store":
      res = await store(s, req);
      break;
    case "idp":
      res = await idp(s, req, urls);
      break;
  }
  rec.status = res.status;
  return res;
}
