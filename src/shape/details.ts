/**
 * assignment_details: everything the student needs to do one piece of work — instructions, rubric, files,
 * flags, their own submission — plus the Halo page to open. Instructor-written text is quoted as data.
 */
import { plainText } from "../format/entities.js";
import type { RawAssessment, RawSubmission } from "../queries/assessment.js";
import type { RawAssessmentGrade } from "../queries/gradebook.js";
import { parseHaloDate } from "../format/dates.js";
import { htmlToMarkdown } from "../format/html.js";
import { clip, fields, quoteLines } from "../format/text.js";
import { compact } from "../queries/common.js";
import { deadlineMet, dueOf, num, scoreText, statusWord, tagList, typeWord, whenAt, type Clock } from "./common.js";

export interface DetailInput {
  assessment: RawAssessment;
  grade?: RawAssessmentGrade;
  submission?: RawSubmission | null;
  classLabel: string;
  link: string;
  maxChars: number;
}

export function renderRubric(a: RawAssessment): string | undefined {
  const criteria = compact(a.rubric?.criteria).sort((x, y) => (x.sequence ?? 0) - (y.sequence ?? 0));
  if (criteria.length === 0) return undefined;
  const lines: string[] = [];
  for (const c of criteria) {
    const desc = htmlToMarkdown(c.description).replace(/\s*\n+\s*/g, " ");
    lines.push(`- ${plainText(c.name) || "Criterion"}${c.points !== null && c.points !== undefined ? ` (${num(c.points)} pts)` : ""}${desc ? `: ${desc}` : ""}`);
    const levels = compact(c.achievementLevels).sort((x, y) => (y.points ?? 0) - (x.points ?? 0));
    for (const l of levels) {
      const ld = htmlToMarkdown(l.description).replace(/\s*\n+\s*/g, " ");
      lines.push(`  - ${plainText(l.name) || "Level"}${l.points !== null && l.points !== undefined ? ` (${num(l.points)})` : ""}${ld ? `: ${ld}` : ""}`);
    }
  }
  const title = a.rubric?.name ? `Rubric "${plainText(a.rubric.name)}"` : "Rubric";
  return `## ${title}\n${quoteLines(lines.join("\n"))}`;
}

function renderSubmission(sub: RawSubmission | null | undefined, grade: RawAssessmentGrade | undefined, c: Clock): string {
  const lines: string[] = [];
  const status = grade?.status;
  const submitted = parseHaloDate(sub?.submissionDate ?? grade?.assignmentSubmission?.submissionDate ?? grade?.userQuizAssessment?.submissionDate ?? grade?.post?.publishDate);
  lines.push(fields([
    ["Status", status ? statusWord(status) : sub?.status?.toLowerCase().replace(/_/g, " ")],
    ["submitted", submitted ? whenAt(submitted, c) : undefined],
    ["score", status === "PUBLISHED" ? scoreText(grade?.finalPoints, grade?.assessment.points) : undefined],
    ["reassigned before", grade?.isEverReassigned ? true : undefined],
  ]) || "Status: not started");
  if (grade?.assessmentGroup?.name) lines.push(`Group: ${plainText(grade.assessmentGroup.name)}`);
  const files = compact(sub?.resources);
  if (files.length) {
    lines.push(`Files attached (${files.length}; resource_id is for download_resource):`);
    for (const f of files) {
      lines.push(`- ${fields([
        ["", plainText(f.resource?.name) || "file"],
        ["uploaded", whenAt(f.uploadDate, c)],
        ["words", f.wordCount ?? undefined],
        ["similarity", f.similarityScore !== null && f.similarityScore !== undefined ? `${num(f.similarityScore)}%` : undefined],
        ["resource_id", f.resource?.id],
      ])}`);
    }
  } else if (sub) {
    lines.push("No files attached yet.");
  }
  return `## Your work\n${lines.join("\n")}`;
}

export function renderDetails(input: DetailInput, c: Clock): string {
  const { assessment: a, grade, submission } = input;
  const due = dueOf(grade, a);
  const start = parseHaloDate(a.startDate);
  const flags: string[] = [];
  if (a.requiresLopesWrite) flags.push("LopesWrite similarity check required");
  if (a.isGroupEnabled) flags.push("group assignment");
  if (a.inPerson) flags.push("in person");
  const tags = tagList(a.tags).filter((t) => t !== "in person");
  const out: string[] = [
    `# ${plainText(a.title)} (${input.classLabel})`,
    fields([
      ["", typeWord(a.type)],
      ["", a.points !== null && a.points !== undefined ? `${num(a.points)} points` : undefined],
      ["due", whenAt(due, c, deadlineMet(grade?.status))],
      ["accommodated", grade?.accommodatedDueDate || a.accommodatedDueDate ? true : undefined],
      ["opens", start && start > c.now ? whenAt(start, c, true) : undefined],
    ]),
  ];
  if (flags.length) out.push(flags.join(" · "));
  if (tags.length) out.push(`Tags: ${tags.join(", ")}`);
  out.push(`Open in Halo: ${input.link}`, `assessment_id: ${a.id}`);

  const body = htmlToMarkdown(a.description);
  out.push("", "## Instructions", body ? quoteLines(clip(body, input.maxChars, "Call assignment_details again with a larger max_chars for the rest.")) : "(Halo shows no written instructions for this item.)");

  const rubric = renderRubric(a);
  if (rubric) out.push("", rubric);

  const attachments = compact(a.attachments).filter((x) => x.resourceId);
  if (attachments.length) {
    out.push("", "## Attachments (resource_id is for download_resource)");
    for (const x of attachments) out.push(`- ${plainText(x.title) || "file"} · resource_id: ${x.resourceId}`);
  }
  out.push("", renderSubmission(submission, grade, c));
  return out.join("\n");
}
