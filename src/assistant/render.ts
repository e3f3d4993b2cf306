/**
 * Work items as compact text: one line per item, date first (the question is usually "when") and the
 * assessment id last; no per-item link (assignment_details gives it). A relative phrase only for deadlines
 * still ahead and not met.
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
      return "in progress (participation)";
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

export function itemLines(it: WorkItem, o: RenderOpts): string[] {
  const due = it.due ? when(it.due, o.tz, o.now, DONE.has(it.state)) : "no due date";
  const bits = [`${it.cls.courseCode} ${KIND[it.kind]} "${it.title}"`];
  if (it.start && it.start.getTime() > o.now.getTime()) bits.push(`opens ${when(it.start, o.tz, o.now)}`);
  if (it.points !== undefined) bits.push(`${it.points} pts`);
  bits.push(stateLabel(it));
  if (SOURCE[it.dueSource]) bits.push(SOURCE[it.dueSource]);
  if (it.group) bits.push(`group: ${it.group}`);
  else if (it.groupWork) bits.push("group work");
  if (it.submittedAt && (it.state === "submitted" || it.state === "late")) bits.push(`turned in ${when(it.submittedAt, o.tz, o.now)}`);
  const lines = [`- ${due} — ${bits.join(" · ")} · ${it.assessmentId}`];
  if (it.kind === "discussion" && it.due && !["graded"].includes(it.state)) {
    const policy = o.policies?.get(it.cls.id);
    const d = dqDeadlines(it.due, policy, it.start, o.tz);
    if (d && policy) {
      // Only the student's own post makes the initial post done: a started, missing or reassigned row may have none.
      let initial = "initial post done";
      if (!it.posted) {
        const ip = d.initialPost;
        const passed = ip && ip.getTime() < o.now.getTime();
        initial = ip ? `initial post ${passed ? "was due" : "due by"} ${when(ip, o.tz, o.now)} (derived: Day 3 of the topic week)${passed ? " — post it now" : ""}` : "initial post by the due date";
      }
      lines.push(`  ${initial}; replies by the due date; class policy: ${policyText(policy)}`);
    }
  }
  if (it.kind === "participation") {
    const n = o.grades?.get(it.gradeId)?.participationSummary?.allPostsCount;
    if (typeof n === "number") lines.push(`  posts counted so far: ${n}`);
  }
  return lines;
}

export function itemBlock(items: WorkItem[], o: RenderOpts): string {
  return items.flatMap((it) => itemLines(it, o)).join("\n");
}
