/**
 * The non-gradebook parts of what_changed: announcements, inbox messages and alerts newer than a moment,
 * reduced to small records. Pure; other people's words stay raw here and are quoted when rendered.
 */
import { parseHaloDate } from "../format/dates.js";
import { htmlToMarkdown } from "../format/html.js";
import { stripControls } from "../format/entities.js";
import { personName } from "../queries/common.js";
import type { RawAlert, RawInboxPanel } from "../queries/inbox.js";
import type { RawPost } from "../queries/posts.js";

/** Titles may carry HTML entities (&#8217;); decode them without Markdown-escaping ordinary titles. */
export function plainTitle(t: string | null | undefined): string {
  const s = (t ?? "").replace(/\s+/g, " ").trim();
  return stripControls(/[&<]/.test(s) ? htmlToMarkdown(s).replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1").replace(/\s+/g, " ") : s);
}

export interface NewAnnouncement {
  classCode: string;
  title: string;
  at: Date;
  mustAcknowledge: boolean;
}

/** Published announcements that became visible after `since` (scheduled ones count from their start). */
export function newAnnouncements(classCode: string, posts: RawPost[], since: Date, now: Date, me: string): NewAnnouncement[] {
  return posts.flatMap((p) => {
    if ((p.postStatus ?? "PUBLISHED") !== "PUBLISHED" || p.parentPostId) return [];
    const start = parseHaloDate(p.startDate);
    // Stryker disable next-line MethodExpression: without the filter, sort() still puts undefined entries last without calling the comparator
    const at = [parseHaloDate(p.publishDate), start].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
    if (!at || at.getTime() <= since.getTime() || at.getTime() > now.getTime()) return [];
    // Stryker disable next-line ArrayDeclaration: a stand-in list entry has no userId, so it never counts as the student's acknowledgement
    const acked = (p.postFlagAcknowledgements ?? []).some((a) => a?.userId === me && a.acknowledge !== false);
    const title = plainTitle(p.title) || htmlToMarkdown(p.content).replace(/\s+/g, " ").slice(0, 80) || "(untitled)";
    return [{ classCode, title, at, mustAcknowledge: !!p.isAcknowledge && !acked }];
  });
}

export interface NewMessage {
  classCode?: string;
  from: string;
  role?: string;
  at: Date;
  preview: string;
  unanswered: boolean;
}

/** The latest message of each inbox thread when someone else wrote it after `since`. */
export function newMessages(panels: RawInboxPanel[], since: Date, me: string, codeOf: (classId?: string | null) => string | undefined): NewMessage[] {
  const out: NewMessage[] = [];
  for (const panel of panels) {
    for (const f of panel.forums) {
      const post = f.lastPost?.post;
      const at = parseHaloDate(post?.publishDate);
      if (!post || !at || at.getTime() <= since.getTime()) continue;
      if (post.createdBy?.userId === me) continue;
      const text = htmlToMarkdown(post.content).replace(/\s+/g, " ").trim();
      const msg: NewMessage = {
        from: personName(post.createdBy?.user),
        at,
        preview: text.length > 160 ? `${text.slice(0, 157)}…` : text,
        // Stryker disable next-line OptionalChaining: lastPost exists here (its post was read above)
        unanswered: f.lastPost?.isReplied === false,
      };
      const code = codeOf(f.courseClassId ?? panel.courseClassId);
      if (code) msg.classCode = code;
      const role = post.createdBy?.baseRoleName;
      if (role) msg.role = role.toLowerCase();
      out.push(msg);
    }
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime());
}

export interface NewAlert {
  classCode?: string;
  type: string;
  text: string;
  at: Date;
}

/** Unread alerts stamped after `since`. */
export function newAlerts(alerts: RawAlert[], since: Date, codeOf: (classId?: string | null) => string | undefined): NewAlert[] {
  return alerts
    .flatMap((a) => {
      const at = parseHaloDate(a.timestamp);
      if (a.isRead || !at || at.getTime() <= since.getTime()) return [];
      const d = a.data ?? {};
      const text = [d.assignmentTitle ?? d.announcementTitle, d.senderName ? `from ${d.senderName}` : undefined].filter(Boolean).join(" ");
      const r: NewAlert = { type: (a.type ?? "alert").toLowerCase().replace(/_/g, " "), text, at };
      const code = codeOf(a.classId);
      if (code) r.classCode = code;
      return [r];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** "36h", "7d", "90m" back from now, or an ISO time; undefined when unparseable. */
export function parseSince(value: string, now: Date): Date | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(m|min|minutes?|h|hours?|d|days?|w|weeks?)\s*(ago)?\s*$/i.exec(value);
  if (m) {
    const n = Number(m[1]);
    const unit = m[2]!.toLowerCase()[0];
    const ms = unit === "m" ? 60_000 : unit === "h" ? 3_600_000 : unit === "d" ? 86_400_000 : 7 * 86_400_000;
    return new Date(now.getTime() - n * ms);
  }
  return parseHaloDate(value);
}
