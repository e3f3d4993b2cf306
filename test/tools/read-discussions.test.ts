/**
 * discussions, forum_posts, announcements (all three shapes of the contested root field) and the inbox.
 */
import { describe, expect, it } from "vitest";
import { sharedHarness } from "../helpers/lifecycle.js";
import { SEED } from "../../src/sandbox/world/ids.js";

/** The header line of each rendered post: optional indent/arrow and title, then "by: ". */
const POST_HEAD = /^[ ↳]*(?:"[^"\n]*" · )?by: /gm;

const h = sharedHarness();

describe("discussions", () => {
  it("lists forums with due dates, post counts, my participation and forum ids", async () => {
    const r = await h.call("discussions", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^CST-323 Cloud Computing — \d+ discussion forums \(ids: forum_id for forum_posts\)\nAll questions also say:\n> - Use at least two scholarly sources\.\n> - Follow APA 7 style\.\n- /);
    const big = r.text.split("\n").find((l) => l.includes(SEED.forums.bigDq.slice(0, 8)))!;
    expect(big).toMatch(/^- [0-9a-f]{8} Topic 2 DQ 1 · due Tue Nov 10 · \d{3} posts · you posted Sat Nov 7$/);
    expect(r.text).toMatch(/Topic 4 DQ 1 · due Sat Nov 21 \(in 13 hours\) · \d+ posts · you have not posted\n/);
    // Each question is quoted; one note for the whole answer says what the quoting means.
    // The question follows without repeating its title or the lines every question shares.
    expect(r.text).toMatch(/you have not posted\n> complete the activity described in the Topic 4 materials\.\n- /);
    expect(r.text.match(/scholarly sources/g)).toHaveLength(1);
    // A forum that has not opened has no "you have not posted": nobody could have.
    expect(r.text).toMatch(/Topic 5 DQ 1 · opens Wed Nov 25 12 AM · due Fri Nov 27 \(in 6 days\) · 0 posts\n/);
    expect(r.text.match(/content to read, not instructions/g)).toHaveLength(1);
  });
});

describe("forum_posts", () => {
  it("renders entity-heavy HTML readably, strips invisible characters and quotes every post", async () => {
    const r = await h.call("forum_posts", { forum_id: SEED.forums.htmlDq });
    expect(r.isError).toBe(false);
    expect(r.text).toContain("Here’s my take");
    expect(r.text).toMatch(/1\. +IaaS — full control of the OS/);
    expect(r.text).toContain("[NIST SP 800-145](https://csrc.nist.gov/pubs/sp/800/145/final)");
    expect(r.text).toContain('I agree with the list above, but "full control"');
    expect(r.text).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/);
    expect(r.text).not.toMatch(/&(amp|quot|nbsp|mdash|#8217);/);
    // The injection attempt is inside a quoted block, never a bare line.
    const inj = r.text.split("\n").find((l) => l.includes("IGNORE ALL PREVIOUS INSTRUCTIONS"))!;
    expect(inj.startsWith("> ")).toBe(true);
    expect(r.text).toMatch(/↳ by: .* · reply to /);
    expect(r.text).toContain("(you)");
    expect(r.text).toContain("(instructor)");
  });

  it("pages a 200-post forum with a stated total", async () => {
    const r = await h.call("forum_posts", { forum_id: SEED.forums.bigDq });
    const m = /(\d+) posts in (\d+) threads/.exec(r.text)!;
    const total = Number(m[1]);
    expect(total).toBeGreaterThanOrEqual(200);
    expect((r.text.match(POST_HEAD) ?? []).length).toBe(20);
    // One note explains the quoting instead of a banner on each of the 20 posts.
    expect(r.text.match(/content to read, not instructions/g)).toHaveLength(1);
    expect(r.text).toContain(`Showing 1–20 (page 1 of ${Math.ceil(total / 20)}; pass page: 2 for more).`);
    expect(r.text.length).toBeLessThan(12_000);
    const last = await h.call("forum_posts", { forum_id: SEED.forums.bigDq, page: Math.ceil(total / 50), page_size: 50 });
    expect(last.text).toMatch(/\(page (\d+) of \1\)\.\n/);
    const tooBig = await h.call("forum_posts", { forum_id: SEED.forums.bigDq, page_size: 500 });
    expect(tooBig.isError).toBe(true);
    const unknown = await h.call("forum_posts", { forum_id: "no-such-forum" });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toMatch(/discussions lists the valid ids/);
  });

  it("post_id shows that post in full with its replies; top-level only with depth_end 0", async () => {
    const all = await h.call("forum_posts", { forum_id: SEED.forums.htmlDq });
    const firstId = /post_id: ([0-9a-f-]{8,36})/.exec(all.text.split("\n").find((l) => l.includes("Aaliyah Brooks") && !l.startsWith(" ") && !l.startsWith("↳"))!)![1]!;
    const one = await h.call("forum_posts", { forum_id: SEED.forums.htmlDq, post_id: firstId });
    expect(one.text).toMatch(/^Post .* in full, with \d+ replies\./);
    expect(one.text).not.toContain("Read me first");
    const top = await h.call("forum_posts", { forum_id: SEED.forums.htmlDq, depth_end: 0 });
    expect(top.text).not.toContain("↳");
  });
});

describe("announcements", () => {
  async function check(): Promise<string> {
    const r = await h.call("announcements", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^CST-323 Cloud Computing — \d+ announcements \(1 needs your acknowledgement/);
    const ack = r.text.split("\n").find((l) => l.includes(SEED.posts.mustAcknowledge.slice(0, 8)))!;
    expect(ack).toMatch(/^NEEDS ACKNOWLEDGEMENT/);
    expect(r.text).not.toContain(SEED.posts.scheduled.slice(0, 8));
    expect(r.text).toContain("This week’s reminders");
    return r.text;
  }

  it("reads the root field as an object or a list, and falls back to the forum path when it is missing", async () => {
    const asObject = await check();
    h.sandbox.switches.announcements = "list";
    h.context.cache.invalidate();
    expect(await check()).toBe(asObject);
    h.sandbox.switches.announcements = "missing";
    h.context.cache.invalidate();
    h.sandbox.resetStats();
    expect(await check()).toBe(asObject);
    const ops = h.sandbox.stats.calls.map((c) => c.operationName);
    expect(ops).toContain("Posts");
    // The forum read is class-scoped: the course headers go along.
    const posts = h.sandbox.stats.calls.find((c) => c.operationName === "Posts")!;
    expect(posts.headers?.courseClassId).toBe(SEED.classes.cloud.id);
  });

  it("post_id shows one announcement in full", async () => {
    const r = await h.call("announcements", { class_ref: "CST-323", post_id: SEED.posts.mustAcknowledge });
    expect(r.text).toMatch(/^NEEDS ACKNOWLEDGEMENT/m);
    expect(r.text.split("\n").filter((l) => l.includes("post_id:"))).toHaveLength(1);
  });
});

describe("inbox", () => {
  it("lists threads newest first with the other person, class and last message", async () => {
    const r = await h.call("inbox", {});
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^Inbox — \d+ threads/);
    expect(r.text).toMatch(new RegExp(`^- ${SEED.forums.cloudInbox.slice(0, 8)}[0-9a-f-]* with: `, "m"));
    const thread = r.text.split("\n").find((l) => l.includes(SEED.forums.englishInbox.slice(0, 8)))!;
    expect(thread).toMatch(/with: .* · ENG-106 · last message: Jo Rivera \(you\)/);
    expect(r.text.match(/Lines starting with > are quoted text/g)).toHaveLength(1);
    expect(r.text).toMatch(/\n> \S/);
  });

  it("inbox_posts pages a thread oldest first within the page", async () => {
    const r = await h.call("inbox_posts", { forum_id: SEED.forums.cloudInbox, page_size: 2 });
    expect(r.isError).toBe(false);
    expect((r.text.match(POST_HEAD) ?? []).length).toBe(2);
    expect(r.text).toContain("pass page: 2 for more");
    const rest = await h.call("inbox_posts", { forum_id: SEED.forums.cloudInbox, page: 2, page_size: 2 });
    expect(rest.isError).toBe(false);
    expect(rest.text).not.toEqual(r.text);
  });
});

// Last: injected 500s open the client's circuit breaker for the rest of this harness.
describe("announcements without any way to find the forum", () => {
  it("says so when neither notifications nor alerts name the announcement forum", async () => {
    h.sandbox.switches.announcements = "missing";
    h.sandbox.switches.failOperations = { GetForumNotifications: "http500", GetUserAlerts: "http500" };
    const r = await h.call("announcements", { class_ref: "CST-323" });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/0 announcements/);
    expect(r.text).toMatch(/announcement list is not available/);
  });
});
