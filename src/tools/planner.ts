/**
 * Cross-class planning: what is due soon and what is missing, across every current class in one call.
 */
import { z } from "zod";
import { formatDate } from "../format/dates.js";
import { endOfLocalDay } from "../format/zoned.js";
import { plural } from "../format/text.js";
import { byDue, isDone, type WorkItem } from "../assistant/items.js";
import { coverageNote } from "../assistant/load.js";
import { dqNote, itemBlock } from "../assistant/render.js";
import { DEADLINE_FACTS, loadWork, scopeLabel } from "../assistant/work.js";
import { classFilter } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import type { ToolContext } from "../queries/context.js";

const DAY = 86_400_000;
/** Said once in the header instead of a Halo link on every item (the link was ~45% of the answer). */
const IDS_NOTE = "Item ids are for assignment_details (it gives the Halo link).";
const MAX_ITEMS = 60;

function cap(items: WorkItem[]): { shown: WorkItem[]; note: string } {
  if (items.length <= MAX_ITEMS) return { shown: items, note: "" };
  return { shown: items.slice(0, MAX_ITEMS), note: `\n[… ${items.length - MAX_ITEMS} more not shown; narrow with days or class_ref.]` };
}

export async function whatsDueText(ctx: ToolContext, args: { days: number; class_ref?: string; include_done: boolean }): Promise<string> {
  const work = await loadWork(ctx, args.class_ref, DEADLINE_FACTS);
  const now = ctx.now();
  const tz = ctx.config.timezone;
  const end = endOfLocalDay(new Date(now.getTime() + args.days * DAY), tz);
  const inWindow = work.items.filter((it) => it.due && it.due.getTime() >= now.getTime() && it.due.getTime() <= end.getTime()).sort(byDue);
  const done = inWindow.filter(isDone);
  const list = args.include_done ? inWindow : inWindow.filter((it) => !isDone(it));
  const overdue = work.items.filter((it) => it.state === "missing" || (it.state === "reassigned" && it.due && it.due.getTime() < now.getTime()));
  const head = `Due now through ${formatDate(end, tz, now)} (${plural(args.days, "day")}) in ${scopeLabel(work.classes, args.class_ref)}: ${plural(list.length, "item")}${
    !args.include_done && done.length ? ` to do (${done.length} turned in or graded not shown; include_done: true shows them)` : ""
  }.${list.length ? ` ${IDS_NOTE}` : ""}`;
  const { shown, note } = cap(list);
  const o = { tz, now, policies: work.policies, grades: work.grades };
  const body = shown.length ? itemBlock(shown, o) + note : "Nothing due in this window.";
  const tail = [dqNote(shown, o), overdue.length ? `Also ${plural(overdue.length, "past-due item")} not turned in — see missing_work.` : "", coverageNote(work.fan, "deadlines")].filter(Boolean);
  return [head, body, ...tail].join("\n");
}

const whatsDue = defineTool({
  name: "whats_due",
  title: "What's due",
  description:
    "Everything due soon across current classes (or one), soonest first: assignments, quizzes, discussions, participation, with your own due date (accommodated/group), status, points and the id assignment_details takes (it has the Halo link). Start here for what is due.",
  input: z.object({
    days: z.number().int().min(1).max(120).default(7).describe("Days ahead, through the end of that day in your time zone."),
    class_ref: classFilter(),
    include_done: z.boolean().default(false).describe("Also list items already turned in or graded."),
  }),
  kind: "read",
  handler: (args, ctx) => whatsDueText(ctx, args),
});

const missingWork = defineTool({
  name: "missing_work",
  title: "Missing work",
  description: "Past-due work you have not turned in (incl. reassigned items), plus anything due within 48 hours not yet turned in, across current classes.",
  input: z.object({}),
  kind: "read",
  handler: async (_args, ctx) => {
    const work = await loadWork(ctx, undefined, DEADLINE_FACTS);
    const now = ctx.now();
    const tz = ctx.config.timezone;
    const soon = now.getTime() + 2 * DAY;
    const past = work.items.filter((it) => it.state === "missing" || (it.state === "reassigned" && (!it.due || it.due.getTime() < now.getTime()))).sort(byDue);
    const sentBack = work.items.filter((it) => it.state === "reassigned" && it.due && it.due.getTime() >= now.getTime()).sort(byDue);
    const urgent = work.items
      .filter((it) => (it.state === "not_started" || it.state === "in_progress") && it.due && it.due.getTime() >= now.getTime() && it.due.getTime() <= soon)
      .sort(byDue);
    const o = { tz, now, policies: work.policies, grades: work.grades };
    const parts = [
      `Missing work in ${scopeLabel(work.classes)}${past.length + urgent.length + sentBack.length ? `. ${IDS_NOTE}` : ":"}`,
      past.length ? `Past due, not turned in (${past.length}):\n${itemBlock(past, o)}` : "Past due: nothing missing.",
      urgent.length ? `Due within 48 hours, not turned in yet (${urgent.length}):\n${itemBlock(urgent, o)}` : "Due within 48 hours: nothing left to start.",
      sentBack.length ? `Sent back for resubmission, due later (${sentBack.length}):\n${itemBlock(sentBack, o)}` : "",
      dqNote([...past, ...urgent, ...sentBack], o),
      coverageNote(work.fan, "items"),
    ];
    return parts.filter(Boolean).join("\n");
  },
});

export const tools: ToolDef[] = [whatsDue, missingWork];
