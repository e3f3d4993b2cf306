/**
 * Two error channels. Expected failures (bad input, Halo said no, session over) become ToolErrors whose
 * message the model can act on. Anything else is a bug: logged to stderr in full, reported generically.
 */
import { isHaloError, type HaloError } from "../halo/errors.js";
import { log } from "../log.js";
import { redact } from "../redact.js";
import { ToolError } from "../queries/tool-error.js";


function haloMessage(e: HaloError): string {
  switch (e.kind) {
    case "access":
      return "Halo says this class is not available to you (not enrolled, or access has ended). Nothing was changed.";
    case "session_expired":
    case "no_credentials":
      return e.message;
    case "auth":
      return "Halo rejected your session even after a token refresh. Run the `refresh` tool; if that fails, the student signs in again by running `halo-lms-mcp login` in a terminal (see `check_tokens`).";
    case "validation":
      // The client's own GraphQL messages already say what is lost and how to report it (src/halo/messages.ts).
      return e.operation && /doctor --live/.test(e.message)
        ? e.message
        : `Halo rejected the request as malformed (its API may have changed): ${e.message}. Please report this as a halo-lms-mcp bug.`;
    case "not_found":
      return e.message;
    case "http":
    case "circuit_open":
    case "network":
    case "timeout": {
      // A 4xx refusal is an answer, not an outage: retrying in a minute would not change it.
      const refused = e.kind === "http" && e.status !== undefined && e.status < 500 && e.status !== 408 && e.status !== 429;
      return refused ? `Halo refused the request: ${e.message}` : `Halo is not answering properly right now (${e.message}). Try again in a minute.`;
    }
    default:
      return `Halo returned an error: ${e.message}`;
  }
}

/** Maps anything a handler threw onto the text the model sees. */
export function errorText(err: unknown, tool: string): string {
  if (err instanceof ToolError) return redact(err.message);
  if (isHaloError(err)) return redact(haloMessage(err));
  log.error(`internal error in tool ${tool}`, err);
  return `Internal error in halo-lms-mcp while running ${tool}; details were written to the server log. Nothing else was changed by this call.`;
}
