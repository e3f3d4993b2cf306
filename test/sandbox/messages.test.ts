import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { bearer, gql, orch, useMswSandbox } from "./helpers.js";

const { sb } = useMswSandbox();

function send(fields: Record<string, string>): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return fetch(orch("forum/post/send"), { method: "POST", headers: bearer(sb), body: form });
}

describe("send message", () => {
  it("creates a post in the thread and makes it the lastPost", async () => {
    const res = await send({ content: "<p>Thank you!</p>", forumId: SEED.forums.cloudInbox, isDraft: "false", extractLink: "true" });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { id: string; postStatus: string };
    expect(reply.postStatus).toBe("PUBLISHED");
    const r = await gql(sb, `query I { getInboxLeftPanel { forums { forumId lastPost { isReplied post { id content } } } } }`);
    const thread = (r.body.data?.getInboxLeftPanel as { forums: { forumId: string; lastPost: { isReplied: boolean; post: { id: string } } }[] }[]).flatMap((p) => p.forums).find((f) => f.forumId === SEED.forums.cloudInbox);
    expect(thread?.lastPost.post.id).toBe(reply.id);
    expect(thread?.lastPost.isReplied).toBe(true);
    const posts = await gql(sb, `query P($f: String, $n: Int, $s: Int) { getPostsForInboxForum(forumId: $f, pgNum: $n, pgSize: $s) { id } }`, { f: SEED.forums.cloudInbox, n: 1, s: 2 });
    expect((posts.body.data?.getPostsForInboxForum as { id: string }[])[0]?.id).toBe(reply.id);
  });

  it("keeps drafts out of lastPost", async () => {
    const res = await send({ content: "<p>draft</p>", forumId: SEED.forums.englishInbox, isDraft: "true", extractLink: "true" });
    const draft = (await res.json()) as { id: string; postStatus: string };
    expect(draft.postStatus).toBe("DRAFT");
    const r = await gql(sb, `query I { getInboxLeftPanel { forums { forumId lastPost { post { id } } } } }`);
    const thread = (r.body.data?.getInboxLeftPanel as { forums: { forumId: string; lastPost: { post: { id: string } } }[] }[]).flatMap((p) => p.forums).find((f) => f.forumId === SEED.forums.englishInbox);
    expect(thread?.lastPost.post.id).not.toBe(draft.id);
  });

  it("rejects unknown forums, non-inbox forums, empty content and JSON bodies", async () => {
    expect((await send({ content: "<p>x</p>", forumId: "00000000-0000-4000-8000-000000000000", isDraft: "false" })).status).toBe(404);
    expect((await send({ content: "<p>x</p>", forumId: SEED.forums.htmlDq, isDraft: "false" })).status).toBe(400);
    expect((await send({ content: "<p> </p>", forumId: SEED.forums.cloudInbox, isDraft: "false" })).status).toBe(400);
    const json = await fetch(orch("forum/post/send"), { method: "POST", headers: bearer(sb, { "content-type": "application/json" }), body: JSON.stringify({ content: "x", forumId: SEED.forums.cloudInbox }) });
    expect(json.status).toBe(415);
  });
});

describe("download", () => {
  it("signs a store URL for a class resource and serves bytes with a content type", async () => {
    const res = await fetch(orch(`downloadUrl/${SEED.resources.syllabus}`), { headers: bearer(sb) });
    const { downloadUrl } = (await res.json()) as { downloadUrl: string };
    const file = await fetch(downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/markdown");
    expect(await file.text()).toMatch(/Syllabus/);
    const pdf = await fetch(((await (await fetch(orch(`downloadUrl/${SEED.resources.schedulePdf}`), { headers: bearer(sb) })).json()) as { downloadUrl: string }).downloadUrl);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const docx = await fetch(((await (await fetch(orch(`downloadUrl/${SEED.resources.styleGuideDocx}`), { headers: bearer(sb) })).json()) as { downloadUrl: string }).downloadUrl);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
  });

  it("supports the {result:{downloadUrl}} shape", async () => {
    sb.switches.downloadUrlShape = "result";
    const body = (await (await fetch(orch(`downloadUrl/${SEED.resources.feedbackPdf}`), { headers: bearer(sb) })).json()) as { result: { downloadUrl: string } };
    expect(body.result.downloadUrl).toMatch(/^https:\/\/store\.sandbox\.test\//);
  });

  it("404s unknown ids and refuses instructor-only resources", async () => {
    expect((await fetch(orch("downloadUrl/nope"), { headers: bearer(sb) })).status).toBe(404);
    expect((await fetch(orch(`downloadUrl/${SEED.resources.instructorOnly}`), { headers: bearer(sb) })).status).toBe(403);
  });
});
