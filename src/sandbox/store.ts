import type { State } from "./state.js";
import { json } from "./util.js";

export async function store(_s: State, _req: Request): Promise<Response> {
  return json({ message: "not yet" }, 404);
}
