/** message_teacher's reading of a thread against a scripted Halo: who "the other side" is, paging, and whose post is new. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { HaloApi } from "../../src/halo/types.js";
import type { ToolContext } from "../../src/queries/context.js";
import type { RawInboxForum } from "../../src/queries/inbox.js";
import type { RawPost } from "../../src/queries/posts.js";
import { planMessage } from "../../src/writes/message.js";
import type { WritePlan } from "../../src/writes/consent.js";

const cls = { id: "class-1", slugId: "CST-323-O500-X", classCode: "CST-323-O500", courseCode: "CST-323", name: "Cloud Computing", stage: "CURRENT" };
const prof = { id: "prof", firstName: "Priya", lastName: "Natarajan" };
const me = { id: "me", firstName: "Jordan", preferredFirstName: "Jo", lastName: "Rivera" };
const msg = (id: string, author: { id: string }, content = `<p>${id}</p>`, viaUserId = true): RawPost =>
  ({ id, content, publishDate: "2026-11-21T17:00:00.000Z", createdBy: viaUserId ? { userId: author.id, user: author } : { user: author } }) as RawPost;

interface Opts {
  lastPost?: RawInboxForum["lastPost"];
  thread?: RawPost[];
  /** What the send adds to the thread (default: the student's post with the sent content). */
  delivered?: (content: string) => RawPost | undefined;
}

function scripted(o: Opts = {}) {
  const thread = [...(o.thread ?? [])];
  const pages: number[] = [];
  const sizes = new Set<number>();
  const halo = {
    async session() {
      return { userId: "me" };
    },
    async query(req: { operationName: string; variables?: { pgNum: number; pgSize: number } }) {
      switch (req.operationName) {
        case "GetInboxLeftPanel":
          return { getInboxLeftPanel: [{ courseClassId: cls.id, forums: [{ forumId: "f1", forumType: "INBOX", lastPost: o.lastPost ?? null }] }] };
        case "GetPostsForInboxForum": {
          const { pgNum, pgSize } = req.variables!;
          pages.push(pgNum);
          sizes.add(pgSize);
          return { getPostsForInboxForum: thread.slice((pgNum - 1) * pgSize, pgNum * pgSize) };
        }
        default:
          return { getInboxLeftPanel: [], getPostsForInboxForum: [] };
      }
    },
    async restPost(_p: string, body: { form: () => { getBuffer(): Buffer } }) {
      const content = /name="content"\r\n\r\n([^\r]*)/.exec(body.form().getBuffer().toString())![1]!;
      const p = o.delivered ? o.delivered(content) : msg(`new-${thread.length}`, me, content);
      if (p) thread.push(p);
      return {};
    },
  } as unknown as HaloApi;
  const ctx = {
    halo,
    classes: { resolve: async () => cls },
    cache: { invalidate: () => undefined },
    stateDir: mkdtempSync(path.join(tmpdir(), "msg-")),
    now: () => new Date("2026-11-21T17:00:00Z"),
    log: { warn: () => undefined, error: () => undefined },
    config: { timezone: "America/Phoenix" },
  } as unknown as ToolContext;
  return { ctx, pages, sizes, thread };
}

const plan = async (ctx: ToolContext, content = "Hello") => (await planMessage({ class_ref: "CST-323", forum_id: "f1", content }, ctx)) as WritePlan;
const textOf = (r: unknown) => (typeof r === "string" ? r : (r as { text: string }).text);

describe("who the message goes to", () => {
  it("names the recipient Halo gives, unless that is the student, then the last post's author", async () => {
    const toProf = await plan(scripted({ lastPost: { recipient: prof, post: msg("p1", me) } }).ctx);
    expect(toProf.preview[0]).toMatch(/^Send to: Priya Natarajan — /);
    const fromProf = await plan(scripted({ lastPost: { recipient: me, post: msg("p1", prof) } }).ctx);
    expect(fromProf.preview[0]).toMatch(/^Send to: Priya Natarajan — /);
    const noOne = await plan(scripted({ lastPost: { recipient: me, post: msg("p1", me) } }).ctx);
    expect(noOne.preview[0]).toMatch(/^Send to: the other participant — /);
    const authorless = await plan(scripted({ lastPost: { recipient: null, post: { id: "p1", createdBy: null } as RawPost } }).ctx);
    expect(authorless.preview[0]).toMatch(/^Send to: the other participant — /);
    const empty = await plan(scripted().ctx);
    expect(empty.preview[0]).toBe("Send to: the other participant — private inbox thread in CST-323 Cloud Computing (CST-323-O500-X).");
  });
});

describe("finding the new post", () => {
  it("reads every page of a long thread (100 at a time) before and after sending", async () => {
    const s = scripted({ lastPost: { recipient: prof }, thread: Array.from({ length: 150 }, (_, i) => msg(`p${i}`, i % 2 ? me : prof)) });
    const r = await (await plan(s.ctx)).run();
    expect(textOf(r)).toMatch(/^Sent to Priya Natarajan's thread in CST-323; Halo shows it at /);
    expect(s.pages).toEqual([1, 2, 1, 2]);
    expect([...s.sizes]).toEqual([100]);
  });

  it("stops after five pages, so a huge thread cannot be read without end", async () => {
    const s = scripted({ thread: Array.from({ length: 700 }, (_, i) => msg(`p${i}`, prof)) });
    const r = await (await plan(s.ctx)).run();
    expect(s.pages).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    expect(r).toMatchObject({ isError: true, text: expect.stringMatching(/^Halo accepted the message, but the thread does not show it yet\./) });
  });

  it("recognises the student's post by either author id Halo gives", async () => {
    const s = scripted({ delivered: (content) => msg("new", me, content, false) });
    expect(textOf(await (await plan(s.ctx)).run())).toMatch(/^Sent to /);
  });

  it("reads past posts Halo gives without an author", async () => {
    const s = scripted({ thread: [{ id: "anon", content: "<p>x</p>", createdBy: null } as RawPost, { id: "anon2", content: "<p>y</p>", createdBy: { userId: null, user: null } } as unknown as RawPost] });
    expect(textOf(await (await plan(s.ctx)).run())).toMatch(/^Sent to /);
  });

  it("does not take someone else's new post for the student's", async () => {
    const s = scripted({ delivered: (content) => msg("new", prof, content) });
    expect(await (await plan(s.ctx)).run()).toMatchObject({ isError: true, text: expect.stringMatching(/^Halo accepted the message, but the thread does not show it yet/) });
  });
});
