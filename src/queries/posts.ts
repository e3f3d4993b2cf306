/**
 * Posts as Halo returns them from `posts(...)`, `announcements` and the inbox. Whether `posts` answers with a
 * flat list or a tree through `replies` is not documented, so we select replies a few levels deep and
 * flatten + de-duplicate by id; shaping rebuilds the tree from parentPostId.
 */
import type { HaloApi } from "../halo/types.js";
import { compact, RESOURCE_FIELDS, type RawPersonName, type RawResource } from "./common.js";
import { withCompanions, type Companion } from "./companion.js";

const AUTHOR = "createdBy { userId baseRoleName user { id firstName lastName preferredFirstName } }";

/** Core fields of a top-level post on the `posts` root (S1/S2). */
const POST_CORE = `id forumId content postStatus publishDate modifiedDate parentPostId pinOrder isAcknowledge ${AUTHOR} resources { ${RESOURCE_FIELDS} }`;
/** S1 selects only this on `replies` (one level; deeper levels rest on the one-Post-type assumption). */
const REPLY_CORE = "id forumId content postStatus publishDate modifiedDate parentPostId createdBy { userId baseRoleName user { id firstName lastName } }";
/** Post fields seen only via other roots: fetched by a companion and merged by id. */
export const POST_EXTRA_FIELDS = `id forumTitle title startDate wordCount isRead isAcknowledge pinOrder
  postFlagAcknowledgements { userId acknowledge acknowledgedTimestamp } resources { ${RESOURCE_FIELDS} }`;

/** `replies { … }` nested `levels` deep (0 = none), `top` at the top and `reply` below. */
export function nestReplies(top: string, reply: string, levels: number): string {
  let sel = reply;
  for (let i = 1; i < levels; i++) sel = `${reply} replies { ${sel} }`;
  return levels > 0 ? `${top} replies { ${sel} }` : top;
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
  posts(forumId: $forumId, depthStart: $depthStart, depthEnd: $depthEnd) { ${nestReplies(POST_CORE, REPLY_CORE, levels)} }
}`;
}

export function forumPostExtrasQuery(levels: number): string {
  return `query PostExtras($forumId: String!, $depthStart: Int!, $depthEnd: Int!) {
  posts(forumId: $forumId, depthStart: $depthStart, depthEnd: $depthEnd) { ${nestReplies(POST_EXTRA_FIELDS, POST_EXTRA_FIELDS, levels)} }
}`;
}

/**
 * Folds companion fields into posts by id: the core's values win, nested objects (createdBy) merge one level
 * down, and a companion null never hides a core value.
 */
export function mergePosts(core: readonly RawPost[], extras: readonly RawPost[]): RawPost[] {
  const byId = new Map(extras.map((e) => [e.id, e] as const));
  return core.map((p) => {
    const e = byId.get(p.id);
    if (!e) return p;
    const out: Record<string, unknown> = { ...p };
    for (const [k, v] of Object.entries(e)) {
      const mine = out[k];
      if (v === null || v === undefined) continue;
      if (mine === null || mine === undefined) out[k] = v;
      else if (typeof mine === "object" && !Array.isArray(mine) && typeof v === "object" && !Array.isArray(v)) out[k] = { ...v, ...mine };
    }
    return out as unknown as RawPost;
  });
}

/** A companion for any post list: fetch the extras, flatten, merge by id. */
export function postExtras(feature: string, run: (feature: string) => Promise<ReadonlyArray<RawPost | null> | null | undefined>): Companion<RawPost[]> {
  return { feature, run: async () => { const extra = flattenPosts(await run(feature)); return (core) => mergePosts(core, extra); } };
}

/** Every post of a forum down to `depthEnd` (0 = top-level posts only), flattened. */
export async function fetchForumPosts(
  halo: HaloApi,
  forumId: string,
  opts: { depthStart?: number; depthEnd?: number; slugId?: string; courseClassId?: string } = {},
): Promise<RawPost[]> {
  const depthStart = opts.depthStart ?? 0;
  const depthEnd = opts.depthEnd ?? 5;
  const levels = Math.min(REPLY_LEVELS, Math.max(0, depthEnd - depthStart));
  const read = (operationName: string, query: string, feature: string) =>
    halo
      .query<{ posts: Array<RawPost | null> | null }>({
        operationName,
        query,
        feature,
        required: ["posts.id"],
        variables: { forumId, depthStart, depthEnd },
        context: { ...(opts.slugId ? { slugId: opts.slugId } : {}), ...(opts.courseClassId ? { courseClassId: opts.courseClassId } : {}) },
      })
      .then((d) => d.posts);
  return withCompanions(read("Posts", forumPostsQuery(levels), "forum posts").then(flattenPosts), [
    postExtras("post titles, read state and acknowledgements", (feature) => read("PostExtras", forumPostExtrasQuery(levels), feature)),
  ]);
}
