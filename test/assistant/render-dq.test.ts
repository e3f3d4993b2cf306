/**
 * Work-item lines (whats_due, missing_work): the initial-post line follows the student's own post, not the
 * row's status, and items carry their short id instead of a link.
 */
import { describe, expect, it } from "vitest";
import { toWorkItem } from "../../src/assistant/items.js";
import { itemLines } from "../../src/assistant/render.js";
import { BASE, CLS, NOW, grade } from "./fixtures.js";

const policies = new Map([[CLS.id, { numPosts: 4, numDays: 3 }]]);
const dq = (p: Parameters<typeof grade>[0]) =>
  toWorkItem(CLS, grade({ ...p, assessment: { type: "DISCUSSION_QUESTION", dueDate: p?.dueDate ?? "2026-11-15 06:59:00", startDate: "2026-11-09 07:00:00" } }), BASE, NOW)!;
const lines = (it: ReturnType<typeof dq>) => itemLines(it, { tz: "America/Phoenix", now: NOW, policies }).join("\n");

describe("discussion items", () => {
  it("a missing DQ with no post of the student's never says the initial post is done", () => {
    const it = dq({ status: "OVERDUE", dueDate: "2026-11-15 06:59:00", post: null });
    expect(it.state).toBe("missing");
    const text = lines(it);
    expect(text).not.toContain("initial post done");
    expect(text).toMatch(/\n {2}initial post was due \w{3} Nov \d+ 11:59 PM — post it now$/);
  });

  it("a DQ Halo marks started, with no post yet, still needs the initial post", () => {
    const text = lines(dq({ status: "IN_PROGRESS", dueDate: "2026-11-22 06:59:00", post: null }));
    expect(text).not.toContain("initial post done");
    expect(text).toMatch(/initial post (was due|due by)/);
  });

  it("a reassigned DQ whose post exists says the initial post is done", () => {
    const text = lines(dq({ status: "REASSIGNED", dueDate: "2026-11-22 06:59:00", post: { id: "p1", publishDate: "2026-11-12T10:00:00Z" } }));
    expect(text).toContain("initial post done");
  });

  it("ends the line with the assessment id and carries no link; past deadlines get no relative phrase", () => {
    const it = dq({ status: "OVERDUE", dueDate: "2026-11-15 06:59:00", post: null });
    const first = lines(it).split("\n")[0]!;
    expect(first.endsWith(` · ${it.assessmentId}`)).toBe(true);
    expect(lines(it)).not.toContain("https://");
    expect(first).toMatch(/^- Sat Nov 14 11:59 PM — /);
  });
});
