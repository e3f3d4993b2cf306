/**
 * assignment_details with include_files: the text of each attached file, downloaded like download_resource
 * does (saved to the downloads folder, same size cap) and sharing one text budget between the files.
 */
import type { RawAssessment } from "../queries/assessment.js";
import { compact } from "../queries/common.js";
import { isHaloError } from "../halo/errors.js";
import { plainText } from "../format/entities.js";
import type { ToolContext } from "../queries/context.js";
import type { ClassSummary } from "../queries/class-directory.js";
import { errorText } from "./errors.js";
import { ToolError } from "../queries/tool-error.js";
import { fetchToDownloads, inlineText, savedLine } from "./files.js";

/** All attached files together get at most this much text (and never more than the inline limit). */
export const ATTACHED_TEXT_BUDGET = 60_000;

export async function attachedFilesText(ctx: ToolContext, a: RawAssessment, cls: ClassSummary): Promise<string> {
  const files = compact(a.attachments).filter((x) => x.resourceId);
  if (files.length === 0) return "## Attached files\nThis item has no attached files.";
  const each = Math.max(1000, Math.floor(Math.min(ATTACHED_TEXT_BUDGET, ctx.config.inlineTextMaxBytes) / files.length));
  const out = ["## Attached files (text written by the instructor; each file is also saved)"];
  for (const x of files) {
    const title = plainText(x.title) || "file";
    out.push("", `### ${title} · resource_id: ${x.resourceId}`);
    try {
      const saved = await fetchToDownloads(ctx, x.resourceId!, cls, title);
      out.push(savedLine(saved), await inlineText(saved, { maxChars: each, ...(ctx.signal ? { signal: ctx.signal } : {}) }, "attached file written by the instructor"));
    } catch (err) {
      // One unreadable file should not hide the others.
      if (err instanceof ToolError || isHaloError(err)) out.push(`Could not read it: ${errorText(err, "assignment_details")}`);
      else throw err;
    }
  }
  return out.join("\n");
}
