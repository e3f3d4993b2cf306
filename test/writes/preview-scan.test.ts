import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hasUnsafeChars, shown, shownBody } from "../../src/writes/preview.js";
import { approvedBytes, fingerprint, uploadNeedles } from "../../src/writes/scan.js";
import { serialized } from "../../src/writes/serial.js";

describe("shown", () => {
  it("escapes newlines, controls, bidi and invisible format characters and keeps ordinary text", () => {
    expect(shown("Essay\r\n\t1\u202Efdp.exe\u2066x\u200B\u0007\u2028")).toBe("Essay\\r\\n\\t1\\u202Efdp.exe\\u2066x\\u200B\\u0007\\u2028");
    expect(shown("Résumé – final (v2).pdf")).toBe("Résumé – final (v2).pdf");
    expect(shown("", "(unnamed file)")).toBe("(unnamed file)");
    expect(shownBody("line 1\nline 2\r\u202E")).toBe("line 1\nline 2\\r\\u202E");
    expect([hasUnsafeChars("ok name.pdf"), hasUnsafeChars("bad\u200Fname.pdf")]).toEqual([false, true]);
  });
});

describe("fingerprint", () => {
  const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));
  it("hashes the bytes and finds a secret split across chunks, ignoring short or URL-like values", async () => {
    const secret = "s3cr3t-session-value-0123456789";
    const needles = uploadNeedles([secret, "short", "https%3A%2F%2Fhalo.gcu.edu%2Fcallback-long-enough"]);
    expect(needles.map(String)).toEqual([secret]);
    const fp = await fingerprint(chunks("intro s3cr3t-sess", "ion-value-0123456789 outro"), needles);
    expect(fp).toEqual({ sha256: createHash("sha256").update(`intro ${secret} outro`).digest("hex"), size: 6 + secret.length + 6, holdsSecret: true });
    expect((await fingerprint(chunks("s3cr3t-session-value-012345678", "X"), needles)).holdsSecret).toBe(false);
  });
});

describe("approvedBytes", () => {
  const run = async (body: string, expected: string) => {
    const out: Buffer[] = [];
    let problem: string | undefined;
    const sink = new Writable({ write: (c, _e, cb) => void (out.push(c as Buffer), cb()) });
    const guard = approvedBytes({ size: expected.length, sha256: createHash("sha256").update(expected).digest("hex") }, (p) => (problem = p));
    const err = await pipeline(Readable.from([Buffer.from(body.slice(0, 3)), Buffer.from(body.slice(3))]), guard, sink).then(() => undefined, (e: Error) => e.message);
    return { passed: Buffer.concat(out).toString(), problem, err };
  };
  it("passes the approved bytes and stops a body that grew, shrank or changed before its last chunk", async () => {
    expect(await run("approved", "approved")).toEqual({ passed: "approved", problem: undefined, err: undefined });
    expect(await run("approved!", "approved")).toMatchObject({ problem: "grew", err: "the file grew during the upload" });
    expect(await run("approve", "approved")).toMatchObject({ passed: "app", problem: "shrank" });
    expect(await run("APProved", "approved")).toMatchObject({ passed: "APP", problem: "changed" });
  });
});

describe("serialized", () => {
  it("runs calls with one key in arrival order and other keys independently", async () => {
    const log: string[] = [];
    let releaseFirst!: () => void;
    const first = serialized("k", async () => {
      log.push("first start");
      await new Promise<void>((r) => (releaseFirst = r));
      log.push("first end");
    });
    const second = serialized("k", async () => void log.push("second"));
    const other = serialized("other", async () => void log.push("other"));
    await other;
    await Promise.resolve();
    expect(log).toEqual(["first start", "other"]);
    releaseFirst();
    await Promise.all([first, second]);
    expect(log).toEqual(["first start", "other", "first end", "second"]);
  });
});
