/**
 * Tool input schemas. fastmcp validates arguments itself and answers a JSON-RPC error the model often never
 * sees; we want bad input to come back as an isError result naming the field, so fastmcp gets a
 * pass-through Standard Schema (carrying the zod-made JSON Schema for tools/list) and we validate with zod.
 */
import { z } from "zod";
import type { AnyZodObject } from "../tools/define.js";

export function passThroughSchema(input: AnyZodObject) {
  const json = z.toJSONSchema(input, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  delete json.$schema;
  return {
    "~standard": {
      version: 1 as const,
      vendor: "halo-lms-mcp",
      validate: (value: unknown) => ({ value }),
      jsonSchema: { input: () => json, output: () => json },
    },
  };
}

/** Zod issues as one line the model can act on: "page_size: Too big: expected number to be <=100". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join(".") : "input"}: ${i.message}`)
    .join("; ");
}
