import type { AppConfig } from "../config/types.js";
import type { HaloApi } from "../halo/types.js";
import type { Logger } from "../log.js";
import type { Cache } from "./cache.js";
import type { ClassDirectory } from "./class-directory.js";
import type { IdBook } from "./id-book.js";

/** What every handler gets. Built once per server (per call for `progress` and `signal`). */
export interface ToolContext {
  halo: HaloApi;
  /** Session tools only (check_tokens, refresh, ...). Typed loosely until src/halo exports SessionControl. */
  session: import("../halo/types.js").SessionControl;
  config: AppConfig;
  /** The clock; tests fix it. */
  now: () => Date;
  classes: ClassDirectory;
  cache: Cache;
  /** Full ids behind the short ids answers show (shared by every call of this server). */
  ids: IdBook;
  log: Logger;
  /** Directory for local state beside the config file (watermark, audit log, confirmations). */
  stateDir: string;
  /** Progress notification to the client; a no-op when the client sent no progress token. */
  progress: (done: number, total?: number, message?: string) => Promise<void>;
  signal?: AbortSignal;
  /**
   * Asks the student directly through their client (MCP elicitation) and returns their answer. Set only when
   * the client supports it; every write then asks here, and a confirm token from the model is not enough.
   */
  ask?: (message: string) => Promise<StudentAnswer>;
}

export type StudentAnswer = "accept" | "decline" | "cancel";
