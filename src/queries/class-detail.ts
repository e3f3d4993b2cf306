/**
 * One class in depth (getCourseClassBySlugId): units with their assessments and materials, instructors,
 * holidays, participation policy, grade scale and course-level materials. Shared by class/material tools
 * and the cross-class engineer (grade scale, policy, syllabus resource).
 */
import type { HaloApi } from "../halo/types.js";
import { compact, RESOURCE_FIELDS, type RawAssessmentSummary, type RawPersonName, type RawResource } from "./common.js";

// Group items are read only through `resource` (S2's bundle notes show items with contentType and no id).
const GROUP_FIELDS = `id title description instructorOnly sequence resources { resource { ${RESOURCE_FIELDS} } }`;

// Everything here is witnessed on this root (S1/S5 CurrentClass, S2). accommodatedDueDate is not selected:
// Halo's own app @skips it for students; the student's own dates come from the gradebook rows.

export const CLASS_DETAIL_QUERY = `query GetCourseClassBySlugId($slugId: String!) {
  getCourseClassBySlugId(slugId: $slugId) {
    id slugId classCode courseCode name description startDate endDate stage modality credits
    units {
      id title sequence startDate endDate current description
      assessments { id title type points dueDate startDate tags requiresLopesWrite isGroupEnabled sequence }
      resources { ${GROUP_FIELDS} }
    }
    instructors { baseRoleName user { firstName lastName preferredFirstName socialContacts { value socialContactType } } }
    holidays { title description startDate duration active }
    participationPolicy { description numDays numPosts }
    gradeScale { entries { label minPercent maxPercent maxPoints type } }
    resources { ${GROUP_FIELDS} }
  }
}`;

export interface RawResourceGroup {
  id: string;
  title?: string | null;
  description?: string | null;
  instructorOnly?: boolean | null;
  sequence?: number | null;
  resources?: Array<{ resource?: RawResource | null } | null> | null;
}

/** The unit listing selects every summary field but inPerson, courseClassId (implied) and accommodatedDueDate. */
export type RawUnitAssessment = Omit<RawAssessmentSummary, "inPerson" | "courseClassId" | "accommodatedDueDate">;

export interface RawUnit {
  id: string;
  title: string;
  sequence?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  current?: boolean | null;
  description?: string | null;
  assessments: RawUnitAssessment[];
  resources: RawResourceGroup[];
}

export interface RawInstructor {
  baseRoleName?: string | null;
  user?: (RawPersonName & { socialContacts?: Array<{ value?: string | null; socialContactType?: string | null } | null> | null }) | null;
}

export interface RawHoliday {
  title?: string | null;
  description?: string | null;
  startDate?: string | null;
  duration?: number | null;
  active?: boolean | null;
}

export interface RawGradeScaleEntry {
  label: string;
  minPercent?: number | null;
  maxPercent?: number | null;
  maxPoints?: number | null;
  type?: string | null;
}

export interface RawClassDetail {
  id: string;
  slugId: string;
  classCode?: string | null;
  courseCode?: string | null;
  name?: string | null;
  description?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  stage?: string | null;
  modality?: string | null;
  credits?: number | null;
  units: RawUnit[];
  instructors: RawInstructor[];
  holidays: RawHoliday[];
  participationPolicy: { description?: string | null; numDays?: number | null; numPosts?: number | null } | null;
  gradeScale: RawGradeScaleEntry[];
  resources: RawResourceGroup[];
}

type Loose<T> = { [K in keyof T]?: T[K] | null };
interface Reply {
  getCourseClassBySlugId:
    | (Loose<Omit<RawClassDetail, "units" | "gradeScale">> & {
        units?: Array<(Omit<RawUnit, "assessments" | "resources"> & { assessments?: Array<RawUnitAssessment | null> | null; resources?: Array<RawResourceGroup | null> | null }) | null> | null;
        gradeScale?: { entries?: Array<RawGradeScaleEntry | null> | null } | null;
        instructors?: Array<RawInstructor | null> | null;
        holidays?: Array<RawHoliday | null> | null;
        resources?: Array<RawResourceGroup | null> | null;
      })
    | null;
}

/** Null lists become empty ones so every consumer can iterate without checks. */
export function normaliseClassDetail(raw: Reply["getCourseClassBySlugId"]): RawClassDetail | null {
  if (!raw?.id || !raw.slugId) return null;
  return {
    ...raw,
    id: raw.id,
    slugId: raw.slugId,
    units: compact(raw.units)
      .map((u) => ({ ...u, assessments: compact(u.assessments), resources: compact(u.resources) }))
      .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0)),
    instructors: compact(raw.instructors),
    holidays: compact(raw.holidays),
    participationPolicy: raw.participationPolicy ?? null,
    gradeScale: compact(raw.gradeScale?.entries),
    resources: compact(raw.resources),
  };
}

/** Returns null when Halo has no such class (an access problem throws a HaloError instead). */
export async function fetchClassDetail(halo: HaloApi, slugId: string, courseClassId?: string): Promise<RawClassDetail | null> {
  const data = await halo.query<Reply>({
    operationName: "GetCourseClassBySlugId",
    query: CLASS_DETAIL_QUERY,
    feature: "class details",
    required: ["getCourseClassBySlugId.id", "getCourseClassBySlugId.slugId", "getCourseClassBySlugId.units.id", "getCourseClassBySlugId.units.assessments.id"],
    optional: ["getCourseClassBySlugId.instructors", "getCourseClassBySlugId.holidays", "getCourseClassBySlugId.resources", "getCourseClassBySlugId.units.resources"],
    variables: { slugId },
    context: { slugId, ...(courseClassId ? { courseClassId } : {}) },
  });
  return normaliseClassDetail(data.getCourseClassBySlugId);
}
