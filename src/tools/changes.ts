/**
 * what_changed: new grades, announcements, messages, moved due dates and unread alerts since the last call
 * (a watermark + small snapshot beside the config file) or since a given time.
 */
import { z } from "zod";
import { formatDate, when } from "../format/dates.js";
import { quoted } from "../format/text.js";
import { softAnnouncementPosts } from "../assistant/announcements.js";
import { newAlerts, newAnnouncements, newMessages, parseSince, type NewAlert, type NewAnnouncement, type NewMessage } from "../assistant/feeds.js";
import { workItems, type WorkItem } from "../assistant/items.js";
import { coverageNote, fanOut, failureReason, gradesKey, loadGrades, plannerClasses, scopeClasses } from "../assistant/load.js";
import { classMark, diffClass, emptyState, parseState, type ChangeState, type ItemChange } from "../assistant/snapshot.js";
import { readStateText, writeStateText } from "../assistant/state-file.js";
import { fetchInboxPanel, fetchUserAlerts, type RawAlert, type RawInboxPanel } from "../queries/inbox.js";
import { parseHaloDate } from "../format/dates.js";
import { defineTool, type ToolDef } from "./define.js";
import type { ToolContext } from "../queries/context.js";
import { LOCAL_FILES } from "../config/local-files.js";
import { ToolError } from "../queries/tool-error.js";

export const STATE_FILE = LOCAL_FILES.whatChanged;
const MAX_BACK_MS = 180 * 86_400_000;
const LIST_MAX = 25;

type Feed<T> = { ok: true; value: T } | { ok: false; reason: string };
const settle = <T>(p: Promise<T>): Promise<Feed<T>> => p.then((value) => ({ ok: true as const, value }), (e: unknown) => ({ ok: false as const, reason: failureReason(e) }));

function changeLine(c: ItemChange, tz: string, now: Date): string {
  const it = c.item;
  const name = `${it.cls.courseCode} "${it.title}"`;
  const score = `${it.score}${it.points !== undefined ? `/${it.points}` : ""}`;
  switch (c.type) {
    case "graded":
      return `- graded: ${name} ${score}`;
    case "regraded":
      return `- grade changed: ${name} ${score} (was ${c.previousScore})`;
    case "reassigned":
      return `- sent back for resubmission: ${name}${it.due ? `, due ${when(it.due, tz, now)}` : ""}`;
    case "due_moved":
      return `- due date moved: ${name} from ${formatDate(c.previousDue, tz, now)} to ${it.due ? when(it.due, tz, now) : "none"}`;
    case "new_item":
      return `- new item: ${name}${it.due ? `, due ${when(it.due, tz, now)}` : ""}`;
  }
}

function capped<T>(list: T[], render: (x: T) => string): string {
  const lines = list.slice(0, LIST_MAX).map(render);
  if (list.length > LIST_MAX) lines.push(`(… ${list.length - LIST_MAX} more not shown)`);
  return lines.join("\n");
}

function render(o: { since: string; changes: ItemChange[]; anns: NewAnnouncement[]; msgs: NewMessage[]; alerts: NewAlert[]; tz: string; now: Date }): string[] {
  const { tz, now } = o;
  const out = [`Changes since ${o.since}:`];
  if (o.changes.length) out.push(`Grades and deadlines (${o.changes.length}):\n${capped(o.changes, (c) => changeLine(c, tz, now))}`);
  if (o.anns.length) out.push(`New announcements (${o.anns.length}; read them with the announcements tool):\n${quoted("announcement titles", capped(o.anns, (a) => `${a.classCode} · ${when(a.at, tz, now)} · ${a.title}${a.mustAcknowledge ? " [you must acknowledge this]" : ""}`))}`);
  if (o.msgs.length) out.push(`New messages (${o.msgs.length}; latest per thread, read them with the inbox tool):\n${quoted("message previews", capped(o.msgs, (m) => `${m.classCode ? `${m.classCode} · ` : ""}${m.from}${m.role ? ` (${m.role})` : ""} · ${when(m.at, tz, now)}${m.unanswered ? " · unanswered" : ""}: ${m.preview}`))}`);
  if (o.alerts.length) out.push(`Unread alerts (${o.alerts.length}):\n${quoted("alerts", capped(o.alerts, (a) => `${a.classCode ? `${a.classCode} · ` : ""}${a.type}${a.text ? `: ${a.text}` : ""} · ${when(a.at, tz, now)}`))}`);
  if (out.length === 1) out.push("Nothing new: no new grades, announcements, messages, due-date changes or unread alerts.");
  return out;
}

async function whatChanged(args: { since?: string }, ctx: ToolContext): Promise<string> {
  const now = ctx.now();
  const tz = ctx.config.timezone;
  let fixedSince: Date | undefined;
  if (args.since) {
    fixedSince = parseSince(args.since, now);
    if (!fixedSince) throw new ToolError(`Could not read since "${args.since}". Give an ISO time (2026-11-15T08:00:00-07:00) or a span back from now (36h, 7d).`);
    if (fixedSince.getTime() > now.getTime()) throw new ToolError("since is in the future; give a past time.");
    if (now.getTime() - fixedSince.getTime() > MAX_BACK_MS) throw new ToolError("since is more than 180 days ago; give a more recent time.");
  }
  const prev = fixedSince ? undefined : parseState((await readStateText(ctx.stateDir, STATE_FILE)) ?? "");
  const baseline = !fixedSince && !prev;
  const state: ChangeState = prev ? { ...prev, classes: { ...prev.classes }, feeds: { ...prev.feeds } } : emptyState(now);
  const feedSince = (name: string): Date => fixedSince ?? parseHaloDate(state.feeds[name] ?? state.lastCheck) ?? now;

  const [classes, alertsFeed, inboxFeed, me] = await Promise.all([
    scopeClasses(ctx),
    settle(fetchUserAlerts(ctx.halo).then((p) => p.alerts)),
    settle(fetchInboxPanel(ctx.halo)),
    ctx.halo.session().then((s) => s.userId),
  ]);
  const alerts: RawAlert[] = alertsFeed.ok ? alertsFeed.value : [];
  const fan = await fanOut(ctx, classes, async (cls) => {
    // Statuses, published scores and due dates are all in the gradebook core: no companion.
    const [gb, posts] = await Promise.all([loadGrades(ctx, cls, 0, []), baseline ? Promise.resolve([]) : softAnnouncementPosts(ctx, cls, alerts)]);
    return { gb, posts };
  }, (cls) => gradesKey(cls.slugId));

  const all = await plannerClasses(ctx); // cached: messages and alerts may come from finished or future classes
  const codeOf = (id?: string | null) => all.find((c) => c.id === id)?.courseCode;
  const changes: ItemChange[] = [];
  const anns: NewAnnouncement[] = [];
  const newClasses: string[] = [];
  for (const { cls, value } of fan.loaded) {
    const items: WorkItem[] = workItems(cls, value.gb.grades, ctx.config.halo.baseUrl, now);
    const mark = state.classes[cls.id];
    const since = fixedSince ?? parseHaloDate(mark?.at ?? state.lastCheck) ?? now;
    if (fixedSince) {
      const gradedAt = new Map(value.gb.grades.map((g) => [g.id, parseHaloDate(g.gradedDate)]));
      for (const it of items) if (it.state === "graded" && (gradedAt.get(it.gradeId)?.getTime() ?? 0) > since.getTime()) changes.push({ type: "graded", item: it });
    } else {
      if (!mark && !baseline) newClasses.push(cls.courseCode);
      changes.push(...diffClass(mark, items));
      state.classes[cls.id] = classMark(cls.courseCode, now, items);
    }
    anns.push(...newAnnouncements(cls.courseCode, value.posts, since, now, me));
  }
  const msgs = inboxFeed.ok ? newMessages(inboxFeed.value as RawInboxPanel[], feedSince("inbox"), me, codeOf) : [];
  const newAl = alertsFeed.ok ? newAlerts(alerts, feedSince("alerts"), codeOf) : [];

  const notes: string[] = [];
  if (!alertsFeed.ok) notes.push(`⚠ Alerts could not be loaded — ${alertsFeed.reason}; they will be checked again next time.`);
  if (!inboxFeed.ok) notes.push(`⚠ Inbox could not be loaded — ${inboxFeed.reason}; it will be checked again next time.`);
  const cov = coverageNote(fan, "changes");
  if (cov) notes.push(cov);
  if (newClasses.length) notes.push(`First look at ${newClasses.join(", ")}: recorded as a baseline, changes are reported from now on.`);

  if (!fixedSince) {
    if (alertsFeed.ok) state.feeds.alerts = now.toISOString();
    if (inboxFeed.ok) state.feeds.inbox = now.toISOString();
    state.lastCheck = now.toISOString();
    await writeStateText(ctx.stateDir, STATE_FILE, JSON.stringify(state));
  }
  if (baseline) {
    return [
      `Baseline recorded at ${formatDate(now, tz, now)} for ${classes.map((c) => c.courseCode).join(", ") || "no current classes"}: this is the first what_changed call, so there is nothing to compare yet. The next call reports what changed after this moment. For recent history now, call what_changed with since (e.g. "7d").`,
      ...notes,
    ].join("\n");
  }
  const sinceText = fixedSince ? `${when(fixedSince, tz, now)}` : `your last check, ${when(parseHaloDate(prev!.lastCheck) ?? now, tz, now)}`;
  const body = render({ since: sinceText, changes, anns, msgs, alerts: newAl, tz, now });
  if (fixedSince) notes.push("Due-date changes are only tracked between what_changed calls without since.");
  else notes.push("Watermark moved to now.");
  return [...body, ...notes].join("\n");
}

const whatChangedTool = defineTool({
  name: "what_changed",
  title: "What changed",
  description:
    "New grades, announcements, messages, moved due dates and unread alerts across current classes since your last what_changed call (the first records a baseline) or a given time. Keeps a local watermark file; changes nothing in Halo.",
  input: z.object({
    since: z.string().max(60).optional().describe("Look back from this ISO time or span (36h, 7d) instead of the last call; leaves the watermark alone."),
  }),
  kind: "read",
  handler: (args, ctx) => whatChanged(args, ctx),
});

export const tools: ToolDef[] = [whatChangedTool];
