/**
 * Forum posts, inbox messages and announcements as readable, paged text. Post bodies are other people's
 * words, so each one is quoted; long bodies are cut with a marker saying how to get the rest.
 */
import { plainText } from "../format/entities.js";
import type { RawPost } from "../queries/posts.js";
import { compact, personName } from "../queries/common.js";
import { parseHaloDate } from "../format/dates.js";
import { htmlToMarkdown } from "../format/html.js";
import { clip, fields, quoteLines } from "../format/text.js";
import { whenAt, type Clock } from "./common.js";

export interface PostNode {
  post: RawPost;
  depth: number;
  parentAuthor?: string;
}

const time = (p: RawPost): number => (parseHaloDate(p.publishDate ?? p.startDate)?.getTime() ?? 0);
const pinRank = (p: RawPost): number => (p.pinOrder === null || p.pinOrder === undefined ? Infinity : p.pinOrder);

/** Drafts and unpublished posts are hidden, except the student's own (marked as drafts). */
export function isVisible(p: RawPost, me: string): boolean {
  return !p.postStatus || p.postStatus === "PUBLISHED" || p.createdBy?.userId === me;
}

export function authorOf(p: RawPost, me: string): string {
  const name = personName(p.createdBy?.user);
  if (p.createdBy?.userId && p.createdBy.userId === me) return `${name} (you)`;
  return p.createdBy?.baseRoleName === "INSTRUCTOR" ? `${name} (instructor)` : name;
}

/** Rebuilds threads from parentPostId: pinned first, then oldest first; depth-first order for reading. */
export function threadOrder(posts: readonly RawPost[], me: string): PostNode[] {
  const visible = posts.filter((p) => isVisible(p, me));
  const ids = new Set(visible.map((p) => p.id));
  const children = new Map<string, RawPost[]>();
  const roots: RawPost[] = [];
  for (const p of visible) {
    const parent = p.parentPostId && ids.has(p.parentPostId) ? p.parentPostId : undefined;
    if (parent) children.set(parent, [...(children.get(parent) ?? []), p]);
    else roots.push(p);
  }
  const out: PostNode[] = [];
  const walk = (list: RawPost[], depth: number, parentAuthor?: string) => {
    const sorted = [...list].sort((a, b) => pinRank(a) - pinRank(b) || time(a) - time(b));
    for (const p of sorted) {
      out.push({ post: p, depth, ...(parentAuthor ? { parentAuthor } : {}) });
      walk(children.get(p.id) ?? [], depth + 1, authorOf(p, me));
    }
  };
  walk(roots, 0);
  return out;
}

/** Paging of a post list; with postId, that one post (and its replies) in full. */
export interface PostPageOptions {
  me: string;
  clock: Clock;
  page: number;
  pageSize: number;
  postId?: string;
  maxBody: number;
}

export interface PostRenderOptions {
  me: string;
  clock: Clock;
  /** Body limit per post; the marker names the tool call that shows it in full. */
  maxBody: number;
  moreHint: (postId: string) => string;
  /** Show the post id (another tool takes it). */
  showId?: boolean;
}

export function renderPost(n: PostNode, o: PostRenderOptions): string {
  const p = n.post;
  const indent = n.depth > 0 ? `${"  ".repeat(Math.min(n.depth, 4) - 1)}↳ ` : "";
  const head = fields([
    ["", plainText(p.title) ? `"${plainText(p.title)}"` : undefined],
    ["by", authorOf(p, o.me)],
    ["", n.parentAuthor ? `reply to ${n.parentAuthor}` : undefined],
    ["", whenAt(parseHaloDate(p.publishDate ?? p.startDate), o.clock)],
    ["", p.postStatus && p.postStatus !== "PUBLISHED" ? p.postStatus.toLowerCase() : undefined],
    ["", p.isRead === false ? "unread" : undefined],
    ["", p.pinOrder !== null && p.pinOrder !== undefined ? "pinned" : undefined],
    ["post_id", o.showId ? p.id : undefined],
  ]);
  const body = clip(htmlToMarkdown(p.content), o.maxBody, o.moreHint(p.id));
  const files = compact(p.resources).filter((r) => r.id);
  const fileLine = files.length ? `\nFiles (resource_id for download_resource): ${files.map((r) => `${plainText(r.name) || "file"} [${r.id}]`).join("; ")}` : "";
  return `${indent}${head}\n${quoteLines(body)}${fileLine}`;
}

/** Announcements that apply now: published, not scheduled for later; newest first. */
export function visibleAnnouncements(posts: readonly RawPost[], now: Date): RawPost[] {
  return posts
    .filter((p) => (!p.postStatus || p.postStatus === "PUBLISHED") && !p.parentPostId)
    .filter((p) => {
      const start = parseHaloDate(p.startDate ?? p.publishDate);
      return !start || start.getTime() <= now.getTime();
    })
    .sort((a, b) => pinRank(a) - pinRank(b) || time(b) - time(a));
}

/** Must be acknowledged and the student has no acknowledgement entry yet. */
export function needsAcknowledgement(p: RawPost, me: string): boolean {
  if (!p.isAcknowledge) return false;
  return !compact(p.postFlagAcknowledgements).some((a) => a.userId === me && a.acknowledge !== false);
}
