/**
 * The shared read behind whats_due, missing_work, grades_summary and the calendar: current classes'
 * gradebooks in parallel, turned into work items. Costs one class-list call plus one grades call per class.
 */
import { noteDegraded } from "../halo/degraded.js";
import { isHaloError } from "../halo/errors.js";
import { READ_TTL_MS } from "../queries/cached.js";
import { fetchClassDetail, type RawClassDetail } from "../queries/class-detail.js";
import { lacksAssessmentFacts, withUnitAssessments, type RawAssessmentGrade, type RawClassGrade } from "../queries/gradebook.js";
import type { ToolContext } from "../queries/context.js";
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
  const fan = await fanOut(ctx, classes, async (cls) => {
    const book = await loadGrades(ctx, cls);
    // Without the gradebook's flags companion, start dates and group flags come from class detail instead.
    if (!lacksAssessmentFacts(book)) return book;
    const d = await softClassDetail(ctx, cls, "assignment start dates and group flags");
    return d ? withUnitAssessments(book, d.units) : book;
  }, (cls) => gradesKey(cls.slugId));
  const now = ctx.now();
  const base = ctx.config.halo.baseUrl;
  const items: WorkItem[] = [];
  const grades = new Map<string, RawAssessmentGrade>();
  for (const l of fan.loaded) {
    items.push(...workItems(l.cls, l.value.grades, base, now));
    for (const g of l.value.grades) grades.set(g.id, g);
  }
  // Only classes with open discussion work need their policy; it costs a (shared, cached) class-detail read.
  const needPolicy = classes.filter((c) => items.some((it) => it.cls.id === c.id && it.kind === "discussion" && it.state !== "graded"));
  const policies = new Map(await Promise.all(needPolicy.map(async (c) => [c.id, await classPolicy(ctx, c)] as const)));
  return { classes, fan, items, policies, grades };
}

/**
 * A class's participation policy, read lazily from class detail (the class list never selects it: no witness
 * does there). A failure costs only the policy lines.
 */
export async function classPolicy(ctx: Pick<ToolContext, "halo" | "cache">, cls: PlannerClass): Promise<Policy | undefined> {
  return normalisePolicy((await softClassDetail(ctx, cls, "participation policy"))?.participationPolicy);
}

/** Class detail (cached, shared with the class tools) for a side feature: a failure costs only `feature`. */
async function softClassDetail(ctx: Pick<ToolContext, "halo" | "cache">, cls: PlannerClass, feature: string): Promise<RawClassDetail | undefined> {
  try {
    return (await ctx.cache.get(`class:${cls.slugId}`, READ_TTL_MS, () => fetchClassDetail(ctx.halo, cls.slugId, cls.id))) ?? undefined;
  } catch (err) {
    if (isHaloError(err) && (err.kind === "auth" || err.kind === "session_expired" || err.kind === "no_credentials")) throw err;
    noteDegraded(feature, "class details could not be read");
    return undefined;
  }
}

export function scopeLabel(classes: PlannerClass[], classRef?: string): string {
  if (classRef) return classes[0] ? `${classes[0].courseCode} ${classes[0].name}` : classRef;
  return `${classes.length} current class${classes.length === 1 ? "" : "es"} (${classes.map((c) => c.courseCode).join(", ") || "none"})`;
}
