/**
 * export_calendar: deadlines as an .ics file in the downloads folder.
 *
 * Kind "read" on purpose: read-only mode exists to prevent changes in Halo, and this changes nothing there;
 * it writes one local file inside the downloads folder (and a small sequence file beside the config). The
 * description says so, so a client that surfaces annotations is not misled.
 */
import path from "node:path";
import { z } from "zod";
import { writeNewFile } from "../queries/download.js";
import { formatDate } from "../format/dates.js";
import { endOfLocalDay } from "../format/zoned.js";
import { plural } from "../format/text.js";
import { dqDeadlines } from "../assistant/dq.js";
import { buildCalendar, eventFor, sequenceFor, type CalendarEventInput, type SequenceMap } from "../assistant/ics.js";
import { isDone, type WorkItem } from "../assistant/items.js";
import { coverageNote } from "../assistant/load.js";
import { resolveExportPath } from "../assistant/paths.js";
import { readStateText, writeStateText } from "../assistant/state-file.js";
import { DEADLINE_FACTS, loadWork, scopeLabel } from "../assistant/work.js";
import { LOCAL_FILES } from "../config/local-files.js";
import { defineTool, type ToolDef } from "./define.js";

const DAY = 86_400_000;
const SEQ_FILE = LOCAL_FILES.calendarSequence;
const SEQ_KEEP_MS = 180 * DAY;

function parseSeq(text: string | undefined): SequenceMap {
  try {
    const v = JSON.parse(text ?? "{}") as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as SequenceMap) : {};
  } catch {
    return {};
  }
}

const exportCalendar = defineTool({
  name: "export_calendar",
  title: "Export deadlines to a calendar file",
  description:
    "Write an iCalendar (.ics) file of upcoming deadlines across current classes (your own dates, Day-3 initial-post reminders) to the downloads folder; re-importing updates events, never duplicates. Changes nothing in Halo; writes only that local file.",
  input: z.object({
    days: z.number().int().min(1).max(180).default(30).describe("Days ahead to include."),
    path: z.string().max(300).optional().describe("File name or path inside the downloads folder (default halo-deadlines.ics)."),
  }),
  kind: "read",
  idempotent: true,
  handler: async (args, ctx) => {
    const now = ctx.now();
    const tz = ctx.config.timezone;
    const target = await resolveExportPath(ctx.config.downloadsDir, args.path, "halo-deadlines.ics", ".ics");
    const work = await loadWork(ctx, undefined, DEADLINE_FACTS);
    const end = endOfLocalDay(new Date(now.getTime() + args.days * DAY), tz);
    const within = (d?: Date): d is Date => !!d && d.getTime() >= now.getTime() && d.getTime() <= end.getTime();
    const events: CalendarEventInput[] = [];
    for (const it of work.items.filter((i): i is WorkItem & { due: Date } => within(i.due))) {
      const e = eventFor(it, isDone(it) ? "Already turned in." : undefined);
      if (isDone(it)) e.title = `✓ ${e.title}`;
      events.push(e);
      const d = it.kind === "discussion" && it.state === "not_started" ? dqDeadlines(it.due, work.policies.get(it.cls.id), it.start, tz) : undefined;
      if (d?.initialPost && within(d.initialPost)) {
        events.push({ ...eventFor({ ...it, due: d.initialPost }, "Initial post deadline derived from GCU's Day-3 convention; replies are due by the DQ's due date."), uid: `${it.assessmentId}-initial@halo-lms-mcp`, title: `${it.cls.courseCode}: initial post for ${it.title}` });
      }
    }
    events.sort((a, b) => a.due.getTime() - b.due.getTime());
    const prev = parseSeq(await readStateText(ctx.stateDir, SEQ_FILE));
    const seq = sequenceFor(events, prev, now);
    const changed = events.filter((e) => prev[e.uid] && prev[e.uid]!.s !== seq[e.uid]!.s).length;
    for (const [uid, v] of Object.entries(seq)) if (now.getTime() - Date.parse(v.m) > SEQ_KEEP_MS && !events.some((e) => e.uid === uid)) delete seq[uid];
    const ics = buildCalendar(events, seq, now, "Halo deadlines");
    const written = await writeNewFile(target.dir, target.name, ics);
    await writeStateText(ctx.stateDir, SEQ_FILE, JSON.stringify(seq));
    const size = Buffer.byteLength(ics);
    const lines = [
      `Wrote ${plural(events.length, "deadline")} from ${scopeLabel(work.classes)}, now through ${formatDate(end, tz, now)}, to ${written} (${(size / 1024).toFixed(1)} KB)${path.basename(written) !== target.name ? `; ${target.name} already existed and was left as it was` : ""}.`,
      `Import it into Google Calendar, Outlook or Apple Calendar; importing a newer export updates the same events (stable ids)${changed ? `; ${plural(changed, "event")} changed since the last export` : ""}.`,
      coverageNote(work.fan, "deadlines (they are not in the file)"),
    ];
    return lines.filter(Boolean).join("\n");
  },
});

export const tools: ToolDef[] = [exportCalendar];
