/**
 * course_materials (what a class offers to read) and download_resource (save a file locally, optionally
 * returning text files inline).
 */
import { z } from "zod";
import { classRef } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import { classDetail, classLabel } from "../queries/cached.js";
import { renderMaterials } from "../shape/materials.js";
import { fetchToDownloads, inlineText, savedLine } from "./files.js";


/** About 10k tokens: a long reader arrives in model-sized windows unless more is asked for. */
export const INLINE_DEFAULT_CHARS = 40_000;

export const tools: ToolDef[] = [
  defineTool({
    name: "course_materials",
    title: "List a class's materials",
    description: "A class's course and unit materials (syllabus, readings, templates) with the resource_id download_resource takes; instructor-only items are hidden.",
    input: z.object({ class_ref: classRef() }),
    kind: "read",
    handler: async (args, ctx) => {
      const cls = await ctx.classes.resolve(args.class_ref);
      return renderMaterials(classLabel(cls), await classDetail(ctx, cls));
    },
  }),
  defineTool({
    name: "download_resource",
    title: "Download a Halo file",
    description: "Save a Halo file (course material, assignment, feedback or post attachment) in the local downloads folder, never overwriting; inline also returns its text, capped (PDF, Word, PowerPoint with notes, Excel, txt, md, csv, json, html).",
    input: z.object({
      resource_id: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, "a Halo resource id (letters, digits, - _ . :)").describe("Id from course_materials, assignment_details, feedback or a post."),
      class_ref: z.string().trim().min(1).max(200).optional().describe("The file's class, if known (helps Halo authorise and names the file)."),
      inline: z.boolean().optional().describe("Also return the file's text."),
      max_chars: z.number().int().min(200).max(1_000_000).optional().describe(`Cap on inline characters (default ${INLINE_DEFAULT_CHARS}, at most the configured limit).`),
      offset: z.number().int().min(0).max(100_000_000).optional().describe("Start inline text at this character (a cut answer names the next offset)."),
      pages: z.string().trim().max(20).optional().describe("PDF pages or slides: 3, 3-5 or 12- (default all)."),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const cls = args.class_ref ? await ctx.classes.resolve(args.class_ref) : undefined;
      const saved = await fetchToDownloads(ctx, args.resource_id, cls);
      const out = [savedLine(saved)];
      if (args.inline) {
        const maxChars = Math.min(args.max_chars ?? INLINE_DEFAULT_CHARS, ctx.config.inlineTextMaxBytes);
        out.push("", await inlineText(saved, { maxChars, ...(ctx.signal ? { signal: ctx.signal } : {}), ...(args.offset !== undefined ? { offset: args.offset } : {}), ...(args.pages ? { pages: args.pages } : {}) }));
      }
      return out.join("\n");
    },
  }),
];
