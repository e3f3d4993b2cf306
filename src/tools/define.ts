/**
 * The one tool shape. `kind` derives the MCP annotations and lets read-only mode drop every write, so no
 * tool decides its own annotations and no list of names has to be kept in sync.
 */
import type { z } from "zod";
import type { ToolContext } from "../queries/context.js";

export type ToolKind = "read" | "write" | "destructive";

export interface ToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** A handler returns text (the compact answer) or text flagged as an error the model can act on. */
export type ToolReply = string | { text: string; isError?: boolean };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyZodObject = z.ZodObject<any>;

export interface ToolSpec<S extends AnyZodObject> {
  name: string;
  title: string;
  description: string;
  input: S;
  kind: ToolKind;
  /** Defaults: reads are idempotent, writes are not. */
  idempotent?: boolean;
  /** False for tools that only touch local state (no Halo call). Default true. */
  openWorld?: boolean;
  handler: (args: z.infer<S>, ctx: ToolContext) => Promise<ToolReply>;
}

export interface ToolDef {
  name: string;
  description: string;
  kind: ToolKind;
  input: AnyZodObject;
  annotations: ToolAnnotations;
  handler: (args: Record<string, unknown>, ctx: ToolContext) => Promise<ToolReply>;
}

export function annotationsFor(kind: ToolKind, title: string, idempotent?: boolean, openWorld = true): ToolAnnotations {
  return {
    title,
    readOnlyHint: kind === "read",
    destructiveHint: kind === "destructive",
    idempotentHint: idempotent ?? kind === "read",
    openWorldHint: openWorld,
  };
}

export function defineTool<S extends AnyZodObject>(spec: ToolSpec<S>): ToolDef {
  return {
    name: spec.name,
    description: spec.description,
    kind: spec.kind,
    input: spec.input,
    annotations: annotationsFor(spec.kind, spec.title, spec.idempotent, spec.openWorld),
    handler: spec.handler as ToolDef["handler"],
  };
}

/** A fixed MCP resource (halo://...). `load` returns the text body. */
export interface ResourceDef {
  uri: string;
  name: string;
  description: string;
  mimeType: string;
  load: (ctx: ToolContext) => Promise<string>;
}

/** A resource template such as halo://class/{ref}/syllabus. */
export interface ResourceTemplateDef {
  uriTemplate: string;
  name: string;
  description: string;
  mimeType: string;
  arguments: Array<{ name: string; description: string; required: boolean }>;
  load: (args: Record<string, string>, ctx: ToolContext) => Promise<string>;
}

/** A prompt: a ready-made user message that steers the model through our tools. */
export interface PromptDef {
  name: string;
  description: string;
  arguments: Array<{ name: string; description: string; required: boolean }>;
  load: (args: Record<string, string | undefined>) => Promise<string> | string;
}
