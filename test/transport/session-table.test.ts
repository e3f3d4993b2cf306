/**
 * The HTTP session table on a fake clock: the cap holds, a session in use (request in flight, or one within the
 * active window) is never evicted, the longest-idle one makes room, and a full table of sessions in use refuses
 * with the time until one could free up.
 */
import { describe, expect, it } from "vitest";
import { SessionTable } from "../../src/transport/sessions.js";

function table(max: number, activeMs = 60_000) {
  let now = 1_000_000;
  const evicted: string[] = [];
  const t = new SessionTable<string>({ max, activeMs }, (v) => evicted.push(v), () => now);
  const open = (id: string) => {
    const place = t.admit();
    if (!place.ok) throw new Error(`refused, retry after ${place.retryAfterSeconds}`);
    t.add(id, id, place);
  };
  return { t, evicted, open, advance: (ms: number) => (now += ms) };
}

describe("SessionTable", () => {
  it("admits up to the cap without evicting anyone", () => {
    const { t, evicted, open } = table(3);
    open("a");
    open("b");
    open("c");
    expect(t.size).toBe(3);
    expect(evicted).toEqual([]);
    expect(t.values()).toEqual(["a", "b", "c"]);
  });

  it("refuses when every session was used within the active window, with the seconds until the oldest leaves it", () => {
    const { t, evicted, open, advance } = table(2, 60_000);
    open("a");
    advance(15_000);
    open("b");
    advance(10_500); // a was last used 25.5 s ago: 34.5 s to go, rounded up
    expect(t.admit()).toEqual({ ok: false, retryAfterSeconds: 35 });
    expect(evicted).toEqual([]);
    expect(t.size).toBe(2);
  });

  it("evicts the longest-idle session outside the window, never a recently used one", () => {
    const { t, evicted, open, advance } = table(3, 60_000);
    open("a");
    open("b");
    open("c");
    advance(120_000);
    t.begin("b")!(); // b used just now
    t.touch("c"); // c opened its event stream just now
    advance(1_000);
    open("d");
    expect(evicted).toEqual(["a"]);
    expect(t.get("a")).toBeUndefined();
    expect(t.values().sort()).toEqual(["b", "c", "d"]);
    // b, c and d are all in use now.
    expect(t.admit()).toMatchObject({ ok: false });
  });

  it("never evicts a session with a request in flight, however long ago it started", () => {
    const { t, evicted, open, advance } = table(2, 60_000);
    open("a");
    open("b");
    const endA = t.begin("a")!;
    advance(10 * 60_000);
    open("c"); // b is idle; a is busy
    expect(evicted).toEqual(["b"]);
    const refused = t.admit();
    // a is still in flight and c was just opened: a full window from now at best.
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 60 });
    endA();
    endA(); // ending twice counts once
    advance(61_000);
    open("d");
    expect(evicted).toEqual(["b", "a"]);
  });

  it("initializes still being answered hold their place, so a burst cannot overshoot the cap", () => {
    const { t, open } = table(2, 60_000);
    const first = t.admit();
    const second = t.admit();
    if (!first.ok || !second.ok) throw new Error("both fit");
    expect(t.admit()).toMatchObject({ ok: false, retryAfterSeconds: 60 });
    // A refused initialize gives its place back; releasing again changes nothing.
    second.release();
    second.release();
    t.add("a", "a", first);
    first.release(); // already filled: frees nothing
    open("b");
    expect(t.size).toBe(2);
    expect(t.admit()).toMatchObject({ ok: false });
  });

  it("lists idle sessions for the reaper: no request for the idle time and none in flight (an open stream is not use)", () => {
    const { t, open, advance } = table(5, 1_000);
    open("a");
    open("b");
    open("c");
    const endB = t.begin("b")!;
    advance(5_000);
    t.begin("c")!();
    advance(2_000);
    expect(t.idle(3_000)).toEqual(["a"]);
    endB();
    expect(t.idle(3_000)).toEqual(["a"]); // b's request just ended: recent
    advance(4_000);
    expect(t.idle(3_000)).toEqual(["a", "b", "c"]);
    expect(t.delete("a")).toBe(true);
    expect(t.delete("a")).toBe(false);
    expect(t.begin("a")).toBeUndefined();
    expect(t.touch("a")).toBeUndefined();
  });
});
