/**
 * Deadlines as iCalendar. UIDs are `<assessmentId>@halo-lms-mcp`, so re-importing the file updates events
 * instead of duplicating them; SEQUENCE and LAST-MODIFIED move only when an event's content changes (tracked
 * in a small per-UID fingerprint map the caller persists), which is what calendar apps compare on update.
 */
import { createHash } from "node:crypto";
import type { EventAttributes } from "ics";
import { lazyRequire } from "../lazy.js";
import { stripControls } from "../format/entities.js";

const ics = lazyRequire<typeof import("ics")>("ics");
import type { WorkItem } from "./items.js";

export interface CalendarEventInput {
  uid: string;
  title: string;
  description: string;
  url: string;
  due: Date;
  categories: string[];
}

/** uid → { fingerprint, sequence, modified (ISO) } */
export type SequenceMap = Record<string, { f: string; s: number; m: string }>;

const KIND_LABEL: Record<WorkItem["kind"], string> = { assignment: "Assignment", quiz: "Quiz", discussion: "Discussion", participation: "Participation", external: "External tool" };

export function eventFor(it: WorkItem & { due: Date }, extra?: string): CalendarEventInput {
  const lines = [
    `${it.cls.courseCode} ${it.cls.name}`,
    `${KIND_LABEL[it.kind]}${it.points !== undefined ? ` · ${it.points} pts` : ""}`,
    it.dueSource === "accommodated" ? "Your accommodated due date." : it.dueSource === "group" ? "Your group's due date." : it.dueSource === "extended" ? "Your extended due date." : "",
    it.group ? `Group: ${it.group}` : "",
    extra ?? "",
    it.link,
  ].filter(Boolean);
  return {
    uid: `${it.assessmentId}@halo-lms-mcp`,
    title: `${it.cls.courseCode}: ${it.title} due`,
    description: lines.join("\n"),
    url: it.link,
    due: it.due,
    categories: ["Halo", it.cls.courseCode, KIND_LABEL[it.kind]],
  };
}

const fingerprint = (e: CalendarEventInput): string => createHash("sha256").update(JSON.stringify([e.title, e.description, e.url, e.due.getTime()])).digest("hex").slice(0, 16);

/** Next sequence numbers: unchanged events keep theirs, changed ones go up by one. Returns the updated map. */
export function sequenceFor(events: CalendarEventInput[], prev: SequenceMap, now: Date): SequenceMap {
  const next: SequenceMap = { ...prev };
  for (const e of events) {
    const f = fingerprint(e);
    const p = prev[e.uid];
    if (!p) next[e.uid] = { f, s: 0, m: now.toISOString() };
    else if (p.f !== f) next[e.uid] = { f, s: p.s + 1, m: now.toISOString() };
  }
  return next;
}

/**
 * Text for a calendar property. The ics library escapes \\ ; , and LF but not a lone CR, which many
 * calendar parsers treat as a line break: a title holding "\rBEGIN:VEVENT" could add events of its own.
 * Line breaks become LF (escaped by the library), other controls go; a one-line value loses its breaks too.
 */
export function icsText(text: string, oneLine = false): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((l) => stripControls(l.replace(/\t/g, " ")));
  return (oneLine ? lines.join(" ").replace(/\s+/g, " ") : lines.join("\n")).trim();
}

/** A CATEGORIES item: one line, and no comma or semicolon that would split or extend the list. */
const icsAtom = (text: string): string => icsText(text, true).replace(/[,;]/g, " ");

const utcArray = (d: Date): [number, number, number, number, number] => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];

/** Builds the .ics text. Each deadline is a 30-minute block ending at the due time, with a reminder a day before. */
export function buildCalendar(events: CalendarEventInput[], seq: SequenceMap, now: Date, calName: string): string {
  const attrs: EventAttributes[] = events.map((e) => {
    const s = seq[e.uid];
    return {
      uid: e.uid,
      title: icsText(e.title, true),
      description: icsText(e.description),
      url: stripControls(e.url).replace(/\s+/g, ""),
      start: utcArray(new Date(e.due.getTime() - 30 * 60_000)),
      startInputType: "utc",
      startOutputType: "utc",
      end: utcArray(e.due),
      endInputType: "utc",
      endOutputType: "utc",
      categories: e.categories.map(icsAtom),
      transp: "TRANSPARENT",
      busyStatus: "FREE",
      sequence: s?.s ?? 0,
      lastModified: utcArray(new Date(s?.m ?? now.toISOString())),
      alarms: [{ action: "display", description: icsText(e.title, true), trigger: { hours: 24, before: true } }],
      // DTSTAMP from our clock, not the library's Date.now(), so exports are reproducible.
      timestamp: now.getTime(),
    } as EventAttributes;
  });
  const r = ics().createEvents(attrs, { productId: "halo-lms-mcp", method: "PUBLISH", calName });
  // Stryker disable next-line LogicalOperator,OptionalChaining: the ics library returns a value exactly when it returns no error, so || vs && and ?. cannot differ
  if (r.error || !r.value) throw new Error(`could not build the calendar: ${r.error?.message ?? "empty"}`);
  return r.value;
}
