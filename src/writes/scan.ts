/**
 * What an upload's bytes are, read once before the preview: the sha256 the student sees (short) and the
 * token binds, and whether the bytes hold this server's own login. A copy or hard link of the config file
 * has another path, so only its content gives it away. Streamed: memory stays at one chunk plus the longest
 * secret, whatever the file size.
 */
import { createHash } from "node:crypto";
import { Transform, type Readable, type TransformCallback } from "node:stream";

export interface Fingerprint {
  sha256: string;
  size: number;
  /** True when the bytes contain one of the secrets searched for. */
  holdsSecret: boolean;
}

/** First 12 hex digits: enough for the student to tell two versions of a file apart. */
export const shortHash = (sha256: string): string => sha256.slice(0, 12);

/**
 * Secrets worth searching for: long, opaque values (tokens, session cookies, csrf and bearer values). Short
 * or URL-like cookie values (a callback URL, "true") would refuse ordinary essays that mention them.
 */
export function uploadNeedles(secrets: Iterable<string>): Buffer[] {
  const out = new Map<string, Buffer>();
  for (const s of secrets) {
    if (s.length < 20 || /\s|\/|%2F/i.test(s)) continue;
    // Stryker disable next-line StringLiteral: an empty encoding falls back to utf8
    out.set(s, Buffer.from(s, "utf8"));
  }
  return [...out.values()];
}

export async function fingerprint(stream: Readable, needles: readonly Buffer[]): Promise<Fingerprint> {
  const hash = createHash("sha256");
  // Stryker disable next-line ArithmeticOperator: a longer carried tail only re-searches more bytes; what is found is the same
  const keep = Math.max(0, ...needles.map((n) => n.length - 1));
  let tail = Buffer.alloc(0);
  let size = 0;
  let holdsSecret = false;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    hash.update(buf);
    size += buf.length;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: skipping the search once decided (or with nothing to find) is only an optimisation
    if (holdsSecret || !needles.length) continue;
    // The tail carries a secret split across two chunks.
    const window = tail.length ? Buffer.concat([tail, buf]) : buf;
    if (needles.some((n) => window.includes(n))) holdsSecret = true;
    tail = keep ? Buffer.from(window.subarray(Math.max(0, window.length - keep))) : tail;
  }
  return { sha256: hash.digest("hex"), size, holdsSecret };
}

export type StreamProblem = "grew" | "shrank" | "changed";

/**
 * Passes the bytes through while checking them against what the student approved. The last chunk is held
 * back until the end proves the size and hash, so a file that grew, shrank or changed is refused before the
 * object store receives the whole body: the upload fails instead of storing a cut or different file.
 */
export function approvedBytes(expected: { size: number; sha256: string }, onProblem: (p: StreamProblem) => void): Transform {
  const hash = createHash("sha256");
  let seen = 0;
  let held: Buffer | undefined;
  const fail = (cb: TransformCallback, p: StreamProblem) => {
    onProblem(p);
    cb(new Error(`the file ${p === "grew" ? "grew" : p === "shrank" ? "shrank" : "changed"} during the upload`));
  };
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > expected.size) return fail(cb, "grew");
      hash.update(chunk);
      const out = held;
      held = chunk;
      cb(null, out);
    },
    flush(cb) {
      if (seen < expected.size) return fail(cb, "shrank");
      if (hash.digest("hex") !== expected.sha256) return fail(cb, "changed");
      cb(null, held);
    },
  });
}
