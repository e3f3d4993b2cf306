/**
 * The session's memory of the full ids its answers showed in short form, so a short id the model passes back
 * resolves to exactly one full id. Bounded: the oldest ids are forgotten first.
 */
import { isFullId, isIdPrefix, MIN_ID_CHARS } from "../format/ids.js";

const DEFAULT_CAP = 20_000;

export type Resolved = { id: string } | { error: string };

export class IdBook {
  /** Full id (lower case) → a short label (the answer line it appeared on). Map order = age. */
  private readonly ids = new Map<string, string>();
  constructor(private readonly cap = DEFAULT_CAP) {}

  get size(): number {
    return this.ids.size;
  }

  keys(): IterableIterator<string> {
    return this.ids.keys();
  }

  remember(id: string, label: string): void {
    const key = id.toLowerCase();
    this.ids.delete(key);
    this.ids.set(key, label);
    while (this.ids.size > this.cap) this.ids.delete(this.ids.keys().next().value!);
  }

  /**
   * A full id or anything that is not a cut UUID passes through unchanged; a prefix of at least 8
   * characters resolves to the one known id it starts; none or several is an error the model can act on.
   */
  resolve(field: string, value: string): Resolved {
    if (isFullId(value)) return { id: value };
    if (/^[0-9a-f-]{1,7}$/i.test(value)) return { error: `${field} "${value}" is too short: give at least ${MIN_ID_CHARS} characters of the id, as answers show them.` };
    if (!isIdPrefix(value)) return { id: value };
    const prefix = value.toLowerCase();
    const hits = [...this.ids].filter(([id]) => id.startsWith(prefix));
    if (hits.length === 1) return { id: hits[0]![0] };
    if (!hits.length) {
      return { error: `${field} "${value}" matches no id shown in this session. Pass the full id, or list the items again (the answer shows their ids).` };
    }
    const list = hits.slice(0, 10).map(([id, label]) => `- ${id}${label ? ` (${label})` : ""}`);
    const more = hits.length > 10 ? `\n… and ${hits.length - 10} more` : "";
    return { error: `${field} "${value}" is ambiguous: it starts ${hits.length} ids. Pass more characters or the full id:\n${list.join("\n")}${more}` };
  }
}
