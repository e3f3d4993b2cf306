/**
 * Memory of self-healing: the pruned version of every document Halo rejected (for this process and, through an
 * injected store, across restarts) and the last outcome of every GraphQL operation (what doctor reports).
 * A remembered prune expires after a week, so a field Halo brings back is picked up again.
 */
import { createHash } from "node:crypto";
import { log } from "../log.js";

export interface HealedDoc {
  operation: string;
  /** sha256 of the document as the code wrote it: a new release's document starts afresh. */
  original: string;
  query: string;
  /** Dotted paths (and `path(argument)`) that were removed. */
  removed: string[];
  /** Epoch ms. */
  at: number;
}

/** Where healed documents persist (a state file beside the config; the composition root provides it). */
export interface HealingStore {
  load(): Promise<unknown>;
  save(docs: readonly HealedDoc[]): Promise<void>;
}

export interface OperationOutcome {
  operation: string;
  feature?: string;
  status: "ok" | "pruned" | "partial" | "failed";
  removed?: string[];
  /** Optional subtrees that came back with field errors. */
  missing?: string[];
  /** Halo's sanitized message for a failure. */
  message?: string;
}

const MAX_DOCS = 100;
const TTL_MS = 7 * 24 * 3_600_000;

export const docHash = (query: string) => createHash("sha256").update(query).digest("hex");

function validDoc(x: unknown): x is HealedDoc {
  const d = x as HealedDoc;
  return (
    !!d && typeof d === "object" && typeof d.operation === "string" && typeof d.original === "string" && typeof d.query === "string" &&
    typeof d.at === "number" && Array.isArray(d.removed) && d.removed.every((r) => typeof r === "string")
  );
}

export class Healing {
  private readonly docs = new Map<string, HealedDoc>();
  private readonly outcomes = new Map<string, OperationOutcome>();
  private loading?: Promise<void>;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly store: HealingStore | undefined, private readonly now: () => number) {}

  private load(): Promise<void> {
    this.loading ??= (async () => {
      if (!this.store) return;
      try {
        const raw = await this.store.load();
        const list = raw && typeof raw === "object" && Array.isArray((raw as { documents?: unknown }).documents) ? (raw as { documents: unknown[] }).documents : [];
        for (const d of list.slice(0, MAX_DOCS)) if (validDoc(d) && !this.docs.has(d.original)) this.docs.set(d.original, d);
      } catch (e) {
        log.debug(`halo: healed documents could not be read (${(e as Error).message}); starting without them`);
      }
    })();
    return this.loading;
  }

  /** The healed document to send instead of `query`, if one is remembered and still fresh. */
  async healed(query: string): Promise<HealedDoc | undefined> {
    await this.load();
    const d = this.docs.get(docHash(query));
    if (d && this.now() - d.at > TTL_MS) {
      this.docs.delete(d.original);
      return undefined;
    }
    return d;
  }

  async remember(original: string, doc: Omit<HealedDoc, "original" | "at">): Promise<void> {
    await this.load();
    const entry: HealedDoc = { ...doc, original: docHash(original), at: this.now() };
    this.docs.delete(entry.original);
    this.docs.set(entry.original, entry);
    while (this.docs.size > MAX_DOCS) this.docs.delete(this.docs.keys().next().value as string);
    // Saves run one after another, each with the whole current set, so the last write holds everything.
    const store = this.store;
    if (!store) return;
    this.saving = this.saving.then(() =>
      store.save([...this.docs.values()]).catch((e: unknown) => log.warn(`halo: could not save the healed documents (${(e as Error).message})`)),
    );
    await this.saving;
  }

  /** Keyed by document: two documents may share an operation name. */
  record(query: string, outcome: OperationOutcome): void {
    const key = docHash(query);
    this.outcomes.delete(key);
    this.outcomes.set(key, outcome);
    if (this.outcomes.size > MAX_DOCS) this.outcomes.delete(this.outcomes.keys().next().value as string);
  }

  /** Last outcome per operation, in the order they last ran. */
  report(): OperationOutcome[] {
    return [...this.outcomes.values()];
  }
}
