/**
 * Measurement 1: tokens of each read tool's answer on the seeded world beside the tokens of the raw Halo
 * JSON a plain per-class tool would fetch for the same question (PLAIN below), with a cold cache per tool,
 * plus four student scenarios. Everything the call fetched (class-list lookups, gradebook joins) is reported
 * beside it, but is not what the ratio divides: counting joins would flatter a tool for fetching more.
 * Session-establishing web calls are never raw: they carry tokens, not data.
 */
import { SEED } from "../../src/sandbox/index.js";
import { startRig, type Captured, type Rig } from "./rig.js";
import { round } from "./stats.js";
import { tokens } from "./tokenize.js";

export interface ToolTokens {
  tool: string;
  args: Record<string, unknown>;
  listLike: boolean;
  outputTokens: number;
  outputChars: number;
  /** The responses a plain per-class tool needs for the same question (PLAIN). */
  rawTokens: number;
  rawChars: number;
  /** Every data response the call fetched, joins and lookups included. */
  fetchedTokens: number;
  /** rawTokens / outputTokens. */
  ratio: number;
  /** The ratio the bench reports against (list tools; undefined for detail tools). */
  target?: number;
  /** Items listed (lines starting "- "), for the tokens-per-item figure. */
  items: number;
  haloCalls: string[];
  rawCalls: string[];
  isError: boolean;
  /** Where the answer's tokens go: ids (UUIDs), quote banners around other people's text, Halo links. */
  anatomy: Anatomy;
  note?: string;
}

export interface Anatomy {
  idTokens: number;
  bannerTokens: number;
  linkTokens: number;
}

export interface ScenarioTokens {
  scenario: string;
  tools: string;
  calls: number;
  outputTokens: number;
  rawTokens: number;
  ratio: number;
  completeness?: string;
  anatomy: Anatomy;
}

export interface TokenResults {
  tools: ToolTokens[];
  skipped: Array<{ tool: string; why: string }>;
  scenarios: ScenarioTokens[];
}

const CLOUD = "CST-323";
const A = SEED.assessments;

/** Arguments on the seeded world; `list` marks list-like tools (the 5x target applies to them). */
const CASES: Record<string, { args: Record<string, unknown>; list: boolean }> = {
  list_classes: { args: {}, list: true },
  user: { args: {}, list: false },
  view_assignments: { args: { class_ref: CLOUD }, list: true },
  assignment_details: { args: { class_ref: CLOUD, assessment_id: A.publishedWithRubric }, list: false },
  grades: { args: { class_ref: CLOUD }, list: true },
  feedback: { args: { class_ref: CLOUD, assessment_id: A.publishedWithRubric }, list: false },
  discussions: { args: { class_ref: CLOUD }, list: true },
  forum_posts: { args: { forum_id: SEED.forums.bigDq }, list: true },
  announcements: { args: { class_ref: CLOUD }, list: true },
  inbox: { args: {}, list: true },
  inbox_posts: { args: { forum_id: SEED.forums.cloudInbox }, list: true },
  notifications: { args: {}, list: true },
  whats_due: { args: { days: 7 }, list: true },
  missing_work: { args: {}, list: true },
  grades_summary: { args: {}, list: true },
  grade_target: { args: { class_ref: CLOUD, target: "A" }, list: false },
  what_changed: { args: {}, list: false },
  course_materials: { args: { class_ref: CLOUD }, list: true },
  dq_participation: { args: { class_ref: CLOUD }, list: true },
};

/**
 * The Halo operations whose responses count as a tool's raw: what a plain tool answering the same question
 * for one class would fetch. "…Extras" companions count with their document (a plain query would ask those
 * fields in the same request). Not counted: the class list that turns a class_ref into an id (except for
 * list_classes, where it is the answer) and data joined from other tools (e.g. the gradebook in discussions).
 * Cross-class tools (whats_due, missing_work, grades_summary) count the per-class responses a plain tool
 * would fetch for every class they cover.
 */
const GRADEBOOK = ["GetAllClassGrades", "GetAllClassGradeDetails", "GetAllClassGradeGroups"];
const PLAIN: Record<string, string[]> = {
  // The answer names each class's instructors; the original server selected them on this same root (S1), so a
  // plain tool's one class-list response carries them. Our companion asks for exactly those fields.
  list_classes: ["GetCourseClassesForUser", "GetCourseClassInstructors"],
  user: ["GetUserById", "GetUserProfileExtras"],
  view_assignments: ["GetCourseClassBySlugId"],
  assignment_details: ["GetCourseClassAssessmentById", "GetCourseClassAssessmentExtras", "GetUserAssignmentSubmissionForAssessment", "GetUserAssignmentSubmissionExtras"],
  grades: GRADEBOOK,
  feedback: ["GetGradeForUserCourseClassAssessment", "GetCourseClassAssessmentById", "GetCourseClassAssessmentExtras"],
  discussions: ["GetAllDQForCourseClass"],
  forum_posts: ["Posts", "PostExtras"],
  announcements: ["Announcements", "AnnouncementExtras"],
  inbox: ["GetInboxLeftPanel", "GetInboxLeftPanelExtras"],
  inbox_posts: ["GetPostsForInboxForum", "GetPostsForInboxForumExtras"],
  notifications: ["GetForumNotifications", "GetInboxNotifications", "GetUserAlerts", "GetUserAlertCount"],
  whats_due: ["GetCourseClassBySlugId", "GetAllClassGrades"],
  missing_work: ["GetCourseClassBySlugId", "GetAllClassGrades"],
  grades_summary: GRADEBOOK,
  grade_target: GRADEBOOK,
  what_changed: ["GetUserAlerts", "GetInboxLeftPanel", "GetInboxLeftPanelExtras", ...GRADEBOOK],
  course_materials: ["GetCourseClassBySlugId"],
  dq_participation: ["GetAllDQForCourseClass", "Posts"],
};

/** Answer-to-raw targets, reported by the bench and never asserted in tests. */
export const RATIO_TARGET = 5;
const RATIO_TARGETS: Record<string, number> = { discussions: 3 };

const SKIP: Record<string, string> = {
  check_tokens: "session tool: reports local login state, no Halo data",
  reload_tokens: "session tool",
  setup_session: "session tool",
  refresh: "session tool",
  export_calendar: "writes an .ics file; its answer is a file summary",
  download_resource: "saves a file to the downloads folder; its answer is a file summary",
};

const isData = (c: Captured) => c.service === "gateway" || c.service === "orchestration";
const rawOf = (caps: Captured[], only?: string[]) => {
  const data = caps.filter((c) => isData(c) && (!only || only.includes(c.operationName ?? "")));
  return { tokens: data.reduce((n, c) => n + tokens(c.body), 0), chars: data.reduce((n, c) => n + c.body.length, 0), calls: data.map((c) => c.operationName ?? c.path) };
};

async function cold(rig: Rig): Promise<void> {
  rig.recording = false;
  rig.context.cache.invalidate("");
  rig.captured.length = 0;
  rig.recording = true;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function anatomy(text: string): Anatomy {
  const sum = (parts: string[]) => parts.reduce((n, p) => n + tokens(p), 0);
  const links = text.match(/https?:\/\/\S+/g) ?? [];
  const withoutLinks = text.replace(/https?:\/\/\S+/g, "");
  return {
    idTokens: sum(withoutLinks.match(UUID) ?? []),
    bannerTokens: sum(text.split("\n").filter((l) => /^\s*\[quoted /.test(l))),
    linkTokens: sum(links),
  };
}

async function measureTool(rig: Rig, tool: string, args: Record<string, unknown>, listLike: boolean): Promise<ToolTokens> {
  await cold(rig);
  const r = await rig.call(tool, args);
  rig.recording = false;
  const all = rawOf(rig.captured);
  const plain = PLAIN[tool];
  if (!plain) throw new Error(`${tool}: add the Halo operations a plain tool needs to PLAIN`);
  const raw = rawOf(rig.captured, plain);
  const out = tokens(r.text);
  return {
    tool, args, listLike, outputTokens: out, outputChars: r.text.length, rawTokens: raw.tokens, rawChars: raw.chars, fetchedTokens: all.tokens,
    ratio: out ? round(raw.tokens / out, 1) : 0, ...(listLike ? { target: RATIO_TARGETS[tool] ?? RATIO_TARGET } : {}),
    items: (r.text.match(/^- /gm) ?? []).length, haloCalls: all.calls, rawCalls: raw.calls, isError: r.isError, anatomy: anatomy(r.text),
    ...(r.isError ? { note: r.text.slice(0, 200) } : {}),
  };
}

/** Every post object (top-level or reply) in a raw Posts body. */
function countRawPosts(body: string): number {
  let n = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if ("parentPostId" in o && "content" in o) n++;
      Object.values(o).forEach(walk);
    }
  };
  try {
    walk(JSON.parse(body));
  } catch {
    return -1;
  }
  return n;
}

async function scenario(rig: Rig, name: string, steps: (call: (t: string, a: Record<string, unknown>) => Promise<string>) => Promise<string | undefined>): Promise<ScenarioTokens> {
  await cold(rig);
  let out = 0;
  let all = "";
  const used: string[] = [];
  const completeness = await steps(async (t, a) => {
    const r = await rig.call(t, a);
    if (r.isError) throw new Error(`${t} failed in scenario "${name}": ${r.text.slice(0, 200)}`);
    out += tokens(r.text);
    all += r.text + "\n";
    used.push(t);
    return r.text;
  });
  rig.recording = false;
  const raw = rawOf(rig.captured);
  const counts = new Map<string, number>();
  used.forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1));
  const tools = [...counts].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(" + ");
  return { scenario: name, tools, calls: raw.calls.length, outputTokens: out, rawTokens: raw.tokens, ratio: out ? round(raw.tokens / out, 1) : 0, anatomy: anatomy(all), ...(completeness ? { completeness } : {}) };
}

const MAX_PAGES = 30;

export async function measureTokens(): Promise<TokenResults> {
  const rig = await startRig();
  try {
    await rig.context.classes.list(); // establishes the session outside every measurement
    const listed = (await rig.client.listTools()).tools;
    const results: ToolTokens[] = [];
    const skipped: Array<{ tool: string; why: string }> = [];
    for (const { name, annotations } of listed) {
      const c = CASES[name];
      if (SKIP[name]) skipped.push({ tool: name, why: SKIP[name] });
      else if (annotations?.readOnlyHint !== true) skipped.push({ tool: name, why: "write tool" });
      else if (!c) skipped.push({ tool: name, why: "read tool the bench has no seeded arguments for yet (add it to CASES)" });
      else results.push(await measureTool(rig, name, c.args, c.list));
    }

    const scenarios: ScenarioTokens[] = [];
    scenarios.push(await scenario(rig, "what's due this week", async (call) => void (await call("whats_due", { days: 7 }))));
    scenarios.push(await scenario(rig, "my grades everywhere", async (call) => void (await call("grades_summary", {}))));
    scenarios.push(
      await scenario(rig, "read a 200-post discussion (first page, default size)", async (call) => void (await call("forum_posts", { forum_id: SEED.forums.bigDq }))),
    );
    scenarios.push(
      await scenario(rig, "read a 200-post discussion (every page, page_size 50)", async (call) => {
        // Each rendered post starts with a header line (indent/arrow, optional title, then "by: "); replies
        // carry no id, so posts are counted by their headers across the (disjoint) pages.
        let shown = 0;
        let pages = 1;
        for (let page = 1; page <= Math.min(pages, MAX_PAGES); page++) {
          const text = await call("forum_posts", { forum_id: SEED.forums.bigDq, page, page_size: 50 });
          shown += (text.match(/^[ ↳]*(?:"[^"\n]*" · )?by: /gm) ?? []).length;
          const total = /page \d+ of (\d+)/.exec(text);
          if (total) pages = Number(total[1]);
        }
        const body = rig.captured.find((c) => c.operationName === "Posts")?.body ?? "";
        const expected = countRawPosts(body);
        return `${shown} of ${expected} raw posts shown across ${pages} pages${shown === expected ? " (all)" : " — MISSING POSTS"}`;
      }),
    );
    scenarios.push(
      await scenario(rig, "my inbox (list + every listed thread)", async (call) => {
        const list = await call("inbox", {});
        const ids = [...new Set([...list.matchAll(/forum_id: ([0-9a-f-]{36})/g)].map((m) => m[1]!))];
        for (const id of ids) await call("inbox_posts", { forum_id: id });
        return `${ids.length} threads listed and read`;
      }),
    );
    return { tools: results, skipped, scenarios };
  } finally {
    await rig.close();
  }
}
