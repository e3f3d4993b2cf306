/**
 * announcements: what applies now (published, not scheduled), newest first, with the ones the student still
 * has to acknowledge marked.
 */
import type { RawPost } from "../queries/posts.js";
import { pageNote, plural, QUOTE_NOTE } from "../format/text.js";
import { needsAcknowledgement, renderPost, visibleAnnouncements, type PostPageOptions } from "./posts.js";

export interface AnnouncementOptions extends PostPageOptions {
  note?: string;
}

export function renderAnnouncements(header: string, posts: readonly RawPost[], o: AnnouncementOptions): string {
  const all = visibleAnnouncements(posts, o.clock.now);
  if (o.postId) {
    const p = all.find((x) => x.id === o.postId);
    if (!p) return `No current announcement ${o.postId} in ${header}. Call announcements without post_id to list them.`;
    return `${QUOTE_NOTE}\n${oneAnnouncement(p, o, 1_000_000)}`;
  }
  const ack = all.filter((p) => needsAcknowledgement(p, o.me)).length;
  const unread = all.filter((p) => p.isRead === false).length;
  const extras = [ack ? `${ack} need${ack === 1 ? "s" : ""} your acknowledgement` : "", unread ? `${unread} unread` : ""].filter(Boolean).join(", ");
  const out = [`${header} — ${plural(all.length, "announcement")}${extras ? ` (${extras})` : ""}`];
  if (o.note) out.push(o.note);
  if (all.length) out.push(QUOTE_NOTE);
  if (all.length === 0) out.push("No announcements are posted for this class right now.");
  const slice = all.slice((o.page - 1) * o.pageSize, o.page * o.pageSize);
  for (const p of slice) out.push("", oneAnnouncement(p, o, o.maxBody));
  if (all.length) out.push("", pageNote(o.page, o.pageSize, all.length, slice.length));
  return out.join("\n");
}

function oneAnnouncement(p: RawPost, o: AnnouncementOptions, maxBody: number): string {
  const flag = needsAcknowledgement(p, o.me) ? "NEEDS ACKNOWLEDGEMENT (acknowledge_announcement with its post_id) · " : "";
  return flag + renderPost({ post: p, depth: 0 }, {
    me: o.me,
    clock: o.clock,
    maxBody,
    showId: true,
    moreHint: (id) => `Call announcements with post_id: "${id}" for the full text.`,
  });
}
