/**
 * Tool input schemas. fastmcp validates arguments itself and answers a JSON-RPC error the model often never
 * sees; we want bad input to come back as an isError result naming the field, so fastmcp gets a
 * pass-through Standard Schema (carrying the zod-made JSON Schema for tools/list) and we validate with zod.
 *
 * The catalogue is read by the model before every conversation, so what goes on the wire is what helps it
 * call a tool: zod stays the full validator, the JSON Schema drops what only guards the server.
 */
import { z } from "zod";
import type { AnyZodObject, ToolAnnotations } from "../tools/define.js";

/**
 * String bounds below this guard memory, not meaning: no real id, class name, title or path comes near them,
 * so they would only cost tokens. Bounds a real value can reach (a message body) stay on the wire.
 */
const SANITY_MAX_LENGTH = 1000;

/** Drops guard-only keywords from one schema node and its children; returns the same object. */
function trimGuards(node: unknown): unknown {
  if (Array.isArray(node)) {
    node.forEach(trimGuards);
    return node;
  }
  if (!node || typeof node !== "object") return node;
  const o = node as Record<string, unknown>;
  if (o.type === "string") {
    // An empty string is refused with a clear error anyway; "non-empty" tells the model nothing.
    if (o.minLength === 1) delete o.minLength;
    if (typeof o.maxLength === "number" && o.maxLength < SANITY_MAX_LENGTH) delete o.maxLength;
    // Ids come from our own listings; the character pattern only keeps odd input away from Halo URLs.
    delete o.pattern;
  }
  for (const v of Object.values(o)) trimGuards(v);
  return o;
}

/** The JSON Schema sent in tools/list: draft-7, input side, guard-only keywords removed. */
export function wireSchema(input: AnyZodObject): Record<string, unknown> {
  const json = z.toJSONSchema(input, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  // Clients take inputSchema as a bare object schema; the dialect marker is noise to them.
  delete json.$schema;
  return trimGuards(json) as Record<string, unknown>;
}

export function passThroughSchema(input: AnyZodObject) {
  const json = wireSchema(input);
  return {
    "~standard": {
      version: 1 as const,
      vendor: "halo-lms-mcp",
      validate: (value: unknown) => ({ value }),
      jsonSchema: { input: () => json, output: () => json },
    },
  };
}

/**
 * Annotations as sent. For read-only tools the MCP spec says destructiveHint and idempotentHint mean
 * nothing, and openWorldHint defaults to true, so a read tool carries its title, readOnlyHint and (only when
 * false) openWorldHint. Writes keep every hint explicit: they are few, and they are what clients gate on.
 */
export function wireAnnotations(a: ToolAnnotations): Partial<ToolAnnotations> & { title: string } {
  if (!a.readOnlyHint) return a;
  return { title: a.title, readOnlyHint: true, ...(a.openWorldHint ? {} : { openWorldHint: false }) };
}

/** Zod issues as one line the model can act on: "page_size: Too big: expected number to be <=100". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join(".") : "input"}: ${i.message}`)
    .join("; ");
}
