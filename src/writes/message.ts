/**
 * message_teacher: send into one of the student's inbox threads. A message can be steered by text the
 * model read elsewhere (a classmate's post), so the preview quotes exactly what will be sent and to whom,
 * and the student's approval (src/writes/consent.ts) is bound to that exact text.
 */
import type FormData from "form-data";
import { lazyRequire } from "../lazy.js";

const loadFormData = lazyRequire<typeof FormData>("form-data");
import { htmlToMarkdown, stripInvisible, textToHtml } from "../format/html.js";
import { when } from "../format/dates.js";
import { quoted } from "../format/text.js";
import { compact, personName, scope } from "../queries/common.js";
import { fetchInboxPanel, fetchInboxPosts, type RawInboxForum } from "../queries/inbox.js";
import type { RawPost } from "../queries/posts.js";
import type { ClassSummary } from "../queries/class-directory.js";
import type { ToolContext } from "../queries/context.js";
import type { ToolReply } from "../tools/define.js";
import { ToolError } from "../queries/tool-error.js";
import { auditLog } from "./audit.js";
import type { WritePlan } from "./consent.js";
import { shown, shownBody } from "./preview.js";
import { failureReason } from "./upload.js";

export const MESSAGE_TOOL = "message_teacher";
const PAGE = 100;
const MAX_PAGES = 5;

export interface MessageArgs {
  class_ref: string;
  forum_id: string;
  content: string;
  is_draft?: boolean;
}

export async function planMessage(args: MessageArgs, ctx: ToolContext): Promise<WritePlan> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const isDraft = args.is_draft ?? false;
  const cls = await ctx.classes.resolve(args.class_ref);
  const entry = { tool: MESSAGE_TOOL, class: cls.slugId, thread: args.forum_id, ...(isDraft ? { draft: true } : {}) };
  const refuse = async (reason: string, text: string): Promise<never> => {
    await audit.append({ ...entry, outcome: "refused", reason });
    throw new ToolError(text);
  };

  const text = stripInvisible(args.content).trim();
  if (!text) await refuse("empty message", "The message is empty (or only whitespace/invisible characters). Write what to say first. Nothing was sent.");

  const forum = await findThread(ctx, cls, args.forum_id).catch(async (e: unknown) => {
    if (e instanceof ToolError) await refuse("not an inbox thread of this class", e.message);
    throw e;
  });
  const me = (await ctx.halo.session()).userId;
  const other = shown(otherParticipant(forum, me));
  return {
    audit: { class: cls.slugId, thread: args.forum_id, ...(isDraft ? { draft: true } : {}) },
    preview: [
      `${isDraft ? "Save as a DRAFT (not delivered)" : "Send"} to: ${other} — private inbox thread in ${shown(cls.courseCode)} ${shown(cls.name)} (${shown(cls.slugId)}).`,
      quoted("message exactly as it will be sent", shownBody(text)),
      "Make sure the student wrote or approved every word, especially anything that came from a post, page or file.",
    ],
    state: { classId: cls.id, forumId: forum.forumId },
    nothing: "sent",
    run: () => sendNow(ctx, { cls, forum, me, other, text, isDraft, entry }),
  };
}

interface Outgoing {
  cls: ClassSummary;
  forum: RawInboxForum;
  me: string;
  other: string;
  text: string;
  isDraft: boolean;
  entry: { tool: string; class: string; thread: string; draft?: boolean };
}

async function sendNow(ctx: ToolContext, m: Outgoing): Promise<ToolReply> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const { cls, forum, me, other, text, isDraft, entry } = m;
  const before = await threadPosts(ctx, forum.forumId, cls).catch(() => undefined);
  const html = textToHtml(text);
  let failure: string | undefined;
  try {
    await ctx.halo.restPost(
      "forum/post/send",
      {
        form: () => {
          const f = new (loadFormData())();
          f.append("content", html);
          f.append("forumId", forum.forumId);
          f.append("isDraft", String(isDraft));
          f.append("extractLink", "true");
          return f;
        },
      },
      scope(cls),
    );
  } catch (e) {
    failure = failureReason(ctx, e);
  }

  // Success only when the thread shows a new post of ours; a lost reply may still have delivered it.
  ctx.cache.invalidate();
  const after = await threadPosts(ctx, forum.forumId, cls).catch(() => undefined);
  // Without the earlier read, a post of ours with the same text is the best evidence available.
  const isNew = (p: RawPost) => (before ? !before.has(p.id) : htmlToMarkdown(p.content) === htmlToMarkdown(html));
  const mine = after ? [...after.values()].find((p) => authorId(p) === me && isNew(p)) : undefined;
  if (mine) {
    await audit.append({ ...entry, outcome: "succeeded" });
    const at = when(mine.publishDate ?? mine.modifiedDate, ctx.config.timezone, ctx.now());
    return `${isDraft ? "Saved as a draft in" : "Sent to"} ${other}'s thread in ${shown(cls.courseCode)}${at ? `; Halo shows it at ${at}` : ""}.${failure ? " (The send call reported an error, but the thread shows the message.)" : ""}`;
  }
  if (failure) {
    await audit.append({ ...entry, outcome: "failed", step: "send" });
    return { text: `Sending failed: ${failure}. ${after ? "The thread shows no new message from you" : "I could not re-read the thread to check"}. Read the thread (inbox_posts) before trying again so nothing is sent twice; a retry needs a new approval (call message_teacher again, without the old confirm_token).`, isError: true };
  }
  await audit.append({ ...entry, outcome: "unverified", step: "verify" });
  return { text: `Halo accepted the message${isDraft ? " as a draft" : ""}, but ${after ? "the thread does not show it yet" : "I could not re-read the thread to check"}. Do not send it again; read the thread with inbox_posts in a minute to confirm it arrived.`, isError: true };
}

async function findThread(ctx: ToolContext, cls: ClassSummary, forumId: string): Promise<RawInboxForum> {
  const panels = await fetchInboxPanel(ctx.halo);
  const threads = panels.flatMap((p) => p.forums.map((f) => ({ ...f, courseClassId: f.courseClassId ?? p.courseClassId })));
  const hit = threads.find((f) => f.forumId === forumId);
  if (hit && hit.courseClassId === cls.id) return hit;
  const mineHere = threads.filter((f) => f.courseClassId === cls.id);
  const options = mineHere.length
    ? `Inbox threads in ${cls.courseCode}: ${mineHere.map((f) => `${otherParticipant(f)} (forum_id ${f.forumId})`).join("; ")}.`
    : `Halo shows no inbox thread for you in ${cls.courseCode}; start the conversation in Halo's web inbox first.`;
  const why = hit ? `forum_id ${forumId} is an inbox thread of a different class, not ${cls.courseCode}.` : `forum_id ${forumId} is not one of your inbox threads.`;
  throw new ToolError(`${why} ${options} Nothing was sent.`);
}

const authorId = (p: RawPost): string | undefined => p.createdBy?.userId ?? p.createdBy?.user?.id ?? undefined;

/** The person on the other side: the last post's recipient, unless that is the student. */
function otherParticipant(f: RawInboxForum, me?: string): string {
  const r = f.lastPost?.recipient;
  if (r && (!me || r.id !== me)) return personName(r);
  const author = f.lastPost?.post?.createdBy?.user;
  if (author && author.id !== me) return personName(author);
  return "the other participant";
}

/** Every post of the thread (bounded), keyed by id. */
async function threadPosts(ctx: ToolContext, forumId: string, cls: ClassSummary): Promise<Map<string, RawPost>> {
  const out = new Map<string, RawPost>();
  for (let pg = 1; pg <= MAX_PAGES; pg++) {
    const page = compact(await fetchInboxPosts(ctx.halo, forumId, pg, PAGE, cls.id));
    for (const p of page) out.set(p.id, p);
    if (page.length < PAGE) break;
  }
  return out;
}
