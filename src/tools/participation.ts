/**
 * dq_participation: per discussion forum, whether the student's initial post exists, how many replies they
 * made and what the class participation policy still asks. Posts are read only for forums open now (and
 * the last two days); earlier and later forums are summarised from the gradebook, keeping calls per class
 * at one forum list plus a few post reads.
 */
import { z } from "zod";
import { parseHaloDate, when } from "../format/dates.js";
import { plural } from "../format/text.js";
import { plainText } from "../format/entities.js";
import { dqDeadlines, participation, policyText, type Policy } from "../assistant/dq.js";
import { classPolicy } from "../assistant/work.js";
import { fetchDqForums, fetchPostAuthors, type DqForum } from "../assistant/dq-queries.js";
import { workItems, type WorkItem } from "../assistant/items.js";
import { coverageNote, fanOut, GRADES_TTL, gradesKey, loadGrades, scopeClasses, type PlannerClass } from "../assistant/load.js";
import type { RawAssessmentGrade } from "../queries/gradebook.js";
import type { RawPost } from "../queries/posts.js";
import { localDateKey } from "../format/zoned.js";
import { classFilter } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import type { ToolContext } from "../queries/context.js";

const DAY = 86_400_000;
const MAX_OPEN_FORUMS = 4;

interface ForumView {
  forum: DqForum;
  item?: WorkItem;
  due?: Date;
  start?: Date;
  own?: RawPost[];
}

function joinForums(forums: DqForum[], items: WorkItem[]): ForumView[] {
  const dqs = items.filter((i) => i.kind === "discussion");
  return forums.map((forum) => {
    const item = dqs.find((i) => i.assessmentId === forum.contextId) ?? dqs.find((i) => i.title.toLowerCase() === (forum.title ?? "").trim().toLowerCase());
    const due = item?.due ?? parseHaloDate(forum.reassignedDueDate) ?? parseHaloDate(forum.dueDate);
    const start = parseHaloDate(forum.startDate);
    return { forum, ...(item ? { item } : {}), ...(due ? { due } : {}), ...(start ? { start } : {}) };
  });
}

function openLine(v: ForumView, policy: Policy | undefined, tz: string, now: Date): string {
  const title = v.item?.title ?? (plainText(v.forum.title) || "(untitled forum)");
  const p = participation((v.own ?? []).map((x) => ({ ...(parseHaloDate(x.publishDate) ? { publishDate: parseHaloDate(x.publishDate)! } : {}), isReply: !!x.parentPostId })), policy, tz);
  const bits = [`"${title}"`, v.due ? `due ${when(v.due, tz, now)}` : "no due date"];
  if (p.hasInitialPost) bits.push(`initial post: yes${p.initialPostAt ? ` (${when(p.initialPostAt, tz, now)})` : ""}`);
  else {
    const d = v.due ? dqDeadlines(v.due, policy, v.start, tz) : undefined;
    bits.push(`initial post: NOT YET${d?.initialPost ? ` (derived deadline ${when(d.initialPost, tz, now)})` : ""}`);
  }
  bits.push(`your replies: ${p.replies}`, `${plural(p.totalPosts, "post")} on ${plural(p.days, "day")}`);
  let need = "";
  if (policy) {
    const rest = [p.postsStillNeeded ? plural(p.postsStillNeeded, "more post") : "", p.daysStillNeeded ? `on ${plural(p.daysStillNeeded, "more day")}` : ""].filter(Boolean).join(" ");
    need = rest ? ` → policy still needs ${rest}` : " → policy met for this forum";
  }
  return `- ${bits.join(" · ")}${need}`;
}

function participationLine(it: WorkItem, g: RawAssessmentGrade | undefined, policy: Policy | undefined, tz: string, now: Date): string | undefined {
  const s = g?.participationSummary;
  if (!s) return undefined;
  const days = new Set((s.substantivePostsSummary ?? []).flatMap((d) => (d?.date && Number(d.substantivePostsCount ?? 0) > 0 ? [localDateKey(parseHaloDate(d.date) ?? new Date(0), tz)] : []))).size;
  const bits = [`Participation "${it.title}"${it.due ? ` (due ${when(it.due, tz, now)})` : ""}: ${plural(Number(s.allPostsCount ?? 0), "post")} counted so far, substantive on ${plural(days, "day")}`];
  if (policy?.numDays) bits.push(`policy asks ${policyText(policy)}`);
  return `  ${bits.join("; ")}`;
}

async function classBlock(ctx: ToolContext, cls: PlannerClass, me: string): Promise<string> {
  const tz = ctx.config.timezone;
  const now = ctx.now();
  // Participation progress is the groups companion's; the policy (class detail) loads beside, not after, them.
  const [gb, forums, policy] = await Promise.all([loadGrades(ctx, cls, GRADES_TTL, ["groups"]), ctx.cache.get(`dqforums:${cls.id}`, 60_000, () => fetchDqForums(ctx.halo, cls)), classPolicy(ctx, cls)]);
  const items = workItems(cls, gb.grades, ctx.config.halo.baseUrl, now);
  const views = joinForums(forums, items).sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity));
  const isOpen = (v: ForumView) => (!v.start || v.start.getTime() <= now.getTime()) && (!v.due || v.due.getTime() >= now.getTime() - 2 * DAY);
  const open = views.filter(isOpen).slice(0, MAX_OPEN_FORUMS);
  await Promise.all(open.map(async (v) => {
    v.own = (await fetchPostAuthors(ctx.halo, v.forum.forumId, cls)).filter((p) => p.createdBy?.userId === me && (p.postStatus ?? "PUBLISHED") === "PUBLISHED");
  }));
  const lines = [`${cls.courseCode} ${cls.name} — ${policy ? `class participation policy: ${policyText(policy)} (per forum below)` : "no participation policy in Halo"}`];
  lines.push(...(open.length ? open.map((v) => openLine(v, policy, tz, now)) : ["- no discussion forum open right now"]));
  const past = views.filter((v) => !open.includes(v) && v.due && v.due.getTime() < now.getTime());
  if (past.length) {
    const without = past.filter((v) => v.item && !["graded", "submitted", "late"].includes(v.item.state));
    lines.push(`  earlier: ${plural(past.length, "forum")}, ${past.length - without.length} with your post${without.length ? `; NO post in ${without.map((v) => `"${v.item?.title ?? v.forum.title}"`).join(", ")}` : ""} (from the gradebook)`);
  }
  const upcoming = views.filter((v) => !open.includes(v) && v.start && v.start.getTime() > now.getTime());
  if (upcoming[0]) lines.push(`  next: "${upcoming[0].item?.title ?? upcoming[0].forum.title}" opens ${when(upcoming[0].start, tz, now, true)}${upcoming.length > 1 ? ` (+${upcoming.length - 1} later)` : ""}`);
  const grades = new Map(gb.grades.map((g) => [g.id, g]));
  for (const it of items.filter((i) => i.kind === "participation" && i.state === "open" && i.due && i.due.getTime() >= now.getTime())) {
    const l = participationLine(it, grades.get(it.gradeId), policy, tz, now);
    if (l) lines.push(l);
  }
  return lines.join("\n");
}

const dqParticipation = defineTool({
  name: "dq_participation",
  title: "Discussion participation",
  description:
    "Per open discussion forum across current classes (or one): whether your initial post exists (with its Day-3 deadline), your reply count and what the participation policy still requires; earlier forums from the gradebook.",
  input: z.object({
    class_ref: classFilter(),
  }),
  kind: "read",
  handler: async (args, ctx) => {
    const [classes, session] = await Promise.all([scopeClasses(ctx, args.class_ref), ctx.halo.session()]);
    const fan = await fanOut(ctx, classes, (cls) => classBlock(ctx, cls, session.userId), (cls) => gradesKey(cls.slugId));
    const head = `Discussion participation (${classes.map((c) => c.courseCode).join(", ") || "no current classes"}). Initial-post deadlines are derived from GCU's Day-3 convention, not a Halo field; counts are your own published posts.`;
    return [head, ...fan.loaded.map((l) => l.value), coverageNote({ ...fan, loaded: [] }, "discussions")].filter(Boolean).join("\n");
  },
});

export const tools: ToolDef[] = [dqParticipation];
