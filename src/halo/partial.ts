/**
 * Partial data: Halo answered, but a resolver failed on some fields (HTTP 200, `data` with nulls, `errors` with a
 * `path`). A document lists the response subtrees it can do without (`optional`); an error inside one of them
 * costs only that subtree, which is nulled and named in a degradation note.
 */
import { pathOf, type GqlError } from "./classify.js";

/** `a.3.b` → `a.b`: optional prefixes ignore list indexes. */
export const dottedPath = (path: ReadonlyArray<string | number>) => path.filter((p) => typeof p === "string").join(".");

/** The optional prefix an error lies in, or undefined. Root-level errors are never optional. */
export function optionalPrefixOf(e: GqlError, optional: readonly string[] | undefined): string | undefined {
  const path = pathOf(e);
  if (!optional?.length || path.length < 2) return undefined;
  const dotted = dottedPath(path);
  return optional.find((p) => dotted === p || dotted.startsWith(p + "."));
}

/**
 * Nulls the subtree (with its list indexes) that the optional prefix names, inside `data`. Returns false when
 * that subtree's parent is itself gone (a non-null field pushed the null above the optional part).
 */
export function nullSubtree(data: unknown, path: ReadonlyArray<string | number>, prefix: string): boolean {
  const depth = prefix.split(".").length;
  const cut: Array<string | number> = [];
  let names = 0;
  for (const p of path) {
    cut.push(p);
    if (typeof p === "string" && ++names === depth) break;
  }
  let node: unknown = data;
  for (const p of cut.slice(0, -1)) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string | number, unknown>)[p];
  }
  if (node === null || typeof node !== "object") return false;
  (node as Record<string | number, unknown>)[cut[cut.length - 1]!] = null;
  return true;
}
