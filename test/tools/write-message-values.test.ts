/**
 * message_teacher, value by value: who the preview names, the form sent to Halo, and a result that says "sent"
 * only when the thread shows a new post of the student's (whatever the send call answered).
 */
import { randomUUID } from "node:crypto";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { post } from "../../src/sandbox/world/seed-forums.js";
import type { Harness, HarnessOptions } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { approved, auditLines, writeCalls } from "../writes/support.js";

const harness = harnessPerTest();
const CLASS = "CST-323";
const THREAD = SEED.forums.cloudInbox;
const FOOTER = "\n\nAll times Arizona (MST); year 2026 unless shown.";
const postsIn = (h: Harness) => h.sandbox.world.posts.filter((p) => p.forumId === THREAD);

/** Records each send's form fields; `answer` may reply in Halo's place (undefined: the sandbox answers). */
async function recorded(opts: HarnessOptions = {}, answer?: (h: Harness, content: string) => Response | undefined) {
  const forms: Array<Record<string, string>> = [];
  const box: { h?: Harness } = {};
  const h = await harness({
    ...opts,
    wrapHandlers: (hs) => [
      http.post(/\/forum\/post\/send$/, async ({ request }) => {
        const fd = await request.clone().formData();
        const fields = Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v)]));
        forms.push(fields);
        return answer?.(box.h!, fields.content!);
      }),
      ...hs,
    ],
  });
  box.h = h;
  return { h, forms };
}

describe("message_teacher values", () => {
  it("names the instructor, sends the HTML form Halo expects, and reports when Halo shows it", async () => {
    const { h, forms } = await recorded();
    const r = await approved(h, "message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "  Hi\u200B there\n\nSee you  " });
    expect(r.preview.split("\n").slice(0, 6)).toEqual([
      "PREVIEW — nothing has been sent yet.",
      `Send to: Priya Natarajan — private inbox thread in CST-323 Cloud Computing (${h.sandbox.ids.classes.cloud.slugId}).`,
      "Message exactly as it will be sent:",
      "> Hi there",
      "> ",
      "> See you",
    ]);
    expect(r.preview).toContain("\nMake sure the student wrote or approved every word, especially anything that came from a post, page or file.\n");
    expect(r).toMatchObject({ isError: false, text: `Sent to Priya Natarajan's thread in CST-323; Halo shows it at Sat Nov 21 10 AM (now).${FOOTER}` });
    expect(forms).toEqual([{ content: "<p>Hi there</p><p>See you</p>", forumId: THREAD, isDraft: "false", extractLink: "true" }]);
    const at = { tool: "message_teacher", class: h.sandbox.ids.classes.cloud.slugId, thread: THREAD };
    expect(auditLines(h.dir).map(({ time: _t, ...l }) => l)).toEqual([
      { ...at, outcome: "preview", via: "token" },
      { ...at, outcome: "confirmed", via: "token" },
      { ...at, outcome: "succeeded" },
    ]);
  });

  it("saves drafts with isDraft true and says so in the result", async () => {
    const { h, forms } = await recorded();
    const r = await approved(h, "message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "draft text", is_draft: true });
    expect(r.text).toBe(`Saved as a draft in Priya Natarajan's thread in CST-323; Halo shows it at Sat Nov 21 10 AM (now).${FOOTER}`);
    expect(forms.map((f) => f.isDraft)).toEqual(["true"]);
    const at = { tool: "message_teacher", class: h.sandbox.ids.classes.cloud.slugId, thread: THREAD, draft: true };
    expect(auditLines(h.dir).map(({ time: _t, ...l }) => l)).toEqual([
      { ...at, outcome: "preview", via: "token" },
      { ...at, outcome: "confirmed", via: "token" },
      { ...at, outcome: "succeeded" },
    ]);
  });

  it("refuses an empty message before reading Halo, and names this class's threads for a wrong one", async () => {
    const h = await harness({ tweak: (s) => void (s.world.forums = s.world.forums.filter((f) => !(f.forumType === "INBOX" && f.courseClassId === SEED.classes.psych.id))) });
    const empty = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "\u200B\u202E  " });
    expect(empty).toEqual({ isError: true, text: "The message is empty (or only whitespace/invisible characters). Write what to say first. Nothing was sent." });
    const other = await h.call("message_teacher", { class_ref: CLASS, forum_id: SEED.forums.englishInbox, content: "Hi" });
    expect(other.text).toBe(
      `forum_id ${SEED.forums.englishInbox} is an inbox thread of a different class, not CST-323. Inbox threads in CST-323: Priya Natarajan (forum_id ${THREAD}); Mateo Gonzalez (forum_id 1322529e-4f89-4d7d-9131-68c4ef5bbac4). Nothing was sent.`,
    );
    const none = await h.call("message_teacher", { class_ref: "PSY-102", forum_id: "nope", content: "Hi" });
    expect(none).toEqual({ isError: true, text: "forum_id nope is not one of your inbox threads. Halo shows no inbox thread for you in PSY-102; start the conversation in Halo's web inbox first. Nothing was sent." });
    expect(auditLines(h.dir).map((l) => [l.outcome, l.reason])).toEqual([
      ["refused", "empty message"],
      ["refused", "not an inbox thread of this class"],
      ["refused", "not an inbox thread of this class"],
    ]);
    expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
  });

  it("names the other participant from the last post when Halo gives no recipient", async () => {
    const h = await harness({ tweak: (s) => void (s.world.forums.find((f) => f.forumId === THREAD)!.participantIds = [SEED.student.userId]) });
    const r = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Hi" });
    expect(r.text.split("\n")[1]).toMatch(/^Send to: Priya Natarajan — /);
    h.sandbox.world.posts.push(post({ id: randomUUID(), forumId: THREAD, content: "<p>me last</p>", createdByUserId: SEED.student.userId, at: new Date("2026-11-21T16:00:00Z") }));
    const mine = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Hi" });
    expect(mine.text.split("\n")[1]).toMatch(/^Send to: the other participant — /);
  });
});

describe("message_teacher believes the thread, not the send call", () => {
  const deliver = (h: Harness, content: string) => void h.sandbox.world.posts.push(post({ id: randomUUID(), forumId: THREAD, content, createdByUserId: SEED.student.userId, at: new Date("2026-11-21T17:00:00Z") }));

  it("reports it sent when the call errors but the thread shows the message", async () => {
    const { h } = await recorded({}, (hh, content) => {
      deliver(hh, content);
      return HttpResponse.json({ message: "Gateway Timeout" }, { status: 504 });
    });
    const r = await approved(h, "message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Lost reply" });
    expect(r).toMatchObject({
      isError: false,
      text: `Sent to Priya Natarajan's thread in CST-323; Halo shows it at Sat Nov 21 10 AM. (The send call reported an error, but the thread shows the message.)${FOOTER}`,
    });
  });

  it("does not count a post that was already there, and says to wait instead of resending", async () => {
    const { h } = await recorded({}, () => HttpResponse.json({ id: "x" }));
    const r = await approved(h, "message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Nobody stored me" });
    expect(r).toMatchObject({
      isError: true,
      text: "Halo accepted the message, but the thread does not show it yet. Do not send it again; read the thread with inbox_posts in a minute to confirm it arrived.",
    });
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "unverified", step: "verify" });
    const draft = await approved(h, "message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Nobody stored me", is_draft: true });
    expect(draft.text).toMatch(/^Halo accepted the message as a draft, but the thread does not show it yet\./);
  });

  it("falls back to matching the text when the thread could not be read before sending", async () => {
    const box: { armed?: boolean; sent?: boolean } = {};
    const h = await harness({
      elicit: () => ((box.armed = true), { action: "accept" }),
      wrapHandlers: (hs) => [
        http.post(/\/forum\/post\/send$/, () => void (box.sent = true)),
        http.post(/^https:\/\/gateway\.sandbox\.test\//, async ({ request }) => {
          const b = (await request.clone().json()) as { operationName?: string };
          // Every thread read between the approval and the send fails (the "before" snapshot), retries included.
          if (box.armed && !box.sent && b.operationName === "GetPostsForInboxForum") return HttpResponse.json({ message: "boom" }, { status: 500 });
          return undefined;
        }),
        ...hs,
      ],
    });
    const r = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Matched by text" });
    expect(r).toMatchObject({ isError: false, text: `Sent to Priya Natarajan's thread in CST-323; Halo shows it at Sat Nov 21 10 AM (now).${FOOTER}` });
    expect(box.sent).toBe(true);
  });

  it("says it could not check when the send was accepted but the thread cannot be re-read", async () => {
    const box: { h?: Harness } = {};
    const h = await harness({
      elicit: () => {
        box.h!.sandbox.switches.failOperations = { GetPostsForInboxForum: "http500" };
        return { action: "accept" };
      },
    });
    box.h = h;
    const r = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Unseen" });
    expect(r).toEqual({ isError: true, text: "Halo accepted the message, but I could not re-read the thread to check. Do not send it again; read the thread with inbox_posts in a minute to confirm it arrived." });
  });

  it("does not log a refusal when Halo's inbox cannot be read", async () => {
    const h = await harness({ switches: { failOperations: { GetInboxLeftPanel: "http500" } } });
    const r = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Hi" });
    expect(r.isError).toBe(true);
    expect(auditLines(h.dir)).toEqual([]);
  });

  it("says it could not check when the send fails and the thread cannot be re-read", async () => {
    const box: { h?: Harness } = {};
    const h = await harness({
      elicit: () => {
        box.h!.sandbox.switches.failRest = { send: "http500" };
        box.h!.sandbox.switches.failOperations = { GetPostsForInboxForum: "http500" };
        return { action: "accept" };
      },
    });
    box.h = h;
    const before = postsIn(h).length;
    const r = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Are you there?" });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^Sending failed: .+\. I could not re-read the thread to check\. Read the thread \(inbox_posts\) before trying again so nothing is sent twice; a retry needs a new approval \(call message_teacher again, without the old confirm_token\)\.$/);
    expect(postsIn(h)).toHaveLength(before);
    h.sandbox.switches.failRest = {};
    h.sandbox.switches.failOperations = {};
  });
});
