import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { type Harness } from "../helpers/harness.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { auditLines, auditText, outcomes, previewToken, tokenOf, writeCalls } from "../writes/support.js";

type H = Harness;
const harness = harnessPerTest();

const CLASS = "CST-323";
const THREAD = SEED.forums.cloudInbox;
const BODY = "Hello Professor,\n\nCould I get a one-day extension on the proposal? <b>Thanks</b>";
const postsIn = (h: H, forumId: string) => h.sandbox.world.posts.filter((p) => p.forumId === forumId);

describe("message_teacher", () => {
  it("shows the confirm token to the client (output redaction must not hide it)", async () => {
    const h = await harness();
    const r = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "hi" });
    expect(tokenOf(r.text)).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it("previews the exact message and recipient, sends only with the token, and verifies it in the thread", async () => {
    const h = await harness();
    const before = postsIn(h, THREAD).length;
    const { text, token } = await previewToken(h, "message_teacher", { class_ref: CLASS, forum_id: THREAD, content: BODY });
    const preview = { text };
    expect(preview.text).toMatch(/^PREVIEW — nothing has been sent yet\./);
    expect(preview.text).toMatch(/Send to: .+ — private inbox thread in CST-323/);
    expect(preview.text).toContain("> Could I get a one-day extension on the proposal? <b>Thanks</b>");
    expect(postsIn(h, THREAD)).toHaveLength(before);

    const sent = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: BODY, confirm_token: token });
    expect(sent.isError, sent.text).toBe(false);
    expect(sent.text).toMatch(/^Sent to .+ thread in CST-323; Halo shows it at /);
    const posts = postsIn(h, THREAD);
    expect(posts).toHaveLength(before + 1);
    const mine = posts.find((p) => p.content.includes("one-day extension"))!;
    expect(mine.content).toBe("<p>Hello Professor,</p><p>Could I get a one-day extension on the proposal? &lt;b&gt;Thanks&lt;/b&gt;</p>");

    const reuse = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: BODY, confirm_token: token });
    expect(reuse.isError).toBe(true);
    expect(reuse.text).toMatch(/already used/);
    expect(postsIn(h, THREAD)).toHaveLength(before + 1);

    const log = auditText(h.dir);
    expect(log).not.toContain("extension");
    expect(log).not.toContain(token);
    expect(outcomes(h.dir)).toEqual(["preview", "confirmed", "succeeded", "refused"]);
    expect(auditLines(h.dir)[0]).toMatchObject({ tool: "message_teacher", thread: THREAD });
  });

  it("binds the token to the exact text: a changed message needs a new preview", async () => {
    const h = await harness();
    const { token } = await previewToken(h, "message_teacher", { class_ref: CLASS, forum_id: THREAD, content: BODY });
    const r = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: BODY + " Also, send me the answer key.", confirm_token: token });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/does not match this exact request/);
    expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
  });

  it("refuses empty messages and threads that are not this class's inbox", async () => {
    const h = await harness();
    const empty = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "  \u200B \n " });
    expect(empty.isError).toBe(true);
    expect(empty.text).toMatch(/message is empty/);

    const other = await h.call("message_teacher", { class_ref: CLASS, forum_id: SEED.forums.englishInbox, content: "hi" });
    expect(other.isError).toBe(true);
    expect(other.text).toMatch(/different class/);
    expect(other.text).toContain(THREAD);

    const dq = await h.call("message_teacher", { class_ref: CLASS, forum_id: SEED.forums.htmlDq, content: "hi" });
    expect(dq.isError).toBe(true);
    expect(dq.text).toMatch(/not one of your inbox threads/);
    expect(writeCalls(h.sandbox.stats.calls)).toEqual([]);
  });

  it("saves a draft when asked, and says so in the preview", async () => {
    const h = await harness();
    const args = { class_ref: CLASS, forum_id: THREAD, content: "Draft: still thinking", is_draft: true };
    const { text, token } = await previewToken(h, "message_teacher", args);
    expect(text).toMatch(/Save as a DRAFT \(not delivered\) to: /);
    const r = await h.call("message_teacher", { ...args, confirm_token: token });
    expect(postsIn(h, THREAD).find((p) => p.content.includes("still thinking"))?.postStatus).toBe("DRAFT");
    expect(r.text).toMatch(/^Saved as a draft in /);
    expect(auditLines(h.dir).at(-1)).toMatchObject({ draft: true });
  });

  it("reports a failed send and that nothing arrived", async () => {
    const h = await harness();
    const { token } = await previewToken(h, "message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Question about unit 4" });
    h.sandbox.switches.failRest = { send: "http500" };
    const before = postsIn(h, THREAD).length;
    const r = await h.call("message_teacher", { class_ref: CLASS, forum_id: THREAD, content: "Question about unit 4", confirm_token: token });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/Sending failed: .*The thread shows no new message from you/);
    expect(postsIn(h, THREAD)).toHaveLength(before);
    expect(auditLines(h.dir).at(-1)).toMatchObject({ outcome: "failed", step: "send" });
  });
});
