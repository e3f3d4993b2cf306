/**
 * The overall deadline of one tool call. MCP clients give up on a call after about 60 s and then never see
 * its answer; a call that outlives its client also holds Halo requests and memory. So every call answers by
 * the deadline: a read is aborted (its signal fires, a download stops and removes its temp file); a write is
 * left to finish, because stopping it halfway could leave Halo half-changed, and the answer says so.
 */
import type { ToolKind } from "../tools/define.js";

export async function withDeadline<T>(opts: {
  ms: number;
  kind: ToolKind;
  /** The client's own cancellation, if any. */
  signal?: AbortSignal;
  work: (signal: AbortSignal | undefined) => Promise<T>;
  late: () => T;
}): Promise<T> {
  const deadline = new AbortController();
  const abortable = opts.kind === "read";
  const signal = abortable ? (opts.signal ? AbortSignal.any([opts.signal, deadline.signal]) : deadline.signal) : opts.signal;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      if (abortable) deadline.abort(new Error("tool deadline"));
      resolve(opts.late());
    }, opts.ms);
  });
  try {
    return await Promise.race([opts.work(signal), late]);
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
