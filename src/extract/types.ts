/**
 * What the extraction worker is asked and answers. Plain data only: it crosses a worker_threads boundary.
 */

export type DocKind = "pdf" | "docx" | "pptx" | "xlsx";

export interface ExtractLimits {
  /** Wall-clock budget for one file; the worker is terminated past it. */
  timeoutMs: number;
  /** The worker's V8 heap ceiling: a file that needs more fails instead of growing the server. */
  heapMb: number;
  /** Zip-based formats: at most this many entries in the archive. */
  zipEntries: number;
  /** Zip-based formats: at most this many bytes inflated in total (every entry read counts). */
  zipBytes: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { timeoutMs: 30_000, heapMb: 384, zipEntries: 5_000, zipBytes: 64 * 1024 * 1024 };

export interface ExtractRequest {
  file: string;
  kind: DocKind;
  /** 1-based inclusive range of PDF pages or PowerPoint slides. */
  from?: number;
  to?: number;
  /** Stop reading pages/slides once this many characters are in hand (the caller shows no more). */
  wantChars: number;
  limits: ExtractLimits;
}

/** One page, slide or sheet; `label` is its header line ("Page 3", "Slide 2", "Sheet Grades"). */
export interface Part {
  n: number;
  label: string;
  text: string;
}

export interface Extracted {
  kind: DocKind;
  parts: Part[];
  /** Pages or slides in the whole file (PDF, PPTX). */
  total?: number;
  /** Reading stopped early because wantChars were in hand: parts after the last one were not read. */
  stopped?: boolean;
}

export type FailureCode = "encrypted" | "corrupt" | "no_text" | "too_big" | "timeout" | "memory" | "range" | "cancelled";

export interface Failure {
  code: FailureCode;
  message: string;
}

export type WorkerReply = { ok: true; value: Extracted } | { ok: false; failure: Failure };

/** Thrown inside the worker for an expected failure; anything else is reported as corrupt. */
export class ExtractFailure extends Error {
  constructor(readonly code: FailureCode, message: string) {
    super(message);
  }
}

/**
 * Reads pages/slides `from`..`to` in order and stops once `wantChars` are in hand (the caller shows no more),
 * so the first pages of a long file cost only those pages. The range check names the unit.
 */
export async function readRange(req: ExtractRequest, total: number, unit: string, read: (n: number) => Promise<Part>): Promise<Pick<Extracted, "parts" | "total" | "stopped">> {
  const from = req.from ?? 1;
  const to = Math.min(req.to ?? total, total);
  if (total > 0 && from > total) throw new ExtractFailure("range", `The file has ${total} ${unit}${total === 1 ? "" : "s"}; the range starts beyond it.`);
  const parts: Part[] = [];
  let chars = 0;
  for (let n = from; n <= to; n++) {
    if (chars >= req.wantChars) return { parts, total, stopped: true };
    const part = await read(n);
    parts.push(part);
    // The header line each part gets when shown counts too.
    chars += part.text.length + part.label.length + 10;
  }
  return { parts, total };
}
