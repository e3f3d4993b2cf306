/**
 * Class forums: discussion questions (getAllDQForCourseClass, paged with no totals: stop on a short page),
 * the contested `announcements` root field, and forum notification counts (the announcements fallback path).
 */
import type { HaloApi } from "../halo/types.js";
import { isHaloError } from "../halo/errors.js";
import { compact, RESOURCE_FIELDS, scope, type ClassRef, type RawResource } from "./common.js";
import { withCompanions } from "./companion.js";
import { flattenPosts, postExtras, type RawPost } from "./posts.js";

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

/** `probe` (doctor --live): one page of one forum, the smallest request that still exercises the document. */
export async function fetchDiscussionForums(halo: HaloApi, cls: ClassRef, probe = false): Promise<RawForum[]> {
  const out: RawForum[] = [];
  const size = probe ? 1 : DQ_PAGE;
  for (let pgNum = 1; pgNum <= (probe ? 1 : DQ_MAX_PAGES); pgNum++) {
    const data = await halo.query<{ getAllDQForCourseClass: Array<RawForum | null> | null }>({
      operationName: "GetAllDQForCourseClass",
      query: DQ_FORUMS_QUERY,
      feature: "discussion forums",
      required: ["getAllDQForCourseClass.forumId"],
      variables: { courseClassId: cls.id, pgNum, pgSize: size },
      context: scope(cls),
    });
    const page = compact(data.getAllDQForCourseClass).filter((f) => !!f.forumId);
    out.push(...page);
    if (page.length < size) break;
  }
  return out;
}

/** Core ≡ Halo's 2026 query as S1 copied it (live): no countUnreadPosts, no isRead (last seen 2023). */
export const ANNOUNCEMENTS_QUERY = `query Announcements($courseClassId: String!) {
  announcements(courseClassId: $courseClassId) {
    forumId forumType title startDate endDate
    posts {
      id forumId forumTitle title content postStatus publishDate startDate modifiedDate parentPostId isAcknowledge
      postFlagAcknowledgements { userId acknowledge acknowledgedTimestamp }
      createdBy { user { id firstName lastName preferredFirstName } }
      resources { ${RESOURCE_FIELDS} }
    }
  }
}`;

/** Read state, pins and author ids: Post fields other roots carry. */
export const ANNOUNCEMENT_EXTRAS_QUERY = `query AnnouncementExtras($courseClassId: String!) {
  announcements(courseClassId: $courseClassId) { forumId posts { id isRead pinOrder wordCount createdBy { userId baseRoleName } } }
}`;

export interface RawAnnouncementForum {
  forumId: string;
  forumType?: string | null;
  title?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  posts: RawPost[];
}

type RawRootForum = Omit<RawAnnouncementForum, "posts"> & { posts?: Array<RawPost | null> | null };
type AnnouncementsReply = { announcements: RawRootForum[] | RawRootForum | null };

const forumList = (raw: AnnouncementsReply["announcements"]): RawRootForum[] => (Array.isArray(raw) ? compact(raw) : raw ? [raw] : []);

/**
 * The root field is contested: it may answer one object, a list, or not exist (S2 reported it gone in 2026-09).
 * Returns null when the root field is missing so the caller can take the forum path; other errors propagate.
 * Posts of all forums come back as one merged list per forum; the companion only adds read state and pins.
 */
export async function fetchAnnouncementsRoot(halo: HaloApi, cls: ClassRef): Promise<RawAnnouncementForum[] | null> {
  const read = (operationName: string, query: string, feature: string) =>
    halo
      .query<AnnouncementsReply>({ operationName, query, feature, required: ["announcements.forumId", "announcements.posts.id"], variables: { courseClassId: cls.id }, context: scope(cls) })
      .then((d) => forumList(d.announcements));
  try {
    const forums = await read("Announcements", ANNOUNCEMENTS_QUERY, "announcements");
    const posts = await withCompanions(Promise.resolve(forums.flatMap((f) => flattenPosts(f.posts))), [
      postExtras("announcement read state and pins", async (feature) => (await read("AnnouncementExtras", ANNOUNCEMENT_EXTRAS_QUERY, feature)).flatMap((f) => f.posts ?? [])),
    ]);
    const byId = new Map(posts.map((p) => [p.id, p] as const));
    return forums.map((f) => ({ ...f, posts: flattenPosts(f.posts).map((p) => byId.get(p.id) ?? p) }));
  } catch (err) {
    // The core is already S1's exact selection, so a rejection here means the root (or Halo's own query) moved.
    if (isMissingField(err)) return null;
    throw err;
  }
}

/** A validation error naming an unknown field: the schema lacks it, so a fallback applies. */
export function isMissingField(err: unknown): boolean {
  if (isHaloError(err) && err.kind !== "validation" && err.kind !== "upstream" && err.kind !== "http") return false;
  return /cannot query field/i.test(err instanceof Error ? err.message : String(err));
}

// As Halo's own query (S1): a type-level `count` only under INBOX and GROUP; the other types are summed from
// classes[].count when shaping (S7's real sample shows INBOX is its own type, InboxGQL).
const CLASS_COUNTS = "classes { classId count forums { forumId count } }";
export const NOTIFICATION_FIELDS = `forumTypes {
  ANNOUNCEMENTS { ${CLASS_COUNTS} } CQ { ${CLASS_COUNTS} } DQ { ${CLASS_COUNTS} }
  IDQ { ${CLASS_COUNTS} } INBOX { count ${CLASS_COUNTS} } GROUP { count ${CLASS_COUNTS} }
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
    feature: "forum notification counts",
    required: ["getForumNotifications.forumTypes"],
    variables: { classId: cls.id },
    context: scope(cls),
  });
  return data.getForumNotifications ?? null;
}
