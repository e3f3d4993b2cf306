/**
 * The reference's upload sequence (§7 steps 1–4): presign → PUT the bytes → attach → mark COMPLETED.
 * Order is what keeps the student safe: nothing is attached unless its bytes arrived, and a failure says
 * exactly which step broke and what state that leaves. Nothing here is retried automatically.
 */
import type { Readable } from "node:stream";
import { isHaloError } from "../halo/errors.js";
import { fetchSubmission } from "../queries/assessment.js";
import { scope } from "../queries/common.js";
import type { ToolContext } from "../queries/context.js";
import type { AssignmentTarget } from "./assignment.js";
import { fileType } from "./paths.js";
import { attachResources, type AttachedSubmission } from "./queries.js";

export interface UploadSource {
  name: string;
  size: number;
  contentType: string;
  /** A fresh stream of the bytes (from disk or a small decoded buffer); never the whole file in memory. */
  open: () => Readable;
  /** Set when the bytes read during an attempt were not the ones approved (the file grew, shrank or changed). */
  changed?: () => "grew" | "shrank" | "changed" | undefined;
}

export type UploadStep = "presign" | "upload" | "attach" | "status";

export type UploadResult =
  | { ok: true; resourceId: string; submission: AttachedSubmission | null }
  | { ok: false; step: UploadStep; reason: string; resourceId?: string };

interface PresignReply {
  resourceId?: string;
  s3UploadUrl?: string;
}

/** Short reason for a failed step; HaloError messages are already free of secrets (runTool redacts again). */
export function failureReason(ctx: ToolContext, err: unknown): string {
  // Callers end the sentence themselves.
  if (isHaloError(err)) return err.kind === "access" ? "Halo refused access to this class" : err.message.trim().replace(/\.+$/, "");
  ctx.log.error("write step failed unexpectedly", err);
  return "an unexpected error (details are in the server log)";
}

function firstPresign(reply: unknown): PresignReply | undefined {
  const list = Array.isArray(reply) ? reply : (reply as { result?: unknown; data?: unknown } | null)?.result ?? (reply as { data?: unknown } | null)?.data;
  const first = Array.isArray(list) ? (list[0] as PresignReply | undefined) : undefined;
  return first && typeof first.resourceId === "string" && typeof first.s3UploadUrl === "string" ? first : undefined;
}

/**
 * Progress roughly every 5 %, so a large upload neither floods the client nor looks stuck. `finish` sends
 * the closing 100 % before the reply: the client drops progress that arrives after the result.
 */
function progressReporter(ctx: ToolContext, name: string, size: number) {
  let last = -1;
  const send = (sent: number, total: number) => ctx.progress(sent, total, `Uploading ${name}`).catch(() => undefined);
  return {
    report(sent: number, total: number): void {
      const step = Math.max(1, Math.floor(total / 20));
      if (sent >= total || (last >= 0 && sent - last < step)) return;
      last = sent;
      void send(sent, total);
    },
    finish: () => send(size, size),
  };
}

export async function uploadAndAttach(ctx: ToolContext, t: AssignmentTarget, src: UploadSource): Promise<UploadResult> {
  const headers = scope(t.cls);
  const assessmentId = t.assessment.id;

  let presign: PresignReply | undefined;
  try {
    const reply = await ctx.halo.restPost<unknown>(
      "generate-presigned-urls",
      {
        json: [
          {
            type: "assignment_submission",
            kind: "FILE",
            description: "",
            fileName: src.name,
            fileSize: src.size,
            fileType: fileType(src.name),
            storageProviderEnum: ["S3"],
            resourceSignature: { courseClassId: t.cls.id, courseClassAssessmentId: assessmentId, courseClassAssessmentGroupId: t.groupId },
          },
        ],
      },
      headers,
    );
    presign = firstPresign(reply);
    if (!presign) return { ok: false, step: "presign", reason: "Halo's reply held no upload URL" };
  } catch (e) {
    return { ok: false, step: "presign", reason: failureReason(ctx, e) };
  }
  const resourceId = presign.resourceId!;

  const progress = progressReporter(ctx, src.name, src.size);
  try {
    await ctx.halo.putPresigned(presign.s3UploadUrl!, { open: src.open, size: src.size, contentType: src.contentType }, (sent, total) => progress.report(sent, total));
    await progress.finish();
  } catch (e) {
    const changed = src.changed?.();
    // The store got a cut-off body at most, and nothing was attached: the approved file is not what was read.
    if (changed) return { ok: false, step: "upload", reason: `the file ${changed} while it was being uploaded, so the upload was stopped`, resourceId };
    return { ok: false, step: "upload", reason: failureReason(ctx, e), resourceId };
  }
  if (src.changed?.()) return { ok: false, step: "upload", reason: `the file ${src.changed()} while it was being uploaded`, resourceId };

  let submission: AttachedSubmission | null = null;
  try {
    submission = await attachResources(ctx.halo, assessmentId, [resourceId], t.cls);
  } catch (e) {
    // A lost reply is not proof of failure: look before telling the student it is not attached.
    const reason = failureReason(ctx, e);
    // Stryker disable next-line ArrowFunction: null and undefined read the same below (optional chaining)
    const now = await fetchSubmission(ctx.halo, assessmentId, t.cls, { extras: false }).catch(() => null);
    if (!now?.resources?.some((r) => r?.resource?.id === resourceId)) return { ok: false, step: "attach", reason, resourceId };
  }

  try {
    await ctx.halo.restPost("fileUploadStatus", { json: [{ resourceId, status: "COMPLETED", storageProviderEnum: ["S3"] }] }, headers);
  } catch (e) {
    return { ok: false, step: "status", reason: failureReason(ctx, e), resourceId };
  }
  return { ok: true, resourceId, submission };
}
