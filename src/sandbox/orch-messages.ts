import { randomUUID } from "node:crypto";
import { restError, type OrchCtx } from "./orchestration.js";
import { signedUrl } from "./store.js";
import { iso } from "./world/dates.js";
import { post } from "./world/seed-forums.js";

const DOWNLOAD_TTL_MS = 5 * 60_000;

/** forum/post/send: multipart; the message becomes a Post in the inbox thread (drafts stay private). */
export async function sendPost(c: OrchCtx, req: Request): Promise<Response> {
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return restError(415, "Content-Type must be multipart/form-data");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return restError(400, "Malformed multipart body");
  }
  const field = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : null;
  };
  const content = field("content");
  const forumId = field("forumId");
  const isDraft = field("isDraft");
  if (!forumId) return restError(400, "Required part 'forumId' is not present");
  if (content === null || !content.replace(/<[^>]*>/g, "").trim()) return restError(400, "Required part 'content' is not present or empty");
  if (isDraft !== null && isDraft !== "true" && isDraft !== "false") return restError(400, "isDraft must be true or false");
  const w = c.s.world;
  const forum = w.forums.find((f) => f.forumId === forumId);
  if (!forum) return restError(404, `Forum not found : ${forumId}`);
  if (forum.forumType !== "INBOX") return restError(400, `Forum ${forumId} is not an inbox forum`);
  const enrolled = w.enrollments.some((e) => e.courseClassId === forum.courseClassId && e.userId === c.userId);
  if (!enrolled || !forum.participantIds.includes(c.userId)) return restError(403, `Permission Evaluator exception on Forum : ${forumId}`);
  const at = new Date(c.now);
  const p = post({ id: randomUUID(), forumId, content, createdByUserId: c.userId, at, postStatus: isDraft === "true" ? "DRAFT" : "PUBLISHED", readBy: { [c.userId]: iso(at) } });
  w.posts.push(p);
  return Response.json({ id: p.id, forumId, postStatus: p.postStatus, publishDate: p.publishDate, content: p.content });
}

/** downloadUrl/{resourceId}: only resources the student may see; instructor-only ones are refused. */
export function download(c: OrchCtx, resourceId: string): Promise<Response> {
  const w = c.s.world;
  const r = w.resources[resourceId];
  const notFound = () => Promise.resolve(restError(404, `Resource not found : ${resourceId}`));
  if (!r?.file) return notFound();
  if (r.courseClassId === null ? r.createdBy !== c.userId : !w.enrollments.some((e) => e.courseClassId === r.courseClassId && e.userId === c.userId)) return notFound();
  if (r.instructorOnly) return Promise.resolve(restError(403, `Permission Evaluator exception on Resource : ${resourceId}`));
  const up = c.s.uploads.get(resourceId);
  if (up && !up.uploaded) return notFound();
  const origin = c.s.switches.downloadOrigin;
  const { url } = signedUrl(c.s, origin ? { ...c.urls, store: origin } : c.urls, "GET", `halo-resources/${resourceId}/${encodeURIComponent(r.name)}`, resourceId, c.now + DOWNLOAD_TTL_MS);
  return Promise.resolve(Response.json(c.s.switches.downloadUrlShape === "result" ? { result: { downloadUrl: url } } : { downloadUrl: url }));
}
