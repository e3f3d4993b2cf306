/**
 * The syllabus resource: the parts of a class a student plans around — description, grade scale,
 * participation policy, holidays and instructors. Instructor-written text is quoted as data.
 */
import { parseHaloDate } from "../format/dates.js";
import { dayOf } from "../shape/common.js";
import { htmlToMarkdown } from "../format/html.js";
import { clip, quoted } from "../format/text.js";
import type { RawClassDetail } from "../queries/class-detail.js";
import { personName } from "../queries/common.js";
import { normalisePolicy, policyText } from "./dq.js";
import { normaliseScale, round } from "./target.js";

const DESCRIPTION_MAX = 4000;

export function renderSyllabus(d: RawClassDetail, tz: string): string {
  const out: string[] = [`# ${d.courseCode ?? ""} ${d.name ?? ""} (class_ref ${d.slugId})`.replace(/\s+/g, " ")];
  const span = [parseHaloDate(d.startDate), parseHaloDate(d.endDate)].map((x) => (x ? dayOf(x, tz) : "?"));
  out.push(`${(d.stage ?? "").toLowerCase().replace("_", "-")} · ${(d.modality ?? "").toLowerCase()} · ${d.credits ?? "?"} credits · ${span.join(" – ")}`);
  const desc = htmlToMarkdown(d.description);
  if (desc) out.push("## Description", quoted("course description", clip(desc, DESCRIPTION_MAX, "Open the class in Halo for the rest.")));

  const scale = normaliseScale(d.gradeScale);
  out.push("## Grade scale");
  out.push(scale.length ? scale.map((s) => `${s.label} ${round(s.minPercent, 2)}–${round(s.maxPercent, 2)}%`).join(" · ") : "Halo has no grade scale for this class.");

  out.push("## Participation policy");
  const policy = normalisePolicy(d.participationPolicy);
  const pdesc = htmlToMarkdown(d.participationPolicy?.description);
  out.push(policy ? `Halo's numbers: ${policyText(policy)}. By GCU convention the initial discussion post is due by Day 3 of the topic week and replies by the due date (a convention, not a Halo field).` : "No participation policy in Halo.");
  if (pdesc) out.push(quoted("participation policy", pdesc));

  out.push("## Holidays");
  const hol = d.holidays.filter((h) => h.active !== false);
  out.push(
    hol.length
      ? hol.map((h) => {
          const start = parseHaloDate(h.startDate);
          return `- ${h.title ?? "Holiday"}: ${start ? dayOf(start, tz) : "?"}${h.duration ? `, ${h.duration} day${h.duration === 1 ? "" : "s"}` : ""}`;
        }).join("\n")
      : "None listed.",
  );

  out.push("## Instructors");
  const inst = d.instructors.filter((i) => !i.baseRoleName || i.baseRoleName === "INSTRUCTOR");
  out.push(
    inst.length
      ? inst.map((i) => {
          const email = (i.user?.socialContacts ?? []).find((c) => /mail/i.test(c?.socialContactType ?? "") && c?.value)?.value;
          return `- ${personName(i.user)}${email ? ` <${email}>` : ""} (message them with message_teacher)`;
        }).join("\n")
      : "None listed.",
  );
  return out.join("\n");
}
