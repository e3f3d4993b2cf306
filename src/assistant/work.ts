/**
 * The shared read behind whats_due, missing_work, grades_summary and the calendar: current classes'
 * gradebooks in parallel, turned into work items. Costs one class-list call plus, per class, the gradebook core
 * and one call per need the tool's answer has (WorkNeeds), all in parallel after the class list.
 */
import { noteDegraded } from "../halo/degraded.js";
import { isHaloError } from "../halo/errors.js";
import { READ_TTL_MS } from "../queries/cached.js";
import { fetchClassDetail, type RawClassDetail } from "../queries/class-detail.js";
import { withUnitAssessments, type GradePart, type RawAssessmentGrade, type RawClassGrade } from "../queries/gradebook.js";
import type { ToolContext } from "../queries/context.js";
import { normalisePolicy, type Policy } from "./dq.js";
import { workItems, type WorkItem } from "./items.js";
import { fanOut, GRADES_TTL, gradesKey, loadGrades, scopeClasses, type FanOut, type PlannerClass } from "./load.js";

export interface Work {
  classes: PlannerClass[];
  fan: FanOut<RawClassGrade>;
  items: WorkItem[];
  policies: Map<string, Policy | undefined>;
  grades: Map<string, RawAssessmentGrade>;
}

/** What an answer prints beyond the witnessed gradebook core; each need costs one more call per class. */
export interface WorkNeeds {
  /**
   * Discussion policy lines, "opens" dates, derived initial-post deadlines, group flags and group/extended due-date
   * sources: class detail, whose unit listing is witnessed and carries the assessment facts the core lacks.
   */
  classFacts?: boolean;
  /** Group names and participation progress: the gradebook's groups companion. */
  groups?: boolean;
}

/** Every deadline fact: whats_due, missing_work and export_calendar print them all. */
export const DEADLINE_FACTS: WorkNeeds = { classFacts: true, groups: true };

const CLASS_FACTS = "participation policy, start dates and group flags";

export async function loadWork(ctx: ToolContext, classRef?: string, needs: WorkNeeds = {}): Promise<Work> {
  const classes = await scopeClasses(ctx, classRef);
  const parts: GradePart[] = needs.groups ? ["groups"] : [];
  const policies = new Map<string, Policy | undefined>();
  const fan = await fanOut(ctx, classes, async (cls) => {
    // Class detail runs beside the gradebook, never after it; it is softened only once the core has loaded, so a
    // class that fails as a whole is reported once (as failed), not also as missing its policy.
    const detail = needs.classFacts ? cachedClassDetail(ctx, cls) : undefined;
    detail?.catch(() => undefined);
    const book = await loadGrades(ctx, cls, GRADES_TTL, parts);
    if (!detail) return book;
    const d = await soft(detail, CLASS_FACTS);
    policies.set(cls.id, normalisePolicy(d?.participationPolicy));
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
  return { classes, fan, items, policies, grades };
}

/**
 * A class's participation policy, read lazily from class detail (the class list never selects it: no witness
 * does there). A failure costs only the policy lines.
 */
export async function classPolicy(ctx: Pick<ToolContext, "halo" | "cache">, cls: PlannerClass): Promise<Policy | undefined> {
  return normalisePolicy((await soft(cachedClassDetail(ctx, cls), "participation policy"))?.participationPolicy);
}

/** Class detail, cached and shared with the class tools. */
const cachedClassDetail = (ctx: Pick<ToolContext, "halo" | "cache">, cls: PlannerClass): Promise<RawClassDetail | null> =>
  ctx.cache.get(`class:${cls.slugId}`, READ_TTL_MS, () => fetchClassDetail(ctx.halo, cls.slugId, cls.id));

/** Class detail for a side feature: a failure costs only `feature` (a dead session still ends the call). */
async function soft(detail: Promise<RawClassDetail | null>, feature: string): Promise<RawClassDetail | undefined> {
  try {
    return (await detail) ?? undefined;
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
