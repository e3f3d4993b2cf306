/**
 * Work items as compact text: one line per item, date first (the question is usually "when") and the
 * assessment id last; no per-item link (assignment_details gives it). A relative phrase only for deadlines
 * still ahead and not met. What every discussion line would repeat (replies by the due date, how the
 * initial-post date is derived, the class policy) is said once, by dqNote.
 */
import { when } from "../format/dates.js";
import type { RawGrade } from "./raw.js";
import { dqDeadlines, policyText, type Policy } from "./dq.js";
import type { WorkItem } from "./items.js";

const KIND: Record<WorkItem["kind"], string> = { assignment: "Assignment", quiz: "Quiz", discussion: "Discussion", participation: "Participation", external: "External tool" };

export function stateLabel(it: WorkItem): string {
  switch (it.state) {
    case "graded":
      return it.score !== undefined ? `graded ${it.score}${it.points !== undefined ? `/${it.points}` : ""}` : "graded";
    case "submitted":
      return "submitted, awaiting grade";
    case "late":
      return "submitted late";
    case "reassigned":
      return "reassigned — resubmit";
    case "missing":
      return "missing";
    case "in_progress":
      return "started, not turned in";
    case "not_started":
      return it.kind === "discussion" ? "no post yet" : "not started";
    case "open":
      return "in progress"; // participation: the kind already says so
  }
}

const SOURCE: Record<WorkItem["dueSource"], string> = { accommodated: "your accommodated date", group: "your group's date", extended: "your extended date", class: "" };

const DONE = new Set<WorkItem["state"]>(["graded", "submitted", "late"]);

export interface RenderOpts {
  tz: string;
  now: Date;
  policies?: Map<string, Policy | undefined>;
  grades?: Map<string, RawGrade>;
}

/** `CST-323 Quiz "Topic 4 Quiz"`, or `CST-323 Participation` when the title is only the kind. */
function what(it: WorkItem): string {
  const kind = KIND[it.kind];
  return it.title.toLowerCase() === kind.toLowerCase() ? `${it.cls.courseCode} ${kind}` : `${it.cls.courseCode} ${kind} "${it.title}"`;
}

/** A discussion's policy, when the derived initial-post line applies to it. */
function dqPolicy(it: WorkItem, o: RenderOpts): Policy | undefined {
  return it.kind === "discussion" && it.due && it.state !== "graded" ? o.policies?.get(it.cls.id) : undefined;
}

export function itemLines(it: WorkItem, o: RenderOpts): string[] {
  const due = it.due ? when(it.due, o.tz, o.now, DONE.has(it.state)) : "no due date";
  const bits = [what(it)];
  if (it.start && it.start.getTime() > o.now.getTime()) bits.push(`opens ${when(it.start, o.tz, o.now, true)}`); // not a deadline: no "(in 3 days)"
  if (it.points !== undefined) bits.push(`${it.points} pts`);
  const posts = it.kind === "participation" ? o.grades?.get(it.gradeId)?.participationSummary?.allPostsCount : undefined;
  bits.push(typeof posts === "number" ? `${stateLabel(it)}, ${posts} posts counted so far` : stateLabel(it));
  if (SOURCE[it.dueSource]) bits.push(SOURCE[it.dueSource]);
  if (it.group) bits.push(`group: ${it.group}`);
  else if (it.groupWork) bits.push("group work");
  if (it.submittedAt && (it.state === "submitted" || it.state === "late")) bits.push(`turned in ${when(it.submittedAt, o.tz, o.now)}`);
  const lines = [`- ${due} — ${bits.join(" · ")} · ${it.assessmentId}`];
  const policy = dqPolicy(it, o);
  const d = policy && it.due ? dqDeadlines(it.due, policy, it.start, o.tz) : undefined;
  if (d) {
    // Only the student's own post makes the initial post done: a started, missing or reassigned row may have none.
    const ip = d.initialPost;
    const passed = !!ip && ip.getTime() < o.now.getTime();
    lines.push(`  initial post ${it.posted ? "done" : ip ? `${passed ? "was due" : "due by"} ${when(ip, o.tz, o.now)}${passed ? " — post it now" : ""}` : "by the due date"}`);
  }
  return lines;
}

export function itemBlock(items: WorkItem[], o: RenderOpts): string {
  return items.flatMap((it) => itemLines(it, o)).join("\n");
}

/**
 * The one note for every discussion line shown: replies are due by the item's date, the initial-post date is
 * derived, and each class's policy (one phrase when the classes share it). "" when no line needs it.
 */
export function dqNote(items: WorkItem[], o: RenderOpts): string {
  const byPolicy = new Map<string, string[]>();
  let derived = false;
  for (const it of items) {
    const p = dqPolicy(it, o);
    if (!p || !it.due) continue;
    const codes = byPolicy.get(policyText(p)) ?? [];
    if (!codes.includes(it.cls.courseCode)) codes.push(it.cls.courseCode);
    byPolicy.set(policyText(p), codes);
    if (!it.posted && dqDeadlines(it.due, p, it.start, o.tz)?.initialPost) derived = true;
  }
  if (!byPolicy.size) return "";
  const policies = [...byPolicy].map(([text, codes]) => `${codes.join(", ")}: ${text}`).join("; ");
  return `Discussions: replies by the due date${derived ? "; initial-post dates are derived (Day 3 of the topic week)" : ""}; class policy ${policies}.`;
}
