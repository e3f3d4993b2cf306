/**
 * A configuration problem the student has to fix. The message is always ONE line naming the key and where
 * it came from, because it is printed verbatim at startup (and a stack trace helps nobody there).
 */
export class ConfigError extends Error {
  readonly key?: string;
  readonly source?: string;
  constructor(message: string, opts: { key?: string; source?: string; cause?: unknown } = {}) {
    super(message.replace(/\s*\n\s*/g, " "), opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "ConfigError";
    this.key = opts.key;
    this.source = opts.source;
  }
}

export const isConfigError = (e: unknown): e is ConfigError => e instanceof ConfigError;
