/**
 * `npm run demo`: the endpoint and bearer token come before the tour, the two `claude mcp add` lines use
 * different names, and the links in its answers open real (simulated) Halo pages instead of 404s.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classLink, assessmentLink } from "../../src/shape/common.js";
import { createSandbox } from "../../src/sandbox/index.js";
import { ROOT, ensureBuilt, freePort } from "./support.js";

async function demo(): Promise<{ code: number | null; out: string }> {
  ensureBuilt();
  const port = await freePort();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "dist/bin/cli/demo.js"), "--once", "--port", String(port)], { env: { PATH: process.env.PATH ?? "" } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe("npm run demo", () => {
  it("prints the endpoint, token and both setup lines (with different names) before the tour", async () => {
    const r = await demo();
    expect(r.code).toBe(0);
    const endpoint = r.out.indexOf("MCP endpoint:");
    const token = /Bearer token: {2}(\S+)/.exec(r.out);
    const tour = r.out.indexOf("── ");
    expect(endpoint).toBeGreaterThan(-1);
    expect(token?.[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tour).toBeGreaterThan(r.out.indexOf(token?.[0] ?? "\0"));
    const http = /claude mcp add --transport http (\S+) http:\/\/127\.0\.0\.1:\d+\/mcp/.exec(r.out);
    const stdio = /claude mcp add (\S+) -- \S+ \S+ --sandbox/.exec(r.out);
    expect(http?.[1]).toBe("halo-demo");
    expect(stdio?.[1]).toBe("halo-demo-stdio");
    expect(r.out.indexOf(http?.[0] ?? "\0")).toBeLessThan(tour);
  }, 60_000);

  it("the sandbox web host serves the class, assignment, group and quiz pages our links point at", async () => {
    const sb = createSandbox();
    const running = await sb.listen();
    try {
      const base = running.urls.web;
      const cls = sb.world.classes.find((c) => c.units.some((u) => u.assessments.some((a) => a.type === "QUIZ"))) ?? sb.world.classes[0];
      if (!cls) throw new Error("the seeded world has no class");
      const all = cls.units.flatMap((u) => u.assessments);
      const quiz = all.find((a) => a.type === "QUIZ");
      const page = async (url: string) => {
        const res = await fetch(url, { redirect: "manual" });
        return { status: res.status, html: await res.text() };
      };
      const home = await page(classLink(base, cls.slugId));
      expect(home.status).toBe(200);
      expect(home.html).toContain(cls.name.replace(/&/g, "&#38;"));
      expect(home.html).toContain("Simulated Halo");
      const first = all[0];
      if (first) expect((await page(assessmentLink(base, cls.slugId, { id: first.id, type: "ESSAY" }))).html).toContain(`assignment-submission/${first.id}`);
      if (quiz) {
        const q = await page(assessmentLink(base, cls.slugId, quiz));
        expect(q.status).toBe(200);
        expect(q.html).toContain(quiz.title.replace(/&/g, "&#38;"));
      }
      expect((await page(`${base}/courses/no-such-class`)).status).toBe(404);
    } finally {
      await running.close();
    }
  });
});
