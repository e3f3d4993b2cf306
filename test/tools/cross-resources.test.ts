import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const textOf = (r: { contents: Array<Record<string, unknown>> }) => String(r.contents[0]?.text ?? "");

describe("resources", () => {
  it("lists this-week, classes and the syllabus template", async () => {
    h = await startHarness();
    const uris = (await h.client.listResources()).resources.map((r) => r.uri);
    expect(uris).toEqual(expect.arrayContaining(["halo://me/this-week", "halo://classes"]));
    const templates = (await h.client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    expect(templates).toContain("halo://class/{ref}/syllabus");
  });

  it("this-week is the due list; classes lists every class and says the course code is the class_ref", async () => {
    h = await startHarness();
    const week = textOf(await h.client.readResource({ uri: "halo://me/this-week" }));
    expect(week).toMatch(/^Due now through Sat Nov 28 \(7 days\)/);
    expect(week).toContain('CST-323 Discussion "Topic 4 DQ 1"');
    const classes = textOf(await h.client.readResource({ uri: "halo://classes" }));
    expect(classes).toMatch(/class_ref for any tool: the course code/);
    expect(classes).toMatch(/- CST-323 Cloud Computing · current /);
    expect(classes).toContain("UNV-103 University Success · finished");
  });

  it("syllabus: description quoted, grade scale, policy, holidays, instructors", async () => {
    h = await startHarness();
    const s = textOf(await h.client.readResource({ uri: "halo://class/CST-323/syllabus" }));
    expect(s).toMatch(/^# CST-323 Cloud Computing \(class_ref CST-323-O500-\d+\)/);
    expect(s).toMatch(/## Description\nCourse description:\n> \S/);
    expect(s.match(/Lines starting with > are quoted text/g)).toHaveLength(1);
    expect(s).toMatch(/## Grade scale\nA [\d.]+–100%/);
    expect(s).toContain("Halo's numbers: 4 posts on 3 different days");
    expect(s).toMatch(/## Holidays\n- Spring Break: \w{3} \d+ \d{4}, 7 days/);
    expect(s).toMatch(/## Instructors\n- \S+ \S+/);
  });

  it("an unknown class in the template answers with the candidates", async () => {
    h = await startHarness();
    const s = textOf(await h.client.readResource({ uri: "halo://class/BIO-999/syllabus" }));
    expect(s).toMatch(/No class of yours matches "BIO-999".*CST-323/);
  });
});

describe("prompts", () => {
  it("offers the four prompts and they steer through tools that exist", async () => {
    h = await startHarness();
    const names = (await h.client.listPrompts()).prompts.map((p) => p.name).sort();
    expect(names).toEqual(["assignment_helper", "catch_up", "grade_audit", "weekly_briefing"]);
    const tools = new Set((await h.client.listTools()).tools.map((t) => t.name));
    const mentioned = ["whats_due", "missing_work", "grades_summary", "grade_target", "what_changed", "dq_participation", "assignment_details", "view_assignments", "announcements", "inbox_posts", "feedback"];
    for (const t of mentioned) expect(tools.has(t), t).toBe(true);
    const helper = await h.client.getPrompt({ name: "assignment_helper", arguments: { assessment: "Cloud Architecture Proposal" } });
    const text = (helper.messages[0]?.content as { text: string }).text;
    expect(text).toContain('"Cloud Architecture Proposal"');
    expect(text).toContain("assignment_details");
    const catchUp = await h.client.getPrompt({ name: "catch_up", arguments: { since: "7d" } });
    expect((catchUp.messages[0]?.content as { text: string }).text).toContain('what_changed with since: "7d"');
  });
});
