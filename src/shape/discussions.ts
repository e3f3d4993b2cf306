/**
 * discussions (a class's discussion questions with your participation) and forum_posts (a forum's threads,
 * paged, bodies clipped with a way to read them whole).
 */
import { plainText } from "../format/entities.js";
import type { RawForum } from "../queries/forums.js";
import type { RawAssessmentGrade } from "../queries/gradebook.js";
import type { RawPost } from "../queries/posts.js";
import { parseHaloDate } from "../format/dates.js";
import { htmlToMarkdown } from "../format/html.js";
import { clip, fields, pageNote, plural, quoteLines } from "../format/text.js";
import { deadlineMet, dueOf, whenAt, type Clock } from "./common.js";
import { renderPost, threadOrder, type PostNode, type PostPageOptions } from "./posts.js";

const normTitle = (s: string | null | undefined) => plainText(s).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** The DQ grade row for a forum: by contextId (the assessment id), else by identical title. */
export function gradeForForum(f: RawForum, grades: readonly RawAssessmentGrade[]): RawAssessmentGrade | undefined {
  const dq = grades.filter((g) => g.assessment.type === "DISCUSSION_QUESTION" || g.assessment.type === "PARTICIPATION");
  return (f.contextId ? grades.find((g) => g.assessment.id === f.contextId) : undefined) ?? dq.find((g) => normTitle(g.assessment.title) === normTitle(f.title));
}

/**
 * Lines every question shares (course boilerplate such as "Use at least two scholarly sources."), said once
 * above the list instead of under each forum; none unless at least three questions all carry them.
 */
export function sharedLines(questions: readonly string[]): Set<string> {
  if (questions.length < 3 || questions.some((q) => !q)) return new Set();
  const sets = questions.map((q) => new Set(q.split("\n").map((l) => l.trim()).filter(Boolean)));
  const shared = new Set([...sets[0]!].filter((l) => sets.every((set) => set.has(l))));
  // A question made only of shared lines would be left empty: keep it whole then (nothing is shared).
  return questions.every((q) => q.split("\n").some((l) => l.trim() && !shared.has(l.trim()))) ? shared : new Set();
}

/**
 * The question as quoted in the list: no shared lines, no blank lines (a list reads fine without them), and
 * not opening with the forum's title again ("Topic 1 DQ 1: …"), which the line above already shows.
 */
export function listQuestion(q: string, shared: ReadonlySet<string>, title: string): string {
  const lines = q.split("\n").filter((l) => l.trim() && !shared.has(l.trim()));
  const t = title.trim();
  const first = lines[0]?.trim() ?? "";
  if (t && first.toLowerCase().startsWith(t.toLowerCase())) {
    const rest = first.slice(t.length).replace(/^\s*[:.\-–—]\s*/, "");
    // Only a whole-word echo ("Topic 1 DQ 1: …" or the title alone), never "Topic 1 DQ 10 …".
    if (rest !== first.slice(t.length) || first.length === t.length) lines.splice(0, 1, ...(rest ? [rest] : []));
  }
  return lines.join("\n");
}

export function renderForums(header: string, forums: readonly RawForum[], grades: readonly RawAssessmentGrade[], c: Clock, full: boolean): string {
  const sorted = [...forums].sort((a, b) => (parseHaloDate(a.startDate)?.getTime() ?? 0) - (parseHaloDate(b.startDate)?.getTime() ?? 0));
  const out = [`${header} — ${plural(sorted.length, "discussion forum")} (ids: forum_id for forum_posts)`];
  if (sorted.length === 0) out.push("Halo lists no discussion forums for this class.");
  const questions = sorted.map((f) => htmlToMarkdown(f.description));
  const shared = sharedLines(questions);
  if (shared.size) out.push("All questions also say:", quoteLines([...shared].join("\n")));
  sorted.forEach((f, i) => {
    const g = gradeForForum(f, grades);
    const due = g ? dueOf(g, g.assessment) : parseHaloDate(f.reassignedDueDate ?? f.dueDate);
    const start = parseHaloDate(f.startDate);
    const notYet = !!start && start > c.now;
    // Nobody posts before a forum opens: "you have not posted" is said only for open or past forums.
    const posted = g?.post?.publishDate ? `you posted ${whenAt(g.post.publishDate, c)}` : g?.post?.id ? "you posted" : g && !notYet ? "you have not posted" : undefined;
    const met = deadlineMet(g?.status);
    out.push(`- ${f.forumId} ${fields([
      ["", plainText(f.title) || "Discussion"],
      ["", notYet ? `opens ${whenAt(start, c, true)}` : undefined], // not a deadline: no "(in 3 days)"
      ["", due ? `due ${whenAt(due, c, met)}` : undefined],
      ["", f.totalPosts !== null && f.totalPosts !== undefined ? plural(f.totalPosts, "post") : undefined],
      ["", posted],
      // Halo marks a forum inactive before it opens as well as after it closes; "opens …" already says the former.
      ["", f.active === false && !notYet ? "closed" : undefined],
    ])}`);
    const q = listQuestion(questions[i]!, shared, plainText(f.title));
    if (q) out.push(quoteLines(full ? q : clip(q, 240, "Pass full: true to see each question in full.")));
  });
  return out.join("\n");
}

export type ForumPageOptions = PostPageOptions;

/** Pages over threads read depth-first; with postId, that post in full followed by its replies. */
export function renderForumPosts(posts: readonly RawPost[], o: ForumPageOptions): string {
  let nodes: PostNode[] = threadOrder(posts, o.me);
  const forumTitle = plainText(posts.find((p) => p.forumTitle)?.forumTitle);
  const head: string[] = [];
  let maxBody = o.maxBody;
  if (o.postId) {
    const at = nodes.findIndex((n) => n.post.id === o.postId);
    if (at < 0) return `No post ${o.postId} in this forum (drafts by others are hidden). Call forum_posts without post_id to list posts.`;
    const depth = nodes[at]!.depth;
    let end = at + 1;
    while (end < nodes.length && nodes[end]!.depth > depth) end++;
    nodes = nodes.slice(at, end).map((n) => ({ ...n, depth: n.depth - depth }));
    head.push(`Post ${o.postId} in full, with ${plural(nodes.length - 1, "reply", "replies")}.`);
    maxBody = 100_000;
  } else {
    const threads = nodes.filter((n) => n.depth === 0).length;
    const unread = nodes.filter((n) => n.post.isRead === false).length;
    head.push(`${forumTitle ? `"${forumTitle}": ` : ""}${plural(nodes.length, "post")} in ${plural(threads, "thread")}${unread ? `, ${unread} unread` : ""}.`);
  }
  const slice = nodes.slice((o.page - 1) * o.pageSize, o.page * o.pageSize);
  const body = slice.map((n, i) => renderPost(n, {
    me: o.me,
    clock: o.clock,
    // The post asked for is shown whole; its replies keep the normal cap.
    maxBody: o.postId && i === 0 && o.page === 1 ? maxBody : o.maxBody,
    // Thread starters carry the id forum_posts takes to open a thread; a cut-off reply names its own in the marker.
    showId: n.depth === 0,
    moreHint: (id) => `Call forum_posts with post_id: "${id}" for the full text.`,
  }));
  return [...head, "", body.join("\n\n"), "", pageNote(o.page, o.pageSize, nodes.length, slice.length)].join("\n").replace(/\n{3,}/g, "\n\n");
}
