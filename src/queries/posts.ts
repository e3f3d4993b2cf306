/**
 * Posts as Halo returns them from `posts(...)`, `announcements` and the inbox. Whether `posts` answers with a
 * flat list or a tree through `replies` is not documented, so we select replies a few levels deep and
 * flatten + de-duplicate by id; shaping rebuilds the tree from parentPostId.
 */
import type { HaloApi } from "../halo/types.js";
import { compact, RESOURCE_FIELDS, type RawPersonName, type RawResource } from "./common.js";

export const POST_FIELDS = `id forumId forumTitle title content postStatus publishDate startDate modifiedDate parentPostId rootParentId
  hasChildren pinOrder wordCount isRead isAcknowledge
  postFlagAcknowledgements { userId acknowledge acknowledgedTimestamp }
  createdBy { userId baseRoleName user { id firstName lastName preferredFirstName } }
  resources { ${RESOURCE_FIELDS} }`;

/** `replies { … }` nested `levels` deep (0 = none). */
export function postSelection(levels: number): string {
  let sel = POST_FIELDS;
  for (let i = 0; i < levels; i++) sel = `${POST_FIELDS} replies { ${sel} }`;
  return sel;
}

export interface RawPost {
  id: string;
  forumId?: string | null;
  forumTitle?: string | null;
  title?: string | null;
  content?: string | null;
  postStatus?: string | null;
  publishDate?: string | null;
  startDate?: string | null;
  modifiedDate?: string | null;
  parentPostId?: string | null;
  rootParentId?: string | null;
  hasChildren?: boolean | null;
  pinOrder?: number | null;
  wordCount?: number | null;
  isRead?: boolean | null;
  isAcknowledge?: boolean | null;
  postFlagAcknowledgements?: Array<{ userId?: string | null; acknowledge?: boolean | null; acknowledgedTimestamp?: string | null } | null> | null;
  createdBy?: { userId?: string | null; baseRoleName?: string | null; user?: (RawPersonName & { id?: string | null }) | null } | null;
  resources?: Array<RawResource | null> | null;
  replies?: Array<RawPost | null> | null;
}

/** Flattens nested replies into one list (parents before children), first occurrence of an id wins. */
export function flattenPosts(list: ReadonlyArray<RawPost | null | undefined> | null | undefined): RawPost[] {
  const out: RawPost[] = [];
  const seen = new Set<string>();
  const walk = (posts: ReadonlyArray<RawPost | null | undefined> | null | undefined, parent?: string): void => {
    for (const p of compact(posts)) {
      if (!p.id || seen.has(p.id)) continue;
      seen.add(p.id);
      const { replies, ...rest } = p;
      out.push(parent && !rest.parentPostId ? { ...rest, parentPostId: parent } : rest);
      walk(replies, p.id);
    }
  };
  walk(list);
  return out;
}

export const REPLY_LEVELS = 4;

export function forumPostsQuery(levels: number): string {
  return `query Posts($forumId: String!, $depthStart: Int!, $depthEnd: Int!) {
  posts(forumId: $forumId, depthStart: $depthStart, depthEnd: $depthEnd) { ${postSelection(levels)} }
}`;
}

/** Every post of a forum down to `depthEnd` (0 = top-level posts only), flattened. */
export async function fetchForumPosts(
  halo: HaloApi,
  forumId: string,
  opts: { depthStart?: number; depthEnd?: number; slugId?: string; courseClassId?: string } = {},
): Promise<RawPost[]> {
  const depthStart = opts.depthStart ?? 0;
  const depthEnd = opts.depthEnd ?? 5;
  const data = await halo.query<{ posts: Array<RawPost | null> | null }>({
    operationName: "Posts",
    query: forumPostsQuery(Math.min(REPLY_LEVELS, Math.max(0, depthEnd - depthStart))),
    variables: { forumId, depthStart, depthEnd },
    context: { ...(opts.slugId ? { slugId: opts.slugId } : {}), ...(opts.courseClassId ? { courseClassId: opts.courseClassId } : {}) },
  });
  return flattenPosts(data.posts);
}
