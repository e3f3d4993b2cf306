/** The memory of self-healing: healed documents (TTL, bound, persistence) and the per-document outcomes doctor reports. */
import { afterEach, describe, expect, it } from "vitest";
import { docHash, Healing, type HealedDoc, type HealingStore } from "../../src/halo/healing.js";
import { setLogLevel, setLogSink } from "../../src/log.js";

const DAY = 24 * 3_600_000;
const lines: string[] = [];
setLogSink((l) => lines.push(l));
afterEach(() => {
  lines.length = 0;
  setLogLevel("info");
});

function memoryStore(initial?: unknown) {
  const saves: HealedDoc[][] = [];
  let loads = 0;
  const store: HealingStore & { fail?: Error } = {
    load: async () => {
      loads++;
      return initial;
    },
    save: async (docs) => {
      if (store.fail) throw store.fail;
      saves.push(docs.map((d) => ({ ...d })));
    },
  };
  return { store, saves, loads: () => loads };
}

const doc = (n: number, at = 1_000): HealedDoc => ({ operation: `Op${n}`, original: docHash(`query Op${n} { a b }`), query: `query Op${n} { a }`, removed: ["b"], at });

describe("healed documents", () => {
  it("remembers the pruned document under the original's hash, with the time, and hands it back", async () => {
    let t = 5_000;
    const h = new Healing(undefined, () => t);
    expect(await h.healed("query Q { a b }")).toBeUndefined();
    await h.remember("query Q { a b }", { operation: "Q", query: "query Q { a }", removed: ["b"] });
    t = 6_000;
    expect(await h.healed("query Q { a b }")).toEqual({ operation: "Q", original: docHash("query Q { a b }"), query: "query Q { a }", removed: ["b"], at: 5_000 });
    expect(await h.healed("query Q { a  b }")).toBeUndefined(); // another text is another document
  });

  it("forgets a prune after a week, so a field Halo brings back is asked for again", async () => {
    let t = 0;
    const h = new Healing(undefined, () => t);
    await h.remember("query Q { a b }", { operation: "Q", query: "query Q { a }", removed: ["b"] });
    t = 7 * DAY;
    expect((await h.healed("query Q { a b }"))?.query).toBe("query Q { a }"); // exactly a week: still kept
    t = 7 * DAY + 1;
    expect(await h.healed("query Q { a b }")).toBeUndefined();
    t = 0; // deleted, not just hidden
    expect(await h.healed("query Q { a b }")).toBeUndefined();
  });

  it("keeps at most 100, dropping the least recently remembered", async () => {
    const h = new Healing(undefined, () => 1);
    for (let i = 0; i < 100; i++) await h.remember(`query Q${i} { a b }`, { operation: `Q${i}`, query: `query Q${i} { a }`, removed: ["b"] });
    await h.remember("query Q0 { a b }", { operation: "Q0", query: "query Q0 { a }", removed: ["b", "c"] }); // refreshed: now the newest
    await h.remember("query Q100 { a b }", { operation: "Q100", query: "query Q100 { a }", removed: ["b"] });
    expect((await h.healed("query Q0 { a b }"))?.removed).toEqual(["b", "c"]);
    expect(await h.healed("query Q1 { a b }")).toBeUndefined();
    expect((await h.healed("query Q2 { a b }"))?.operation).toBe("Q2");
    expect((await h.healed("query Q100 { a b }"))?.operation).toBe("Q100");
  });

  it("saves the whole set after every change, in order; a failed save is logged, never thrown", async () => {
    const { store, saves } = memoryStore();
    const h = new Healing(store, () => 7);
    await Promise.all([
      h.remember("query A { a b }", { operation: "A", query: "query A { a }", removed: ["b"] }),
      h.remember("query B { a b }", { operation: "B", query: "query B { a }", removed: ["b"] }),
    ]);
    expect(saves.map((s) => s.map((d) => d.operation))).toEqual([["A", "B"], ["A", "B"]]);
    expect(saves[1]![1]).toEqual({ operation: "B", original: docHash("query B { a b }"), query: "query B { a }", removed: ["b"], at: 7 });
    store.fail = new Error("disk full");
    await expect(h.remember("query C { a b }", { operation: "C", query: "query C { a }", removed: ["b"] })).resolves.toBeUndefined();
    expect(lines.some((l) => l.includes("WARN halo: could not save the healed documents (disk full)"))).toBe(true);
    expect((await h.healed("query C { a b }"))?.operation).toBe("C"); // still used in this process
  });

  it("loads what an earlier run saved once, keeping only well-formed entries and at most 100", async () => {
    const fresh = doc(1, 10);
    const list: unknown[] = [
      fresh,
      { ...doc(1, 10), query: "query Op1 { duplicate }" }, // the first entry for a hash wins
      { ...doc(2), removed: ["ok", 3] },
      { ...doc(3), at: "yesterday" },
      { ...doc(4), operation: undefined },
      { ...doc(5), original: 5 },
      { ...doc(6), query: null },
      { ...doc(7), removed: "b" },
      null,
      "junk",
      ...Array.from({ length: 100 }, (_, i) => doc(100 + i, 10)),
    ];
    const { store, loads } = memoryStore({ documents: list });
    const h = new Healing(store, () => 20);
    expect(await h.healed("query Op1 { a b }")).toEqual(fresh);
    for (const n of [2, 3, 4, 5, 6, 7]) expect(await h.healed(`query Op${n} { a b }`)).toBeUndefined();
    expect((await h.healed("query Op189 { a b }"))?.operation).toBe("Op189"); // 100 read: entries 0..99 of the list
    expect(await h.healed("query Op190 { a b }")).toBeUndefined();
    expect(loads()).toBe(1);
  });

  it("starts empty when the saved state is missing, malformed or unreadable", async () => {
    for (const raw of [undefined, null, "text", { documents: "no" }, { other: [] }]) {
      const h = new Healing(memoryStore(raw).store, () => 0);
      expect(await h.healed("query Op1 { a b }")).toBeUndefined();
    }
    setLogLevel("debug");
    const broken: HealingStore = { load: async () => Promise.reject(new Error("EACCES")), save: async () => undefined };
    const h = new Healing(broken, () => 0);
    expect(await h.healed("query Op1 { a b }")).toBeUndefined();
    expect(lines.some((l) => l.includes("DEBUG halo: healed documents could not be read (EACCES); starting without them"))).toBe(true);
  });
});

describe("operation outcomes", () => {
  it("one entry per document, in the order they last ran, at most 100", () => {
    const h = new Healing(undefined, () => 0);
    h.record("query A { a }", { operation: "A", status: "ok" });
    h.record("query B { b }", { operation: "B", status: "failed", message: "x" });
    h.record("query A2 { a }", { operation: "A", status: "pruned", removed: ["a.b"] }); // same name, another document
    h.record("query A { a }", { operation: "A", status: "partial", missing: ["c"] });
    expect(h.report()).toEqual([
      { operation: "B", status: "failed", message: "x" },
      { operation: "A", status: "pruned", removed: ["a.b"] },
      { operation: "A", status: "partial", missing: ["c"] },
    ]);
    for (let i = 0; i < 100; i++) h.record(`query N${i} { a }`, { operation: `N${i}`, status: "ok" });
    const ops = h.report().map((o) => o.operation);
    expect(ops).toHaveLength(100);
    expect(ops[0]).toBe("N0");
    expect(ops[99]).toBe("N99");
  });
});
