/**
 * Self-healing after a GraphQL validation failure: Apollo rejects a whole document for one field or argument its
 * schema lacks, and graphql-js lists every such problem in one reply. We remove exactly what was named (by the
 * error's source location when Halo sends it, by name otherwise), then whatever that leaves dangling: selection
 * sets that became empty, variables no longer used. Paths the document declares required are never removed.
 */
import { getLocation, Kind, parse, print, Source, visit, type ASTNode, type DocumentNode } from "graphql";
import type { GqlIssue } from "./errors.js";

/** What a validation message asks us to remove. */
type Rejection =
  | { what: "field"; name: string; type: string }
  | { what: "argument"; name: string; field: string }
  | { what: "type"; name: string }
  | { what: "variable"; name: string };

const patterns: Array<[RegExp, (m: RegExpMatchArray) => Rejection]> = [
  [/^Cannot query field "([_A-Za-z]\w*)" on type "([_A-Za-z]\w*)"/, (m) => ({ what: "field", name: m[1]!, type: m[2]! })],
  [/^Unknown argument "([_A-Za-z]\w*)" on field "(?:[_A-Za-z]\w*\.)?([_A-Za-z]\w*)"/, (m) => ({ what: "argument", name: m[1]!, field: m[2]! })],
  [/^Unknown type "([_A-Za-z]\w*)"/, (m) => ({ what: "type", name: m[1]! })],
  [/^Variable "\$([_A-Za-z]\w*)" is never used/, (m) => ({ what: "variable", name: m[1]! })],
];

export function parseRejection(message: string): Rejection | undefined {
  for (const [re, make] of patterns) {
    const m = re.exec(message);
    if (m) return make(m);
  }
  return undefined;
}

export type PruneResult =
  | { ok: true; query: string; removed: string[]; droppedVariables: string[] }
  /** `required`: rejected paths the document cannot do without; `unhealable`: messages we cannot act on. */
  | { ok: false; required: string[]; unhealable: string[] };

const key = (line: number, column: number) => `${line}:${column}`;

/** A removed path is fatal when it is a required path or an ancestor of one. */
function hitsRequired(removed: string, required: readonly string[]): boolean {
  return required.some((r) => r === removed || r.startsWith(removed + "."));
}

export function pruneDocument(query: string, issues: readonly GqlIssue[], required: readonly string[] = []): PruneResult {
  const source = new Source(query);
  const doc = parse(source);
  const rejections = issues.map((i) => ({ issue: i, rejection: parseRejection(i.message) }));
  const unhealable = rejections.filter((r) => !r.rejection).map((r) => r.issue.message);
  if (unhealable.length) return { ok: false, required: [], unhealable };

  const at = new Set<string>();
  const byName: Rejection[] = [];
  for (const { issue, rejection } of rejections) {
    if (issue.locations?.length) for (const l of issue.locations) at.add(key(l.line, l.column));
    else byName.push(rejection!);
  }
  const unusedVars = new Set(rejections.flatMap((r) => (r.rejection?.what === "variable" ? [r.rejection.name] : [])));
  const located = (node: ASTNode) => {
    if (!node.loc) return false;
    const l = getLocation(source, node.loc.start);
    return at.has(key(l.line, l.column));
  };

  const removed: string[] = [];
  const fatal: string[] = [];
  let rootGone = false;
  const stack: string[] = [];
  const pathOf = (name: string) => [...stack, name].join(".");
  const pruned = visit(doc, {
    Field: {
      enter(node) {
        const p = pathOf(node.alias?.value ?? node.name.value);
        const hit = located(node) || byName.some((r) => r.what === "field" && r.name === node.name.value);
        // A rejected root field is a missing operation, not a missing detail: the caller's own fallback decides.
        if (hit && stack.length === 0) rootGone = true;
        if (hit) {
          if (hitsRequired(p, required)) fatal.push(p);
          removed.push(p);
          return null;
        }
        stack.push(node.alias?.value ?? node.name.value);
        return undefined;
      },
      leave(node) {
        stack.pop();
        // A field whose whole selection was removed is invalid on its own: it goes too.
        if (node.selectionSet && node.selectionSet.selections.length === 0) {
          const p = pathOf(node.alias?.value ?? node.name.value);
          if (hitsRequired(p, required)) fatal.push(p);
          removed.push(p);
          return null;
        }
        return undefined;
      },
    },
    Argument(node, _k, _p, _path, ancestors) {
      const owner = ancestors[ancestors.length - 1] as ASTNode | undefined; // the parent (arguments array) is not in ancestors
      if (!owner || !("kind" in owner) || owner.kind !== Kind.FIELD) return undefined; // directive arguments stay
      const hit = located(node) || byName.some((r) => r.what === "argument" && r.name === node.name.value && r.field === owner.name.value);
      if (!hit) return undefined;
      removed.push(`${stack.join(".")}(${node.name.value})`);
      return null;
    },
    InlineFragment: {
      enter(node) {
        const t = node.typeCondition;
        const hit = t && (located(t) || byName.some((r) => r.what === "type" && r.name === t.name.value));
        if (!hit) return undefined;
        removed.push(`${stack.join(".")}(on ${t.name.value})`);
        return null;
      },
      leave(node) {
        return node.selectionSet.selections.length === 0 ? null : undefined;
      },
    },
  });
  if (rootGone) return { ok: false, required: [], unhealable: issues.map((i) => i.message) };
  if (fatal.length) return { ok: false, required: [...new Set(fatal)], unhealable: [] };

  const { doc: clean, dropped } = dropUnusedVariables(pruned, unusedVars);
  const op = clean.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.selectionSet.selections.length === 0) return { ok: false, required: [], unhealable: issues.map((i) => i.message) };
  if (removed.length === 0 && dropped.length === 0) return { ok: false, required: [], unhealable: issues.map((i) => i.message) };
  return { ok: true, query: print(clean), removed, droppedVariables: dropped };
}

/** Removes variable definitions nothing refers to any more (Halo rejects unused variables). */
function dropUnusedVariables(doc: DocumentNode, alsoDrop: ReadonlySet<string>): { doc: DocumentNode; dropped: string[] } {
  const used = new Set<string>();
  visit(doc, {
    VariableDefinition: () => false, // the definition's own $name is not a use
    Variable(node) {
      used.add(node.name.value);
    },
  });
  const dropped: string[] = [];
  const out = visit(doc, {
    VariableDefinition(node) {
      const name = node.variable.name.value;
      if (used.has(name) && !alsoDrop.has(name)) return false;
      dropped.push(name);
      return null;
    },
  });
  return { doc: out, dropped };
}
