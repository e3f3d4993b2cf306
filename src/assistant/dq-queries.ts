/**
 * Lean reads for dq_participation. Own documents because the shared ones lack what this needs or carry far
 * more: the forum list here adds `contextId` (the DQ's assessment id, to join forums to gradebook rows), and
 * the post read asks only who posted when (no bodies), since a busy forum has hundreds of posts.
 */
import type { HaloApi } from "../halo/types.js";
import { compact, scope, type ClassRef } from "../queries/common.js";
import { flattenPosts, type RawPost } from "../queries/posts.js";

export const DQ_FORUM_LIST_QUERY = `query GetAllDQForCourseClass($courseClassId: String!, $pgNum: Int!, $pgSize: Int!) {
  getAllDQForCourseClass(courseClassId: $courseClassId, sortBy: "startDate", pgNum: $pgNum, pgSize: $pgSize) {
    forumId contextId title startDate dueDate reassignedDueDate active
  }
}`;

export interface DqForum {
  forumId: string;
  contextId?: string | null;
  title?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  reassignedDueDate?: string | null;
  active?: boolean | null;
}

const PAGE = 50;

/** `probe` (doctor --live): one page of one forum, the smallest request that still exercises the document. */
export async function fetchDqForums(halo: HaloApi, cls: ClassRef, probe = false): Promise<DqForum[]> {
  const out: DqForum[] = [];
  const size = probe ? 1 : PAGE;
  for (let pgNum = 1; pgNum <= (probe ? 1 : 10); pgNum++) {
    const data = await halo.query<{ getAllDQForCourseClass: Array<DqForum | null> | null }>({
      operationName: "GetAllDQForCourseClass",
      query: DQ_FORUM_LIST_QUERY,
      feature: "discussion participation",
      required: ["getAllDQForCourseClass.forumId"],
      variables: { courseClassId: cls.id, pgNum, pgSize: size },
      context: scope(cls),
    });
    // Stryker disable next-line ArrayDeclaration: a stand-in row has no forumId, so it is filtered out and the short page still ends paging
    const rows = data.getAllDQForCourseClass ?? [];
    out.push(...compact(rows).filter((f) => !!f.forumId));
    // A full page counts its null or id-less rows too: only a short page from Halo means there is no next one.
    if (rows.length < size) break;
  }
  return out;
}

const LEAN = "id parentPostId publishDate postStatus createdBy { userId }";
const lean = (levels: number): string => (levels <= 0 ? LEAN : `${LEAN} replies { ${lean(levels - 1)} }`);

export const DQ_POST_AUTHORS_QUERY = `query Posts($forumId: String!, $depthStart: Int!, $depthEnd: Int!) {
  posts(forumId: $forumId, depthStart: $depthStart, depthEnd: $depthEnd) { ${lean(4)} }
}`;

/** Every post of the forum (flattened), with only author and time. */
export async function fetchPostAuthors(halo: HaloApi, forumId: string, cls: ClassRef): Promise<RawPost[]> {
  const data = await halo.query<{ posts: Array<RawPost | null> | null }>({
    operationName: "Posts",
    query: DQ_POST_AUTHORS_QUERY,
    feature: "discussion participation",
    required: ["posts.id", "posts.createdBy.userId"],
    variables: { forumId, depthStart: 0, depthEnd: 5 },
    context: scope(cls),
  });
  return flattenPosts(data.posts);
}
