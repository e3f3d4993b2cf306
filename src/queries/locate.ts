/**
 * Finds one assessment from what the student said: an id, or a title fragment within one class or across
 * their current classes. Ambiguity lists candidates (with ids) rather than guessing.
 */
import type { ToolContext } from "./context.js";
import type { ClassSummary } from "./class-directory.js";
import { ToolError } from "./tool-error.js";
import { pickByTitle } from "./match.js";
import { classGrades, classLabel } from "./cached.js";
import { fetchAssessment, type RawAssessment } from "./assessment.js";
import type { RawAssessmentGrade } from "./gradebook.js";

export interface LocateArgs {
  assessment_id?: string;
  title?: string;
  class_ref?: string;
}

export interface Located {
  cls: ClassSummary;
  id: string;
  title: string;
  grade?: RawAssessmentGrade;
  /** Set when the lookup already had to read the full assessment. */
  assessment?: RawAssessment;
}

interface Candidate {
  id: string;
  title: string;
  cls: ClassSummary;
  grade: RawAssessmentGrade;
}

async function candidatesIn(ctx: ToolContext, classes: ClassSummary[]): Promise<Candidate[]> {
  const settled = await Promise.allSettled(classes.map(async (cls) => (await classGrades(ctx, cls)).grades.map((g) => ({ id: g.assessment.id, title: g.assessment.title, cls, grade: g }))));
  const ok = settled.flatMap((s) => (s.status === "fulfilled" ? s.value : []));
  // One unreadable class should not hide the others, but if every class failed the student must hear why.
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (ok.length === 0 && failed) throw failed.reason;
  return ok;
}

export async function locateAssessment(ctx: ToolContext, args: LocateArgs): Promise<Located> {
  const id = args.assessment_id?.trim();
  const title = args.title?.trim();
  if (!id && !title) throw new ToolError("Give assessment_id (from view_assignments or grades) or a title to search for.");
  const fixed = args.class_ref ? await ctx.classes.resolve(args.class_ref) : undefined;

  if (id) {
    const pool = await candidatesIn(ctx, fixed ? [fixed] : await ctx.classes.current());
    const hit = pool.find((c) => c.id.toLowerCase() === id.toLowerCase());
    if (hit) return { cls: hit.cls, id: hit.id, title: hit.title, grade: hit.grade };
    // Not in the searched gradebooks (a past class, or no grade row yet): ask Halo for the assessment itself.
    const a = await fetchAssessment(ctx.halo, id, fixed);
    if (!a) throw new ToolError(`Halo has no assessment with id ${id}. Use view_assignments to list ids.`);
    const cls = fixed ?? (await ctx.classes.list()).find((c) => c.id === a.courseClassId);
    if (!cls) throw new ToolError(`Assessment ${id} ("${a.title}") belongs to a class that is not one of yours.`);
    const grade = fixed ? undefined : (await classGrades(ctx, cls)).grades.find((g) => g.assessment.id === a.id);
    return { cls, id: a.id, title: a.title, ...(grade ? { grade } : {}), assessment: a };
  }

  const classes = fixed ? [fixed] : await ctx.classes.current();
  if (classes.length === 0) throw new ToolError("You have no current classes to search; pass class_ref.");
  const pool = await candidatesIn(ctx, classes);
  const scopeNote = fixed ? `in ${classLabel(fixed)}` : "in your current classes";
  const hit = pickByTitle(pool, title!, (c) => `"${c.title}" (${c.cls.courseCode}, assessment_id ${c.id})`, scopeNote);
  return { cls: hit.cls, id: hit.id, title: hit.title, grade: hit.grade };
}
