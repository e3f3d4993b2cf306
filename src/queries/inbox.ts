/**
 * The student's inbox (private threads with instructors and classmates) and the alert feed.
 */
import type { HaloApi } from "../halo/types.js";
import { compact, type RawPersonName } from "./common.js";
import { NOTIFICATION_FIELDS, type RawCount, type RawNotifications } from "./forums.js";
import { flattenPosts, postSelection, type RawPost } from "./posts.js";

export const INBOX_PANEL_QUERY = `query GetInboxLeftPanel {
  getInboxLeftPanel {
    courseClassId unansweredCount
    forums {
      forumId forumType courseClassId startDate endDate
      lastPost { isReplied recipient { id firstName lastName preferredFirstName } post { ${postSelection(0)} } }
    }
  }
}`;

export interface RawInboxForum {
  forumId: string;
  forumType?: string | null;
  courseClassId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  lastPost?: { isReplied?: boolean | null; recipient?: (RawPersonName & { id?: string | null }) | null; post?: RawPost | null } | null;
}
export interface RawInboxPanel {
  courseClassId?: string | null;
  unansweredCount?: RawCount;
  forums: RawInboxForum[];
}

export async function fetchInboxPanel(halo: HaloApi): Promise<RawInboxPanel[]> {
  const data = await halo.query<{ getInboxLeftPanel: Array<(Omit<RawInboxPanel, "forums"> & { forums?: Array<RawInboxForum | null> | null }) | null> | null }>({
    operationName: "GetInboxLeftPanel",
    query: INBOX_PANEL_QUERY,
  });
  return compact(data.getInboxLeftPanel).map((p) => ({ ...p, forums: compact(p.forums).filter((f) => !!f.forumId) }));
}

export const INBOX_POSTS_QUERY = `query GetPostsForInboxForum($forumId: String!, $pgNum: Int!, $pgSize: Int!) {
  getPostsForInboxForum(forumId: $forumId, pgNum: $pgNum, pgSize: $pgSize) { ${postSelection(0)} }
}`;

/** One page (1-based) of a thread's messages; Halo gives no totals, a short page is the last. */
export async function fetchInboxPosts(halo: HaloApi, forumId: string, pgNum: number, pgSize: number, courseClassId?: string): Promise<RawPost[]> {
  const data = await halo.query<{ getPostsForInboxForum: Array<RawPost | null> | null }>({
    operationName: "GetPostsForInboxForum",
    query: INBOX_POSTS_QUERY,
    variables: { forumId, pgNum, pgSize },
    ...(courseClassId ? { context: { courseClassId } } : {}),
  });
  return flattenPosts(data.getPostsForInboxForum);
}

export const INBOX_NOTIFICATIONS_QUERY = `query GetInboxNotifications($fetchCounts: Boolean!) {
  getInboxNotifications(fetchCounts: $fetchCounts) { ${NOTIFICATION_FIELDS} }
}`;

export async function fetchInboxNotifications(halo: HaloApi): Promise<RawNotifications> {
  const data = await halo.query<{ getInboxNotifications: RawNotifications }>({
    operationName: "GetInboxNotifications",
    query: INBOX_NOTIFICATIONS_QUERY,
    variables: { fetchCounts: true },
  });
  return data.getInboxNotifications ?? null;
}

// The alert input takes pageSize as a STRING (pgSize is rejected). Inlined as a literal so our variable type
// cannot disagree with the schema's nullability. How nextToken is passed back is unknown, so we never page.
export const ALERTS_PAGE_SIZE = "50";
export const USER_ALERTS_QUERY = `query GetUserAlerts {
  getUserAlerts(userAlerts: { pageSize: "${ALERTS_PAGE_SIZE}" }) {
    nextToken
    alerts { id classId isRead timestamp type data { announcementTitle assignmentTitle assessmentId senderName forumId forumType postId } }
  }
}`;

export interface RawAlert {
  id: string;
  classId?: string | null;
  isRead?: boolean | null;
  timestamp?: string | null;
  type?: string | null;
  data?: { announcementTitle?: string | null; assignmentTitle?: string | null; assessmentId?: string | null; senderName?: string | null; forumId?: string | null; forumType?: string | null; postId?: string | null } | null;
}
export interface RawAlertPage {
  nextToken?: string | null;
  alerts: RawAlert[];
}

export async function fetchUserAlerts(halo: HaloApi): Promise<RawAlertPage> {
  const data = await halo.query<{ getUserAlerts: { nextToken?: string | null; alerts?: Array<RawAlert | null> | null } | null }>({
    operationName: "GetUserAlerts",
    query: USER_ALERTS_QUERY,
  });
  const page = data.getUserAlerts;
  return { nextToken: page?.nextToken ?? null, alerts: compact(page?.alerts).filter((a) => !!a.id) };
}

export const ALERT_COUNT_QUERY = `query GetUserAlertCount { getUserAlertCount { courseClassId count } }`;

export async function fetchAlertCounts(halo: HaloApi): Promise<Array<{ courseClassId?: string | null; count?: RawCount }>> {
  const data = await halo.query<{ getUserAlertCount: Array<{ courseClassId?: string | null; count?: RawCount } | null> | null }>({
    operationName: "GetUserAlertCount",
    query: ALERT_COUNT_QUERY,
  });
  return compact(data.getUserAlertCount);
}
