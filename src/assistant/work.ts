/**
 * The shared read behind whats_due, missing_work, grades_summary and the calendar: current classes'
 * gradebooks in parallel, turned into work items. Costs one class-list call plus one grades call per class.
 */
import type { RawAssessmentGrade, RawClassGrade } from "../queries/gradebook.js";
import type { ToolContext } from "../tools/context.js";
import { normalisePolicy, type Policy } from "./dq.js";
import { workItems, type WorkItem } from "./items.js";
import { fanOut, gradesKey, loadGrades, scopeClasses, type FanOut, type PlannerClass } from "./load.js";

export interface Work {
  classes: PlannerClass[];
  fan: FanOut<RawClassGrade>;
  items: WorkItem[];
  policies: Map<string, Policy | undefined>;
  grades: Map<string, RawAssessmentGrade>;
}

export async function loadWork(ctx: ToolContext, classRef?: string): Promise<Work> {
  const classes = await scopeClasses(ctx, classRef);
  const fan = await fanOut(ctx, classes, (cls) => loadGrades(ctx, cls), (cls) => gradesKey(cls.slugId));
  const now = ctx.now();
  const base = ctx.config.halo.baseUrl;
  const items: WorkItem[] = [];
  const grades = new Map<string, RawAssessmentGrade>();
  for (const l of fan.loaded) {
    items.push(...workItems(l.cls, l.value.grades, base, now));
    for (const g of l.value.grades) grades.set(g.id, g);
  }
  const policies = new Map(classes.map((c) => [c.id, normalisePolicy(c.participationPolicy)] as const));
  return { classes, fan, items, policies, grades };
}

export function scopeLabel(classes: PlannerClass[], classRef?: string): string {
  if (classRef) return classes[0] ? `${classes[0].courseCode} ${classes[0].name}` : classRef;
  return `${classes.length} current class${classes.length === 1 ? "" : "es"} (${classes.map((c) => c.courseCode).join(", ") || "none"})`;
}
