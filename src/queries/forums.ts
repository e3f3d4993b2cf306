/**
 * Class forums: discussion questions (getAllDQForCourseClass, paged with no totals: stop on a short page),
 * the contested `announcements` root field, and forum notification counts (the announcements fallback path).
 */
import type { HaloApi } from "../halo/types.js";
import { isHaloError } from "../halo/errors.js";
import { compact, RESOURCE_FIELDS, scope, type ClassRef, type RawResource } from "./common.js";
import { flattenPosts, postSelection, type RawPost } from "./posts.js";

export const DQ_FORUMS_QUERY = `query GetAllDQForCourseClass($courseClassId: String!, $pgNum: Int!, $pgSize: Int!) {
  getAllDQForCourseClass(courseClassId: $courseClassId, sortBy: "startDate", pgNum: $pgNum, pgSize: $pgSize) {
    forumId contextId forumType title description startDate dueDate reassignedDueDate active totalPosts resources { ${RESOURCE_FIELDS} }
  }
}`;

export interface RawForum {
  forumId: string;
  /** The DQ's assessment id, as far as the sandbox and clients show; matched by title as a fallback. */
  contextId?: string | null;
  forumType?: string | null;
  title?: string | null;
  description?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  reassignedDueDate?: string | null;
  active?: boolean | null;
  totalPosts?: number | null;
  resources?: Array<RawResource | null> | null;
}

const DQ_PAGE = 50;
const DQ_MAX_PAGES = 10;

export async function fetchDiscussionForums(halo: HaloApi, cls: ClassRef): Promise<RawForum[]> {
  const out: RawForum[] = [];
  for (let pgNum = 1; pgNum <= DQ_MAX_PAGES; pgNum++) {
    const data = await halo.query<{ getAllDQForCourseClass: Array<RawForum | null> | null }>({
      operationName: "GetAllDQForCourseClass",
      query: DQ_FORUMS_QUERY,
      variables: { courseClassId: cls.id, pgNum, pgSize: DQ_PAGE },
      context: scope(cls),
    });
    const page = compact(data.getAllDQForCourseClass).filter((f) => !!f.forumId);
    out.push(...page);
    if (page.length < DQ_PAGE) break;
  }
  return out;
}

export const ANNOUNCEMENTS_QUERY = `query Announcements($courseClassId: String!) {
  announcements(courseClassId: $courseClassId) {
    forumId forumType title startDate endDate countUnreadPosts posts { ${postSelection(0)} }
  }
}`;

export interface RawAnnouncementForum {
  forumId: string;
  forumType?: string | null;
  title?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  countUnreadPosts?: number | string | null;
  posts: RawPost[];
}

/**
 * The root field is contested: it may answer one object, a list, or not exist ("Cannot query field").
 * Returns null when the field is missing so the caller can take the forum path; other errors propagate.
 */
export async function fetchAnnouncementsRoot(halo: HaloApi, cls: ClassRef): Promise<RawAnnouncementForum[] | null> {
  try {
    const data = await halo.query<{ announcements: Array<Omit<RawAnnouncementForum, "posts"> & { posts?: Array<RawPost | null> | null }> | (Omit<RawAnnouncementForum, "posts"> & { posts?: Array<RawPost | null> | null }) | null }>({
      operationName: "Announcements",
      query: ANNOUNCEMENTS_QUERY,
      variables: { courseClassId: cls.id },
      context: scope(cls),
    });
    const raw = data.announcements;
    const list = Array.isArray(raw) ? compact(raw) : raw ? [raw] : [];
    return list.map((f) => ({ ...f, posts: flattenPosts(f.posts) }));
  } catch (err) {
    if (isMissingField(err)) return null;
    throw err;
  }
}

/** A validation error naming an unknown field: the schema lacks it, so a fallback applies. */
export function isMissingField(err: unknown): boolean {
  if (isHaloError(err) && err.kind !== "validation" && err.kind !== "upstream" && err.kind !== "http") return false;
  return /cannot query field/i.test(err instanceof Error ? err.message : String(err));
}

const COUNT_FIELDS = "count classes { classId count forums { forumId count } }";
export const NOTIFICATION_FIELDS = `forumTypes {
  ANNOUNCEMENTS { ${COUNT_FIELDS} } CQ { ${COUNT_FIELDS} } DQ { ${COUNT_FIELDS} }
  IDQ { ${COUNT_FIELDS} } INBOX { ${COUNT_FIELDS} } GROUP { ${COUNT_FIELDS} }
}`;

export const FORUM_NOTIFICATIONS_QUERY = `query GetForumNotifications($classId: String!) {
  getForumNotifications(classId: $classId) { ${NOTIFICATION_FIELDS} }
}`;

/** Count values have been seen as strings; shaping normalises. */
export type RawCount = number | string | null | undefined;
export interface RawForumTypeCounts {
  count?: RawCount;
  classes?: Array<{ classId?: string | null; count?: RawCount; forums?: Array<{ forumId?: string | null; count?: RawCount } | null> | null } | null> | null;
}
export interface RawNotification {
  forumTypes?: Partial<Record<"ANNOUNCEMENTS" | "CQ" | "DQ" | "IDQ" | "INBOX" | "GROUP", RawForumTypeCounts | null>> | null;
}
/** The top level is a list in two sources and an object in one. */
export type RawNotifications = Array<RawNotification | null> | RawNotification | null;

export async function fetchForumNotifications(halo: HaloApi, cls: ClassRef): Promise<RawNotifications> {
  const data = await halo.query<{ getForumNotifications: RawNotifications }>({
    operationName: "GetForumNotifications",
    query: FORUM_NOTIFICATIONS_QUERY,
    variables: { classId: cls.id },
    context: scope(cls),
  });
  return data.getForumNotifications ?? null;
}
