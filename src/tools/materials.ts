/**
 * course_materials (what a class offers to read) and download_resource (save a file locally, optionally
 * returning text files inline).
 */
import { z } from "zod";
import type mimeTypes from "mime-types";
import { lazyRequire } from "../lazy.js";

const mime = lazyRequire<typeof mimeTypes>("mime-types");
import { defineTool, type ToolDef } from "./define.js";
import type { ToolContext } from "./context.js";
import type { ClassSummary } from "./class-directory.js";
import { classDetail, classLabel, inClass } from "../queries/cached.js";
import { scope } from "../queries/common.js";
import { readHead, saveStream, signedUrlFor } from "../queries/download.js";
import { materialsOf, nameFromUrl, renderMaterials, safeFileName, textKind } from "../shape/materials.js";
import { htmlToMarkdown, stripInvisible } from "../format/html.js";
import { clip, quoted } from "../format/text.js";
import { ToolError } from "./errors.js";

/** Downloads beyond this are refused: a student's course file is rarely near it, and the disk is theirs. */
export const DOWNLOAD_MAX_BYTES = 100 * 1024 * 1024;

const classRef = z.string().trim().min(1).max(200);

/** The human file name from the class's materials, if the resource is listed there. */
async function materialName(ctx: ToolContext, id: string, cls: ClassSummary | undefined): Promise<string | undefined> {
  const classes = cls ? [cls] : await ctx.classes.current();
  for (const c of classes) {
    const d = await classDetail(ctx, c).catch(() => undefined);
    const hit = d && materialsOf(d).find((m) => m.id === id);
    if (hit) return hit.name;
  }
  return undefined;
}

function size(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

export const tools: ToolDef[] = [
  defineTool({
    name: "course_materials",
    title: "List a class's materials",
    description: "List a class's course and unit materials (syllabus, readings, templates) with the resource_id download_resource takes. Instructor-only items are hidden.",
    input: z.object({ class_ref: classRef.describe('Class: course code ("CST-323"), class code, slug, UUID or part of the name.') }),
    kind: "read",
    handler: async (args, ctx) => {
      const cls = await ctx.classes.resolve(args.class_ref);
      return renderMaterials(classLabel(cls), await classDetail(ctx, cls));
    },
  }),
  defineTool({
    name: "download_resource",
    title: "Download a Halo file",
    description: "Download a Halo file (course material, assignment attachment, feedback file, post attachment) into the local downloads folder without overwriting anything. With inline: true, text files (txt, md, csv, json, html) are also returned as text, capped.",
    input: z.object({
      resource_id: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, "a Halo resource id (letters, digits, - _ . :)").describe("Resource id from course_materials, assignment_details, feedback or a post."),
      class_ref: classRef.optional().describe("The class the file belongs to, if known (helps Halo authorise and names the file)."),
      inline: z.boolean().optional().describe("Also return the content of a text file (txt, md, csv, json, html→Markdown) in the reply (default false)."),
      max_chars: z.number().int().min(200).max(1_000_000).optional().describe("Cap on inline text characters; never more than the configured inline limit."),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const id = args.resource_id;
      const cls = args.class_ref ? await ctx.classes.resolve(args.class_ref) : undefined;
      const url = cls ? await inClass(cls, () => signedUrlFor(ctx.halo, id, scope(cls))) : await signedUrlFor(ctx.halo, id);
      const file = await ctx.halo.getSigned(url);
      if (file.size !== undefined && file.size > DOWNLOAD_MAX_BYTES) {
        file.stream.destroy();
        throw new ToolError(`The file is ${size(file.size)}, over the ${size(DOWNLOAD_MAX_BYTES)} download limit; nothing was saved. Download it from Halo in the browser.`);
      }
      const ct = file.contentType?.split(";")[0]?.trim();
      let name = (await materialName(ctx, id, cls)) ?? nameFromUrl(url) ?? `resource-${id}`;
      const ext = ct ? mime().extension(ct) : false;
      if (!/\.[a-z0-9]{1,8}$/i.test(name) && ext && ext !== "bin") name = `${name}.${ext}`;
      const saved = await saveStream(file.stream, ctx.config.downloadsDir, safeFileName(name, `resource-${id}`), DOWNLOAD_MAX_BYTES);
      const out = [`Saved ${size(saved.bytes)}${ct ? ` (${ct})` : ""} to ${saved.path}`];
      if (args.inline) {
        const kind = textKind(saved.path, ct);
        if (!kind) {
          out.push(`Inline text is only available for text files (txt, md, csv, json, html); this one is ${ct ?? "binary"}. Open it from the path above.`);
        } else {
          const limit = Math.min(args.max_chars ?? ctx.config.inlineTextMaxBytes, ctx.config.inlineTextMaxBytes);
          // Read a little more than the cap so html→markdown and the truncation marker see real text.
          const head = await readHead(saved.path, limit * 4 + 16);
          let text = stripInvisible(head.text);
          if (kind === "html") text = htmlToMarkdown(text);
          const shown = clip(text, limit, `The whole file is at ${saved.path}.`);
          const partial = !head.complete && shown.length >= text.length ? `\n[… truncated: only the first ${size(limit * 4 + 16)} of the file were read. The whole file is at ${saved.path}.]` : "";
          out.push("", quoted("file content", shown + partial));
        }
      }
      return out.join("\n");
    },
  }),
];
