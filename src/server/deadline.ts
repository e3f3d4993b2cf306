/**
 * The overall deadline of one tool call. MCP clients give up on a call after about 60 s and then never see
 * its answer; a call that outlives its client also holds Halo requests and memory. So every call answers by
 * the deadline: a read is aborted (its signal fires, a download stops and removes its temp file); a write is
 * left to finish, because stopping it halfway could leave Halo half-changed, and the answer says so. Time the
 * student spends answering an approval request (elicitation) is not the server's, so it does not count.
 */
import type { ToolKind } from "../tools/define.js";

export async function withDeadline<T>(opts: {
  ms: number;
  kind: ToolKind;
  /** The client's own cancellation, if any. */
  signal?: AbortSignal;
  /** `hold(p)`: time spent waiting for `p` (the student answering an approval request) does not count. */
  work: (signal: AbortSignal | undefined, hold: <R>(p: Promise<R>) => Promise<R>) => Promise<T>;
  late: () => T;
}): Promise<T> {
  const deadline = new AbortController();
  const abortable = opts.kind === "read";
  const signal = abortable ? (opts.signal ? AbortSignal.any([opts.signal, deadline.signal]) : deadline.signal) : opts.signal;
  let timer: NodeJS.Timeout | undefined;
  let remaining = opts.ms;
  let startedAt = Date.now();
  let holds = 0;
  let fire: () => void = () => undefined;
  const late = new Promise<T>((resolve) => {
    fire = () => {
      if (abortable) deadline.abort(new Error("tool deadline"));
      resolve(opts.late());
    };
    timer = setTimeout(fire, remaining);
  });
  const hold = async <R>(p: Promise<R>): Promise<R> => {
    if (holds++ === 0) {
      clearTimeout(timer);
      remaining -= Date.now() - startedAt;
    }
    try {
      return await p;
    } finally {
      if (--holds === 0) {
        startedAt = Date.now();
        timer = setTimeout(fire, Math.max(0, remaining));
      }
    }
  };
  try {
    return await Promise.race([opts.work(signal, hold), late]);
  } finally {
    clearTimeout(timer);
  }
}

export function lateText(tool: string, kind: ToolKind, ms: number): string {
  const s = Math.round(ms / 1000);
  return kind === "read"
    ? `${tool} did not finish within ${s} s (Halo is slow or the request was large) and was stopped; nothing was changed. Try again in a minute, or ask for less (one class, fewer items).`
    : `${tool} did not finish within ${s} s. It is still running and may yet complete: check the result in Halo (or with the matching read tool) before trying again, so nothing is done twice.`;
}
