/**
 * Where the student stands: every current class at a glance, and what it takes to reach a target grade.
 */
import { z } from "zod";
import { plural } from "../format/text.js";
import { workItems } from "../assistant/items.js";
import { coverageNote, scopeClasses } from "../assistant/load.js";
import { pts, standingOf, titles } from "../assistant/standing.js";
import { applyWhatIf, computeTarget, letterFor, normaliseScale, parseTarget, round, type GradeItem, type ScaleEntry } from "../assistant/target.js";
import { loadWork, scopeLabel } from "../assistant/work.js";
import { classDetail, classGrades } from "../queries/cached.js";
import { classRef } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import { ToolError } from "../queries/tool-error.js";

const gradesSummary = defineTool({
  name: "grades_summary",
  title: "Grades summary",
  description:
    "Every current class at a glance: Halo's letter, points and percentage of published (graded) work, what awaits a grade and what is still to do (item by item: grades).",
  input: z.object({}),
  kind: "read",
  handler: async (_args, ctx) => {
    const work = await loadWork(ctx);
    const blocks = work.fan.loaded.map(({ cls, value }) => {
      const items = work.items.filter((i) => i.cls.id === cls.id);
      const s = standingOf(value, items);
      const pct = s.percent !== undefined ? `${round(s.earned, 2)}/${s.gradedMax} pts = ${round(s.percent)}% of published work (${plural(s.gradedCount, "graded item")})` : "no published grades yet";
      const lines = [`${cls.courseCode} ${cls.name} — ${s.letter ? `${s.letter}${s.finalPublished ? " (final, published)" : " (Halo's current letter)"} · ` : ""}${pct}`];
      if (s.awaiting.length) lines.push(`  awaiting a grade: ${plural(s.awaiting.length, "item")}, ${pts(s.awaiting)} pts (${titles(s.awaiting)})`);
      if (s.missing.length) lines.push(`  MISSING: ${plural(s.missing.length, "item")}, ${pts(s.missing)} pts (${titles(s.missing)}) — see missing_work`);
      if (s.todo.length) lines.push(`  still to do: ${plural(s.todo.length, "item")}, ${pts(s.todo)} pts`);
      return lines.join("\n");
    });
    const head = `Grades in ${scopeLabel(work.classes)}. Percentages count only published grades, as Halo's gradebook does; grade_target projects a final grade.`;
    return [head, ...blocks, coverageNote(work.fan, "grades")].filter(Boolean).join("\n");
  },
});

function verdictText(v: ReturnType<typeof computeTarget>, scale: ScaleEntry[], targetLabel: string): string[] {
  const L = (p: number) => `${round(p)}%${letterFor(p, scale) ? ` (${letterFor(p, scale)})` : ""}`;
  const lines: string[] = [];
  if (v.verdict === "secured") lines.push(`SECURED: ${targetLabel} is reached even with zero on everything left.`);
  else if (v.verdict === "impossible") lines.push(`IMPOSSIBLE: even full marks on everything left give ${L(v.bestPercent)}, below ${targetLabel}.`);
  else lines.push(`ACHIEVABLE: you need an average of ${round(v.neededAverage ?? 0)}% on the remaining ${v.remainingMax} pts (${round((v.neededAverage ?? 0) * v.remainingMax / 100, 2)} more points).`);
  lines.push(`Range for the final grade: ${L(v.floorPercent)} with zeros on the rest, up to ${L(v.bestPercent)} with full marks.`);
  if (v.nearBoundary) lines.push("Close to the line: Halo's rounding rule is not published, so treat this as borderline.");
  return lines;
}

const gradeTarget = defineTool({
  name: "grade_target",
  title: "Grade target",
  description:
    "The average you need on one class's remaining work to reach a letter (on the class's own scale) or percentage, and whether it is secured, achievable or impossible; what_if applies hypothetical scores first.",
  input: z.object({
    class_ref: classRef(),
    target: z.string().min(1).max(20).describe("A letter on the class's scale (B+) or a percentage (85)."),
    what_if: z
      .array(z.object({ item: z.string().min(1).max(200).describe("Item title (or part) or assessment id."), score: z.number().min(0).max(10_000).describe("Hypothetical points.") }))
      .max(50)
      .optional()
      .describe("Hypothetical scores; they replace published ones too."),
  }),
  kind: "read",
  handler: async (args, ctx) => {
    const [cls] = await scopeClasses(ctx, args.class_ref);
    if (!cls) throw new ToolError(`No class matches "${args.class_ref}".`);
    const [gb, detail] = await Promise.all([classGrades(ctx, cls), classDetail(ctx, cls)]);
    const scale = normaliseScale(detail.gradeScale);
    const target = parseTarget(args.target, scale);
    if ("error" in target) throw new ToolError(target.error);
    const items = workItems(cls, gb.grades, ctx.config.halo.baseUrl, ctx.now()).filter((i) => (i.points ?? 0) > 0);
    if (!items.length) throw new ToolError(`Halo lists no graded work with points for ${cls.courseCode} yet, so there is nothing to project.`);
    let parts: GradeItem[] = items.map((i) => ({ id: i.assessmentId, title: i.title, points: i.points ?? 0, ...(i.state === "graded" && i.score !== undefined ? { earned: i.score } : {}) }));
    const lines = [`${cls.courseCode} ${cls.name} — target ${target.label}`];
    if (args.what_if?.length) {
      const w = applyWhatIf(parts, args.what_if);
      if ("error" in w) throw new ToolError(w.error);
      parts = w.items;
      lines.push(`What-if (hypothetical, nothing in Halo changes): ${w.applied.map((a) => `"${a.title}" = ${a.score}/${a.points}${a.replaced !== undefined ? ` (actual ${a.replaced})` : ""}`).join("; ")}.`);
    }
    const v = computeTarget(parts, target.percent);
    const now = v.currentPercent !== undefined ? `${round(v.earned, 2)}/${v.gradedMax} graded pts = ${round(v.currentPercent)}%${letterFor(v.currentPercent, scale) ? ` (${letterFor(v.currentPercent, scale)})` : ""}` : "nothing graded yet";
    lines.push(`Now: ${now}. Remaining: ${v.remainingMax} of ${v.totalMax} class pts not yet graded.`);
    lines.push(...verdictText(v, scale, target.label));
    const missing = new Set(items.filter((i) => i.state === "missing").map((i) => i.assessmentId));
    const lost = parts.filter((p) => missing.has(p.id) && p.earned === undefined);
    if (lost.length) {
      const z = computeTarget(parts.map((p) => (missing.has(p.id) && p.earned === undefined ? { ...p, earned: 0 } : p)), target.percent);
      const what = z.verdict === "achievable" ? `you need ${round(z.neededAverage ?? 0)}% on the other ${z.remainingMax} pts` : z.verdict;
      lines.push(`If your missing work (${lost.map((p) => `"${p.title}"`).join(", ")}, ${lost.reduce((n, p) => n + p.points, 0)} pts) stays at zero: ${what}.`);
    }
    lines.push(`Assumes the final grade is points earned over all ${v.totalMax} pts listed in your Halo gradebook, with no extra credit or dropped items.`);
    return lines.join("\n");
  },
});

export const tools: ToolDef[] = [gradesSummary, gradeTarget];