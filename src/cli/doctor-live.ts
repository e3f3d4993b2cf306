/**
 * `halo-lms-mcp doctor --live`: every read document once, with the smallest page, against the student's own
 * account, through the same loaders the tools use. The client records each document's outcome (ok, pruned,
 * partial, failed); the report carries only operation names, features, schema paths and Halo's sanitized
 * messages, never ids, names, tokens or content, so a student can paste it into a bug report.
 */
import { fetchDqForums, fetchPostAuthors } from "../assistant/dq-queries.js";
import type { Halo, OperationOutcome } from "../halo/index.js";
import { fetchAssessment, fetchGrade, fetchQuizResult, fetchSubmission, fetchUser } from "../queries/assessment.js";
import { fetchClassDetail } from "../queries/class-detail.js";
import { fetchAnnouncementsRoot, fetchDiscussionForums, fetchForumNotifications } from "../queries/forums.js";
import { fetchClassGrades } from "../queries/gradebook.js";
import { fetchAlertCounts, fetchInboxNotifications, fetchInboxPanel, fetchInboxPosts, fetchUserAlerts } from "../queries/inbox.js";
import { fetchForumPosts } from "../queries/posts.js";
import { fetchAllClasses } from "../queries/class-directory.js";
import { VERSION } from "../version.js";

export interface LiveReport {
  version: string;
  documents: OperationOutcome[];
  summary: Record<OperationOutcome["status"], number>;
}

const settle = (work: Array<Promise<unknown>>) => Promise.allSettled(work);

/** Runs every read loader once (failures are recorded by the client, not thrown here). */
async function exercise(halo: Halo): Promise<void> {
  const api = halo.api;
  const [classes, user] = await Promise.all([fetchAllClasses(api).catch(() => []), api.session().catch(() => undefined)]);
  const cls = classes.find((c) => c.stage === "CURRENT") ?? classes[0];
  const [grades, forums, dqs, panel] = await Promise.all([
    cls ? fetchClassGrades(api, cls).catch(() => undefined) : undefined,
    cls ? fetchDiscussionForums(api, cls, true).catch(() => []) : [],
    cls ? fetchDqForums(api, cls, true).catch(() => []) : [],
    fetchInboxPanel(api).catch(() => []),
    settle([
      cls ? fetchClassDetail(api, cls.slugId, cls.id) : Promise.resolve(),
      cls ? fetchAnnouncementsRoot(api, cls) : Promise.resolve(),
      cls ? fetchForumNotifications(api, cls) : Promise.resolve(),
      fetchInboxNotifications(api),
      fetchUserAlerts(api),
      fetchAlertCounts(api),
      user?.userId ? fetchUser(api, user.userId) : Promise.resolve(),
    ]),
  ]);
  const row = grades?.grades.find((g) => g.assessment?.id);
  const quiz = grades?.grades.find((g) => g.userQuizAssessment?.userQuizId)?.userQuizAssessment?.userQuizId;
  const inboxForum = panel.flatMap((p) => p.forums)[0]?.forumId;
  const assessmentId = row?.assessment?.id;
  await settle([
    cls && assessmentId ? fetchAssessment(api, assessmentId, cls) : Promise.resolve(),
    cls && assessmentId ? fetchSubmission(api, assessmentId, cls) : Promise.resolve(),
    cls && assessmentId && user?.userId ? fetchGrade(api, assessmentId, user.userId, cls) : Promise.resolve(),
    cls && quiz ? fetchQuizResult(api, quiz, cls) : Promise.resolve(),
    cls && forums[0] ? fetchForumPosts(api, forums[0].forumId, { depthEnd: 0, slugId: cls.slugId, courseClassId: cls.id }) : Promise.resolve(),
    cls && dqs[0] ? fetchPostAuthors(api, dqs[0].forumId, cls) : Promise.resolve(),
    inboxForum ? fetchInboxPosts(api, inboxForum, 1, 1) : Promise.resolve(),
  ]);
}

/** Halo's messages can quote an id ("Permission Evaluator exception on Class : 1234"): those are masked. */
function scrub(message: string | undefined): string | undefined {
  return message
    ?.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
    .replace(/\b[0-9a-f]{24,}\b/gi, "<id>")
    .replace(/\d{3,}/g, "<n>")
    .replace(/"[^"]*@[^"]*"/g, '"<email>"');
}

export async function liveReport(halo: Halo): Promise<LiveReport> {
  await exercise(halo);
  const documents = halo.outcomes().map((o) => ({ ...o, ...(o.message ? { message: scrub(o.message) } : {}) }));
  const summary = { ok: 0, pruned: 0, partial: 0, failed: 0 };
  for (const d of documents) summary[d.status]++;
  return { version: VERSION, documents, summary };
}

export function renderLiveReport(r: LiveReport): string {
  const label: Record<OperationOutcome["status"], string> = { ok: "ok     ", pruned: "pruned ", partial: "partial", failed: "FAILED " };
  const lines = [`Halo compatibility report (halo-lms-mcp ${r.version}): every read document, run once against your account.`];
  for (const d of r.documents) {
    const what = d.feature ? `${d.operation} (${d.feature})` : d.operation;
    const detail =
      d.status === "failed" ? `: ${d.message ?? "failed"}`
      : d.status === "pruned" ? `: Halo no longer offers ${d.removed?.join(", ")}`
      : d.status === "partial" ? `: Halo could not provide ${d.missing?.join(", ")}${d.removed?.length ? `; no longer offers ${d.removed.join(", ")}` : ""}`
      : "";
    lines.push(`[${label[d.status]}] ${what}${detail}`);
  }
  const s = r.summary;
  lines.push(`${r.documents.length} documents: ${s.ok} ok, ${s.pruned} pruned, ${s.partial} partial, ${s.failed} failed.`);
  lines.push("This report holds no ids, names, tokens or content: paste it into a bug report as it is.");
  return lines.join("\n");
}
