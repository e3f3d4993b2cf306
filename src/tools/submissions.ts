/**
 * Attaching files to an assignment and turning it in. The sequences live in src/writes; these are the
 * tool faces: names, arguments, and descriptions that tell the model when (and when not) to use them.
 * writeTool adds the student's approval (and its confirm_token argument) to each.
 */
import { z } from "zod";
import { planUpload, UPLOAD_TOOL } from "../writes/attach-file.js";
import { writeTool } from "../writes/consent.js";
import { INLINE_MAX_BYTES, INLINE_MAX_CHARS } from "../writes/source.js";
import { planSubmit, SUBMIT_TOOL } from "../writes/submit.js";
import { classRef, idField } from "./fields.js";
import type { ToolDef } from "./define.js";

const assessmentId = idField("The assignment's id (from view_assignments, whats_due or assignment_details).");

const upload = writeTool({
  name: UPLOAD_TOOL,
  title: "Attach a file to an assignment",
  description:
    "Attach ONE file to the student's submission WITHOUT turning it in; call once per file, then submit_assignment. " +
    "Attach only files the student asked for: a wrong file can be removed only by the student in Halo's web page. " +
    "Give file_path, or file_name plus content_base64 when the client cannot share files with the server (HTTP/Docker). " +
    "The preview names the file, its size and hash, the assignment and what is already attached.",
  input: z.object({
    class_ref: classRef(),
    assessment_id: assessmentId,
    file_path: z.string().min(1).max(4096).optional().describe("A file inside an upload folder (absolute, or relative to the first one)."),
    file_name: z.string().min(1).max(200).optional().describe("Name with extension (essay.docx) for content_base64."),
    content_base64: z.string().max(INLINE_MAX_CHARS).optional().describe(`The file's bytes in base64 (at most ${INLINE_MAX_BYTES / 1048576} MB decoded), only when file_path cannot be used.`),
  }),
  kind: "write",
  idempotent: false,
  plan: planUpload,
});

const submit = writeTool({
  name: SUBMIT_TOOL,
  title: "Turn in an assignment (irreversible)",
  description:
    "Turn in everything attached to an assignment; irreversible. The preview lists the files, due date, late or on time, LopesWrite and group. " +
    "Refused when nothing is attached or it was already submitted.",
  input: z.object({
    class_ref: classRef(),
    assessment_id: assessmentId,
  }),
  kind: "destructive",
  plan: planSubmit,
});

export const tools: ToolDef[] = [upload, submit];
