/**
 * The student's inbox (private threads with instructors and classmates) and the alert feed.
 */
import type { HaloApi } from "../halo/types.js";
import { compact, RESOURCE_FIELDS, type RawPersonName } from "./common.js";
import { withCompanions } from "./companion.js";
import { type RawCount, type RawNotifications } from "./forums.js";
import { flattenPosts, postExtras, type RawPost } from "./posts.js";

const AUTHOR = "createdBy { userId baseRoleName user { id firstName lastName preferredFirstName } }";
/** S1 selects only these on the panel's last post; the panel type may be narrower than other roots' Post. */
const PANEL_POST = `id content postStatus publishDate parentPostId wordCount ${AUTHOR} resources { ${RESOURCE_FIELDS} }`;

export const INBOX_PANEL_QUERY = `query GetInboxLeftPanel {
  getInboxLeftPanel {
    courseClassId unansweredCount
    forums {
      forumId forumType courseClassId startDate endDate
      lastPost { isReplied recipient { id firstName lastName preferredFirstName } post { ${PANEL_POST} } }
    }
  }
}`;

/** The last message's subject and read state: Post fields seen only on other roots. */
export const INBOX_PANEL_EXTRAS_QUERY = `query GetInboxLeftPanelExtras {
  getInboxLeftPanel { forums { forumId lastPost { post { id title startDate modifiedDate isRead } } } }
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

const PANEL_EXTRAS = "inbox subjects and read state";
type PanelReply = { getInboxLeftPanel: Array<(Omit<RawInboxPanel, "forums"> & { forums?: Array<RawInboxForum | null> | null }) | null> | null };
const panelForums = (d: PanelReply): RawInboxForum[] => compact(d.getInboxLeftPanel).flatMap((p) => compact(p.forums));

export async function fetchInboxPanel(halo: HaloApi): Promise<RawInboxPanel[]> {
  const read = (operationName: string, query: string, feature: string) =>
    halo.query<PanelReply>({ operationName, query, feature, required: ["getInboxLeftPanel.forums.forumId"] });
  const core = read("GetInboxLeftPanel", INBOX_PANEL_QUERY, "inbox").then((d) => compact(d.getInboxLeftPanel).map((p) => ({ ...p, forums: compact(p.forums).filter((f) => !!f.forumId) })));
  return withCompanions(core, [
    {
      feature: PANEL_EXTRAS,
      run: async () => {
        const extra = new Map(panelForums(await read("GetInboxLeftPanelExtras", INBOX_PANEL_EXTRAS_QUERY, PANEL_EXTRAS)).map((f) => [f.forumId, f.lastPost?.post] as const));
        const merge = (f: RawInboxForum): RawInboxForum => {
          const post = f.lastPost?.post;
          const more = extra.get(f.forumId);
          return post && more?.id === post.id ? { ...f, lastPost: { ...f.lastPost, post: { ...more, ...post } } } : f;
        };
        return (panels) => panels.map((p) => ({ ...p, forums: p.forums.map(merge) }));
      },
    },
  ]);
}

/** Core ≡ S1's inbox-posts query; isRead (last seen 2024, S3) and subjects are extras. */
export const INBOX_POSTS_QUERY = `query GetPostsForInboxForum($forumId: String!, $pgNum: Int!, $pgSize: Int!) {
  getPostsForInboxForum(forumId: $forumId, pgNum: $pgNum, pgSize: $pgSize) {
    id content postStatus publishDate parentPostId wordCount isAcknowledge postFlagAcknowledgements { userId acknowledge }
    ${AUTHOR} resources { ${RESOURCE_FIELDS} }
  }
}`;

export const INBOX_POST_EXTRAS_QUERY = `query GetPostsForInboxForumExtras($forumId: String!, $pgNum: Int!, $pgSize: Int!) {
  getPostsForInboxForum(forumId: $forumId, pgNum: $pgNum, pgSize: $pgSize) { id forumId title startDate modifiedDate isRead }
}`;

/** One page (1-based) of a thread's messages; Halo gives no totals, a short page is the last. */
export async function fetchInboxPosts(halo: HaloApi, forumId: string, pgNum: number, pgSize: number, courseClassId?: string): Promise<RawPost[]> {
  const read = (operationName: string, query: string, feature: string) =>
    halo
      .query<{ getPostsForInboxForum: Array<RawPost | null> | null }>({
        operationName,
        query,
        feature,
        required: ["getPostsForInboxForum.id"],
        variables: { forumId, pgNum, pgSize },
        ...(courseClassId ? { context: { courseClassId } } : {}),
      })
      .then((d) => d.getPostsForInboxForum);
  return withCompanions(read("GetPostsForInboxForum", INBOX_POSTS_QUERY, "inbox messages").then(flattenPosts), [
    postExtras("message subjects and read state", (feature) => read("GetPostsForInboxForumExtras", INBOX_POST_EXTRAS_QUERY, feature)),
  ]);
}

/** Only INBOX, exactly as S1 copied Halo's own query; the other forum types come from getForumNotifications. */
export const INBOX_NOTIFICATIONS_QUERY = `query GetInboxNotifications($fetchCounts: Boolean!) {
  getInboxNotifications(fetchCounts: $fetchCounts) { forumTypes { INBOX { count classes { classId count forums { forumId count } } } } }
}`;

export async function fetchInboxNotifications(halo: HaloApi): Promise<RawNotifications> {
  const data = await halo.query<{ getInboxNotifications: RawNotifications }>({
    operationName: "GetInboxNotifications",
    query: INBOX_NOTIFICATIONS_QUERY,
    feature: "inbox counts",
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
    feature: "alerts",
  });
  const page = data.getUserAlerts;
  return { nextToken: page?.nextToken ?? null, alerts: compact(page?.alerts).filter((a) => !!a.id) };
}

export const ALERT_COUNT_QUERY = `query GetUserAlertCount { getUserAlertCount { courseClassId count } }`;

export async function fetchAlertCounts(halo: HaloApi): Promise<Array<{ courseClassId?: string | null; count?: RawCount }>> {
  const data = await halo.query<{ getUserAlertCount: Array<{ courseClassId?: string | null; count?: RawCount } | null> | null }>({
    operationName: "GetUserAlertCount",
    query: ALERT_COUNT_QUERY,
    feature: "alert counts",
  });
  return compact(data.getUserAlertCount);
}
