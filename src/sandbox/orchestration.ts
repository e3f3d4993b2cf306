import type { State } from "./state.js";
import type { SandboxUrls } from "./urls.js";
import { json } from "./util.js";

export async function orchestration(_s: State, _req: Request, _urls: SandboxUrls): Promise<Response> {
  return json({ message: "not yet" }, 404);
}
