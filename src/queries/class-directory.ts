/**
 * Resolves a student's class reference ("CST-323", a class code, slug, UUID or a name fragment) once,
 * lazily, against their own class list. A miss or a tie lists the candidates so the model can retry.
 */
import type { HaloApi } from "../halo/types.js";
import type { Cache } from "./cache.js";
import { ToolError } from "./tool-error.js";
import { HaloError } from "../halo/errors.js";

export interface ClassSummary {
  id: string;
  slugId: string;
  classCode: string;
  courseCode: string;
  name: string;
  stage: string; // PRE_START | CURRENT | POST ...
  modality?: string;
  credits?: number;
  startDate?: string;
  endDate?: string;
  /** Who teaches it: filled by list_classes from its instructors companion, not by the core class list. */
  instructors?: Array<ClassInstructor | null> | null;
}

export interface ClassInstructor {
  baseRoleName?: string | null;
  user?: { firstName?: string | null; lastName?: string | null; preferredFirstName?: string | null } | null;
}

export interface ClassDirectory {
  list(): Promise<ClassSummary[]>;
  resolve(ref: string): Promise<ClassSummary>;
  /** Current classes (stage CURRENT), the default scope of cross-class tools. */
  current(): Promise<ClassSummary[]>;
}

// Every tool resolves classes through this document, so it holds only fields witnesses sent on this root
// (S1, S2, S8). The participation policy is read lazily from class detail (src/assistant/work.ts).
export const CLASSES_QUERY = `query GetCourseClassesForUser($pgNum: Int, $pgSize: Int) {
  getCourseClassesForUser(pgNum: $pgNum, pgSize: $pgSize) {
    courseClasses { id slugId classCode courseCode name stage modality credits startDate endDate }
  }
}`;

const PAGE = 50;
const MAX_PAGES = 20;
const TTL_MS = 5 * 60_000;

interface ClassesPage {
  getCourseClassesForUser: { courseClasses?: Array<ClassSummary | null> | null } | Array<ClassSummary | null> | null;
}

export async function fetchAllClasses(halo: HaloApi): Promise<ClassSummary[]> {
  const out: ClassSummary[] = [];
  for (let pgNum = 1; pgNum <= MAX_PAGES; pgNum++) {
    const data = await halo.query<ClassesPage>({
      operationName: "GetCourseClassesForUser",
      query: CLASSES_QUERY,
      feature: "class list",
      required: ["id", "slugId", "classCode", "courseCode", "name", "stage"].map((f) => `getCourseClassesForUser.courseClasses.${f}`),
      variables: { pgNum, pgSize: PAGE },
    });
    const raw = data.getCourseClassesForUser;
    // Before Sept 2022 this returned a bare list; accept both.
    const list = Array.isArray(raw) ? raw : raw?.courseClasses;
    // A malformed page throws instead of returning: a wrong class list would be cached and resolve every
    // class_ref against it for minutes.
    if (!Array.isArray(list)) throw malformed("it holds no class list");
    const page = list.filter((c): c is ClassSummary => !!c);
    const broken = page.filter((c) => !usable(c)).length;
    if (broken > 0) throw malformed(`${broken} of ${page.length} classes lack their id, codes or name`);
    out.push(...page);
    if (list.length < PAGE) break;
  }
  return out;
}

const usable = (c: ClassSummary): boolean =>
  [c.id, c.slugId, c.classCode, c.courseCode, c.name, c.stage].every((v) => typeof v === "string" && v.trim() !== "");

const malformed = (why: string): HaloError => new HaloError("upstream", `Halo's class list came back malformed (${why}); try again in a minute.`, { operation: "GetCourseClassesForUser" });

// Instructors on the class list are witnessed by S1 (queries/course.py selects them on this root), but the
// core document that every tool needs stays minimal: list_classes alone asks for them, as a companion whose
// failure costs only the names. Its own operation name keeps it apart from the class list in logs and stats.
export const CLASS_INSTRUCTORS_QUERY = `query GetCourseClassInstructors($pgNum: Int, $pgSize: Int) {
  getCourseClassesForUser(pgNum: $pgNum, pgSize: $pgSize) {
    courseClasses { id instructors { baseRoleName user { firstName lastName preferredFirstName } } }
  }
}`;

type InstructorRow = { id?: string | null; instructors?: Array<ClassInstructor | null> | null };

/** Class id → its instructors. */
export async function fetchClassInstructors(halo: HaloApi): Promise<Map<string, ClassInstructor[]>> {
  const out = new Map<string, ClassInstructor[]>();
  for (let pgNum = 1; pgNum <= MAX_PAGES; pgNum++) {
    const data = await halo.query<{ getCourseClassesForUser: { courseClasses?: Array<InstructorRow | null> | null } | Array<InstructorRow | null> | null }>({
      operationName: "GetCourseClassInstructors",
      query: CLASS_INSTRUCTORS_QUERY,
      feature: "instructor names",
      variables: { pgNum, pgSize: PAGE },
    });
    const raw = data.getCourseClassesForUser;
    const list = (Array.isArray(raw) ? raw : raw?.courseClasses) ?? [];
    for (const r of list) if (r?.id) out.set(r.id, (r.instructors ?? []).filter((i): i is ClassInstructor => !!i));
    if (list.length < PAGE) break;
  }
  return out;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const stageRank = (s: string): number => (s === "CURRENT" ? 0 : s === "PRE_START" ? 1 : 2);

export function describeClass(c: ClassSummary): string {
  return `${c.courseCode} ${c.name} (${c.stage.toLowerCase().replace("_", "-")}; ${c.slugId})`;
}

/** Pure matching, so it is tested without Halo. */
export function matchClass(classes: ClassSummary[], ref: string): ClassSummary {
  const r = ref.trim();
  if (!r) throw new ToolError(`Give a class: ${listing(classes)}`);
  const n = norm(r);
  const tiers: Array<(c: ClassSummary) => boolean> = [
    (c) => c.id.toLowerCase() === r.toLowerCase(),
    (c) => c.slugId.toLowerCase() === r.toLowerCase(),
    (c) => norm(c.classCode) === n,
    (c) => norm(c.courseCode) === n,
    (c) => norm(c.name) === n,
    (c) => norm(c.name).includes(n) || norm(c.classCode).startsWith(n) || norm(c.slugId).startsWith(n),
  ];
  for (const test of tiers) {
    const hits = classes.filter(test);
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) {
      // The same course taken twice: the current offering is what the student means.
      const best = [...hits].sort((a, b) => stageRank(a.stage) - stageRank(b.stage));
      if (stageRank(best[0]!.stage) < stageRank(best[1]!.stage)) return best[0]!;
      throw new ToolError(`"${r}" matches several classes; use one of these slugs: ${hits.map(describeClass).join("; ")}.`);
    }
  }
  throw new ToolError(`No class of yours matches "${r}". ${listing(classes)}`);
}

function listing(classes: ClassSummary[]): string {
  if (classes.length === 0) return "Halo lists no classes for you.";
  return `Your classes: ${[...classes].sort((a, b) => stageRank(a.stage) - stageRank(b.stage)).map(describeClass).join("; ")}.`;
}

export function createClassDirectory(halo: HaloApi, cache: Cache): ClassDirectory {
  const list = () => cache.get("classes:list", TTL_MS, () => fetchAllClasses(halo));
  return {
    list,
    resolve: async (ref) => matchClass(await list(), ref),
    current: async () => (await list()).filter((c) => c.stage === "CURRENT"),
  };
}
