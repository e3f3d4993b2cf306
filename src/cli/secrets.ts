/**
 * Getting the student's Halo login into init without leaking it: from stdin (piped or typed without echo),
 * the environment, or flags (last resort: visible in `ps`).
 */
import type { CliIo } from "./io.js";

export interface Credentials {
  cookie?: string;
  authToken?: string;
  contextToken?: string;
}

/** Understands a Cookie header (with or without the `Cookie:` prefix, or a devtools "Copy as cURL" line),
 * a JSON object with cookie/authToken/contextToken, or the two raw tokens separated by whitespace. */
export function parseSecretText(text: string): Credentials | undefined {
  let t = text.trim();
  if (!t) return undefined;
  if (t.startsWith("{")) {
    try {
      const o = JSON.parse(t) as Record<string, unknown>;
      const pick = (k: string) => (typeof o[k] === "string" && (o[k] as string).trim() ? (o[k] as string).trim() : undefined);
      const c: Credentials = { cookie: pick("cookie"), authToken: pick("authToken"), contextToken: pick("contextToken") };
      return c.cookie || (c.authToken && c.contextToken) ? c : undefined;
    } catch {
      return undefined;
    }
  }
  // "Copy as cURL" puts the header in -H 'cookie: ...' or -b '...'.
  const curl = /(?:-H\s+['"]cookie:\s*|-b\s+['"])([^'"]+)['"]/i.exec(t);
  if (curl) t = curl[1] as string;
  t = t.replace(/^cookie:\s*/i, "").replace(/[\r\n]+/g, "").trim();
  if (t.includes("=")) return { cookie: t };
  const parts = t.split(/\s+/).filter(Boolean);
  if (parts.length === 2) return { authToken: parts[0], contextToken: parts[1] };
  return undefined;
}

export async function readAll(stream: CliIo["stdin"]): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads one short answer (echoed as typed): a yes/no question, never a secret. */
export function askLine(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  io.err(prompt);
  return new Promise((resolve) => {
    let buf = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.off("end", finish);
      stdin.pause();
      resolve(buf.split(/\r?\n|\r/)[0] ?? "");
    };
    const onData = (d: Buffer | string) => {
      buf += d.toString();
      if (/[\r\n]/.test(buf)) finish();
    };
    stdin.on("data", onData);
    stdin.once("end", finish);
    stdin.resume();
  });
}

/**
 * Reads one line from a terminal in raw mode: nothing is echoed (shoulder-surfing, scrollback), and a
 * long Cookie header is not cut at the terminal's 4 KiB line limit as it would be in canonical mode.
 */
export function readHidden(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  io.err(prompt);
  return new Promise((resolve, reject) => {
    let buf = "";
    const done = (err?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.err(`  (${buf.length} characters received)`);
      if (err) reject(err);
      else resolve(buf);
    };
    const onData = (d: Buffer | string) => {
      for (const ch of d.toString()) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new Error("cancelled"));
        if (ch === "\u007f" || ch === "\b") buf = buf.slice(0, -1);
        else if (ch >= " ") buf += ch;
      }
    };
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}
