import { describe, expect, it } from "vitest";
import { z } from "zod";
import { degradedLine, degradedSoFar, noteDegraded, recordDegraded, withDegradedNotes } from "../../src/halo/degraded.js";
import { Cache } from "../../src/queries/cache.js";
import { runTool } from "../../src/server/server.js";
import { defineTool } from "../../src/tools/define.js";
import { IdBook } from "../../src/queries/id-book.js";

/** runTool finishes answers (short ids, notes) with the server's id book, zone and clock. */
const ctx = { ids: new IdBook(), config: { timezone: "America/Phoenix", toolDeadlineMs: 50_000 }, now: () => new Date("2026-11-21T17:00:00Z") } as never;

const tool = (handler: () => Promise<string | { text: string; isError?: boolean }>) =>
  defineTool({ name: "t", title: "T", description: "a test tool", kind: "read", input: z.object({}), handler });

describe("degradation notes", () => {
  it("keep parallel runs apart and deduplicate within one", async () => {
    const [a, b] = await Promise.all([
      withDegradedNotes(async () => {
        noteDegraded("gradebook details", "Halo rejected grades.modifiedDate");
        await new Promise((r) => setTimeout(r, 1));
        noteDegraded("gradebook details", "Halo rejected grades.modifiedDate");
        return 1;
      }),
      withDegradedNotes(async () => {
        noteDegraded("announcement counts", "field error");
        return 2;
      }),
    ]);
    expect(a).toEqual({ result: 1, notes: [{ feature: "gradebook details", detail: "Halo rejected grades.modifiedDate" }] });
    expect(b.notes.map((n) => n.feature)).toEqual(["announcement counts"]);
    expect(degradedSoFar().map((n) => n.feature)).toEqual(expect.arrayContaining(["gradebook details", "announcement counts"]));
  });

  it("a recording forwards to the enclosing call and a cache hit repeats what its value lacked", async () => {
    const outer = await withDegradedNotes(async () => {
      const inner = await recordDegraded(async () => noteDegraded("grade details", "Halo rejected the extra fields"));
      return inner.notes;
    });
    expect(outer.result).toEqual([{ feature: "grade details", detail: "Halo rejected the extra fields" }]);
    expect(outer.notes).toEqual(outer.result);

    const cache = new Cache(() => 0);
    let loads = 0;
    const load = async () => {
      loads++;
      noteDegraded("inbox counts", "field error");
      return 7;
    };
    const first = await withDegradedNotes(() => cache.get("k", 60_000, load));
    const hit = await withDegradedNotes(() => cache.get("k", 60_000, load));
    expect([first.result, hit.result, loads]).toEqual([7, 7, 1]);
    expect(hit.notes).toEqual([{ feature: "inbox counts", detail: "field error" }]);
  });

  it("makes one line, one entry per feature", () => {
    expect(degradedLine([])).toBeUndefined();
    expect(degradedLine([{ feature: "a", detail: "x" }, { feature: "a", detail: "y" }, { feature: "b", detail: "" }])).toBe(
      "Note: incomplete answer, Halo did not provide: a (x); b.",
    );
  });

  it("runTool appends the line to a good answer only", async () => {
    const ok = await runTool(tool(async () => { noteDegraded("inbox counts", "field error"); return "3 messages"; }), {}, ctx);
    expect(ok.content[0]!.text).toBe("3 messages\nNote: incomplete answer, Halo did not provide: inbox counts (field error).");
    const clean = await runTool(tool(async () => "fine"), {}, ctx);
    expect(clean.content[0]!.text).toBe("fine");
    const failed = await runTool(tool(async () => { noteDegraded("x", "y"); return { text: "nope", isError: true }; }), {}, ctx);
    expect(failed).toEqual({ content: [{ type: "text", text: "nope" }], isError: true });
  });
});
