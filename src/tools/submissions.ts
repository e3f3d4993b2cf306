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
import type { ToolDef } from "./define.js";

const classRef = z.string().trim().min(1).max(200).describe('The class: course code ("CST-323"), class code, slug or part of the name.');
const assessmentId = z.string().trim().min(1).max(100).describe("The assignment's id (from `view_assignments`, `whats_due` or `assignment_details`).");

const upload = writeTool({
  name: UPLOAD_TOOL,
  title: "Attach a file to an assignment",
  description:
    "Attaches ONE file to the student's submission for an assignment WITHOUT turning it in; call again for more files, then submit_assignment. " +
    "Give file_path (a file inside the server's upload folders; relative paths start in the first one; hidden files, folders and links leading outside are refused), " +
    "or, when the client cannot share files with the server (HTTP/Docker), file_name plus content_base64 (small files only). " +
    "Halo's API offers no way to remove an attached file from here: a wrong file must be removed by the student in Halo's web page before submitting. " +
    "So attach only files the student asked for. The preview names the file, its size and hash, the assignment and what is already attached.",
  input: z.object({
    class_ref: classRef,
    assessment_id: assessmentId,
    file_path: z.string().min(1).max(4096).optional().describe("Path of the file to attach, inside an upload folder (absolute, or relative to the first upload folder)."),
    file_name: z.string().min(1).max(200).optional().describe("Name for an inline file (with extension, e.g. essay.docx); use only together with content_base64."),
    content_base64: z.string().max(INLINE_MAX_CHARS).optional().describe(`The file's bytes, base64-encoded (at most ${INLINE_MAX_BYTES / 1048576} MB decoded); only when file_path cannot be used.`),
  }),
  kind: "write",
  idempotent: false,
  plan: planUpload,
});

const submit = writeTool({
  name: SUBMIT_TOOL,
  title: "Turn in an assignment (irreversible)",
  description:
    "Turns in everything attached to an assignment; the preview lists the files, due date, late or on time, LopesWrite and group. " +
    "Irreversible. Refused when nothing is attached or it was already submitted.",
  input: z.object({
    class_ref: classRef,
    assessment_id: assessmentId,
  }),
  kind: "destructive",
  plan: planSubmit,
});

export const tools: ToolDef[] = [upload, submit];
