/**
 * Loads a CommonJS package on first use instead of at startup. Libraries only a tool call needs (HTML
 * conversion, calendar files, multipart bodies) would otherwise sit between spawning the server and its
 * first answer; loading them synchronously on demand keeps the callers simple.
 */
import { createRequire } from "node:module";

const requireHere = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= requireHere(id) as T);
}
