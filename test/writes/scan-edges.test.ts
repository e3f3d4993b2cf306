/** Which secrets an upload is searched for, secrets split over many chunks, and each stream refusal's message. */
import { createHash } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { approvedBytes, fingerprint, shortHash, uploadNeedles } from "../../src/writes/scan.js";
import { serialized } from "../../src/writes/serial.js";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("uploadNeedles", () => {
  it("keeps opaque values of 20 characters or more, once each, and skips URL-like or spaced ones", () => {
    const twenty = "a".repeat(20);
    const needles = uploadNeedles([twenty, twenty, "b".repeat(19), `${"c".repeat(20)} d`, `${"e".repeat(20)}/f`, `${"g".repeat(20)}%2fh`, `${"i".repeat(20)}%2Fj`, `${"k".repeat(20)}\tl`]);
    expect(needles.map(String)).toEqual([twenty]);
  });
});

describe("fingerprint", () => {
  const secret = "0123456789abcdefghijKLMNOP";
  it("finds a secret spread over several small chunks", async () => {
    const body = `xx${secret}yy`;
    const chunks = body.match(/.{1,4}/g)!.map((c) => Buffer.from(c));
    expect(await fingerprint(Readable.from(chunks), uploadNeedles([secret]))).toEqual({ sha256: sha(body), size: body.length, holdsSecret: true });
  });

  it("finds any one of several secrets", async () => {
    const other = "zyxwvutsrqponmlkjihgfedcba";
    expect((await fingerprint(Readable.from([Buffer.from(`a ${other} b`)]), uploadNeedles([secret, other]))).holdsSecret).toBe(true);
  });

  it("hashes and sizes without searching when there is nothing to search for", async () => {
    expect(await fingerprint(Readable.from([Buffer.from("abc"), Buffer.from("def")]), [])).toEqual({ sha256: sha("abcdef"), size: 6, holdsSecret: false });
  });

  it("keeps hashing the whole file after a secret is found", async () => {
    const body = [secret, "tail-one", "tail-two"];
    expect(await fingerprint(Readable.from(body.map((b) => Buffer.from(b))), uploadNeedles([secret]))).toEqual({ sha256: sha(body.join("")), size: body.join("").length, holdsSecret: true });
  });

  it("shows the first twelve hex digits as the short hash", () => {
    expect(shortHash(sha("x"))).toBe(sha("x").slice(0, 12));
    expect(shortHash(sha("x"))).toHaveLength(12);
  });
});

describe("approvedBytes", () => {
  const run = async (chunks: string[], expected: string) => {
    let problem: string | undefined;
    const out: string[] = [];
    const guard = approvedBytes({ size: expected.length, sha256: sha(expected) }, (p) => (problem = p));
    const sink = new Writable({ write: (c, _e, cb) => void (out.push(String(c)), cb()) });
    const err = await pipeline(Readable.from(chunks.map((c) => Buffer.from(c))), guard, sink).then(() => undefined, (e: Error) => e.message);
    return { out, problem, err };
  };

  it("holds back only the last chunk until the size and hash are proven", async () => {
    expect(await run(["ab", "cd", "ef"], "abcdef")).toEqual({ out: ["ab", "cd", "ef"], problem: undefined, err: undefined });
  });

  it("names what went wrong in the error", async () => {
    expect(await run(["abc"], "abcd")).toEqual({ out: [], problem: "shrank", err: "the file shrank during the upload" });
    expect(await run(["abc", "x"], "abcd")).toMatchObject({ out: ["abc"], problem: "changed", err: "the file changed during the upload" });
    expect(await run(["abcd", "e"], "abcd")).toMatchObject({ out: [], problem: "grew", err: "the file grew during the upload" });
  });
});

describe("serialized", () => {
  it("lets the next call run after one that failed", async () => {
    await expect(serialized("k2", async () => { throw new Error("first failed"); })).rejects.toThrow("first failed");
    expect(await serialized("k2", async () => "second ran")).toBe("second ran");
  });
});

describe("serialized queue", () => {
  it("keeps a third call waiting behind the second after the first finished", async () => {
    const log: string[] = [];
    const gate = () => {
      let open!: () => void;
      return { wait: new Promise<void>((r) => (open = r)), open: () => open() };
    };
    const a = gate();
    const b = gate();
    const first = serialized("k3", async () => void (await a.wait, log.push("a")));
    const second = serialized("k3", async () => (log.push("b start"), await b.wait, log.push("b end")));
    a.open();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    const third = serialized("k3", async () => void log.push("c"));
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(["a", "b start"]);
    b.open();
    await Promise.all([second, third]);
    expect(log).toEqual(["a", "b start", "b end", "c"]);
  });
});
