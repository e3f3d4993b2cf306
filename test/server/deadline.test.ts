/**
 * Every tool call answers by its deadline: a read is stopped (its signal aborts), a write is left to finish
 * and says so. Through the real server and MCP client, with a Halo slower than the deadline.
 */
import { describe, expect, it } from "vitest";
import { lateText, withDeadline } from "../../src/server/deadline.js";
import { harnessPerTest } from "../helpers/lifecycle.js";

const start = harnessPerTest();
const never = (seen: Array<AbortSignal | undefined>) => (signal: AbortSignal | undefined) => {
  seen.push(signal);
  return new Promise<string>(() => undefined);
};

describe("tool deadline", () => {
  it("a read past the deadline is aborted and answered with a retry hint", async () => {
    const seen: Array<AbortSignal | undefined> = [];
    const out = await withDeadline({ ms: 20, kind: "read", work: never(seen), late: () => "late" });
    expect(out).toBe("late");
    expect(seen[0]?.aborted).toBe(true);
  });

  it("a write past the deadline is not aborted, and the answer says it may still complete", async () => {
    const client = new AbortController();
    const seen: Array<AbortSignal | undefined> = [];
    expect(await withDeadline({ ms: 20, kind: "write", signal: client.signal, work: never(seen), late: () => "late" })).toBe("late");
    expect(seen[0]).toBe(client.signal);
    expect(seen[0]?.aborted).toBe(false);
    expect(lateText("submit_assignment", "write", 50_000)).toMatch(/^submit_assignment did not finish within 50 s\. It is still running and may yet complete: check/);
  });

  it("work that finishes first is returned as it is", async () => {
    expect(await withDeadline({ ms: 60_000, kind: "read", work: async () => "done", late: () => "late" })).toBe("done");
  });

  it("a tool call against a Halo slower than the deadline gets an isError answer, not silence", async () => {
    const h = await start({ latencyMs: 3_000, configFile: { toolDeadlineMs: 1_000 } });
    const r = await h.call("list_classes", {});
    expect(r.isError).toBe(true);
    expect(r.text).toBe("list_classes did not finish within 1 s (Halo is slow or the request was large) and was stopped; nothing was changed. Try again in a minute, or ask for less (one class, fewer items).");
  });
});
