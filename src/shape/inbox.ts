/**
 * inbox (threads, newest activity first) and inbox_posts (one thread's messages, paged).
 */
import type { RawInboxPanel, RawInboxForum } from "../queries/inbox.js";
import type { RawPost } from "../queries/posts.js";
import { personName } from "../queries/common.js";
import { parseHaloDate } from "../format/dates.js";
import { htmlToMarkdown } from "../format/html.js";
import { clip, fields, pageNote, plural, QUOTE_NOTE, quoteLines } from "../format/text.js";
import { toCount } from "./notifications.js";
import { authorOf, renderPost } from "./posts.js";
import { whenAt, type Clock } from "./common.js";

export interface InboxThread {
  forum: RawInboxForum;
  classCode?: string;
  last?: Date;
}

/** The other participant: the recipient of the last post, unless that is the student (then its author). */
export function otherParty(f: RawInboxForum, me: string): string {
  const lp = f.lastPost;
  if (!lp) return "unknown";
  if (lp.recipient && lp.recipient.id !== me) return personName(lp.recipient);
  const author = lp.post?.createdBy;
  if (author && author.userId !== me) return personName(author.user);
  return personName(lp.recipient);
}

export function inboxThreads(panels: readonly RawInboxPanel[], classCodes: ReadonlyMap<string, string>): InboxThread[] {
  return panels
    .flatMap((p) => p.forums.map((f) => {
      const cid = f.courseClassId ?? p.courseClassId ?? undefined;
      const code = cid ? classCodes.get(cid) : undefined;
      return { forum: f, ...(code ? { classCode: code } : {}), last: parseHaloDate(f.lastPost?.post?.publishDate ?? f.startDate) };
    }))
    .sort((a, b) => (b.last?.getTime() ?? 0) - (a.last?.getTime() ?? 0));
}

export function renderInbox(panels: readonly RawInboxPanel[], classCodes: ReadonlyMap<string, string>, me: string, c: Clock, page: number, pageSize: number): string {
  const threads = inboxThreads(panels, classCodes);
  const unanswered = panels.reduce((n, p) => n + toCount(p.unansweredCount), 0);
  const out = [`Inbox — ${plural(threads.length, "thread")}${unanswered ? `, ${unanswered} unanswered` : ""} (the id leading each is the forum_id for inbox_posts and message_teacher)`];
  if (threads.length === 0) out.push("Your Halo inbox is empty.");
  else out.push(QUOTE_NOTE);
  const slice = threads.slice((page - 1) * pageSize, page * pageSize);
  for (const t of slice) {
    const lp = t.forum.lastPost;
    const post = lp?.post;
    out.push("", `- ${t.forum.forumId} ${fields([
      ["with", otherParty(t.forum, me)],
      ["", t.classCode],
      ["last message", post ? `${authorOf(post, me)}, ${whenAt(t.last, c)}` : undefined],
      ["", post?.isRead === false ? "unread" : undefined],
      ["", lp?.isReplied === false && post?.createdBy?.userId !== me ? "not answered yet" : undefined],
    ])}`);
    const preview = htmlToMarkdown(post?.content);
    if (preview) out.push(quoteLines(clip(preview.replace(/\s*\n+\s*/g, " "), 200, "inbox_posts shows the whole thread.")));
  }
  if (threads.length) out.push("", pageNote(page, pageSize, threads.length, slice.length));
  return out.join("\n");
}

export function renderInboxPosts(posts: readonly RawPost[], me: string, c: Clock, page: number, pageSize: number, postId?: string): string {
  const sorted = [...posts].sort((a, b) => (parseHaloDate(a.publishDate)?.getTime() ?? 0) - (parseHaloDate(b.publishDate)?.getTime() ?? 0));
  const shown = postId ? sorted.filter((p) => p.id === postId) : sorted;
  if (postId && shown.length === 0) return `No message ${postId} on page ${page} of this thread. Call inbox_posts without post_id to list messages.`;
  const out = [`Messages on page ${page} of this thread (oldest first within the page):`];
  if (sorted.length === 0) out.push(page === 1 ? "This thread has no messages." : "No more messages.");
  else out.push(QUOTE_NOTE);
  for (const p of shown) {
    out.push("", renderPost({ post: p, depth: 0 }, {
      me,
      clock: c,
      maxBody: postId ? 1_000_000 : 4000,
      // Only a cut-off message needs its id, and the marker names it.
      showId: false,
      moreHint: (id) => `Call inbox_posts with page: ${page} and post_id: "${id}" for the full text.`,
    }));
  }
  if (!postId && sorted.length) out.push("", pageNote(page, pageSize, undefined, sorted.length));
  return out.join("\n");
}
