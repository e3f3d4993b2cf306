/**
 * notifications: unread counts per class (forum notifications), inbox counts and the alert feed. Without
 * class_ref it covers every class; a class Halo refuses is reported, not fatal.
 */
import { z } from "zod";
import { classFilter, page, pageSize } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import type { ToolContext } from "../queries/context.js";
import type { ClassSummary } from "../queries/class-directory.js";
import { classLabel, READ_TTL_MS } from "../queries/cached.js";
import { fetchForumNotifications } from "../queries/forums.js";
import { fetchAlertCounts, fetchInboxNotifications, fetchUserAlerts, type RawAlertPage } from "../queries/inbox.js";
import { countsLine, normaliseNotifications, renderAlerts, toCount } from "../shape/notifications.js";
import { isHaloError } from "../halo/errors.js";

const FATAL = new Set(["auth", "session_expired", "no_credentials"]);
const fatal = (err: unknown) => isHaloError(err) && FATAL.has(err.kind);

async function classCounts(ctx: ToolContext, cls: ClassSummary): Promise<string> {
  try {
    const raw = await ctx.cache.get(`notif:${cls.id}`, READ_TTL_MS, () => fetchForumNotifications(ctx.halo, cls));
    const n = normaliseNotifications(raw);
    return countsLine(n.byClass.get(cls.id) ?? n.totals);
  } catch (err) {
    if (fatal(err)) throw err;
    if (isHaloError(err) && err.kind === "access") return "not available to you (Halo denies access to this class)";
    return "counts unavailable right now (Halo error)";
  }
}

export const tools: ToolDef[] = [
  defineTool({
    name: "notifications",
    title: "Show notifications and alerts",
    description: "Unread counts (announcements, discussion posts, inbox) per class plus the alert feed (new grades, announcements, messages).",
    input: z.object({
      class_ref: classFilter("all classes"),
      page: page(100),
      page_size: pageSize(50, 20, "Alerts"),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const all = await ctx.classes.list();
      const scope = args.class_ref ? [await ctx.classes.resolve(args.class_ref)] : all;
      const clock = { tz: ctx.config.timezone, now: ctx.now() };
      const [lines, inbox, alerts, alertCounts] = await Promise.all([
        Promise.all(scope.map(async (c) => `- ${classLabel(c)}: ${await classCounts(ctx, c)}`)),
        ctx.cache.get("notif:inbox", READ_TTL_MS, () => fetchInboxNotifications(ctx.halo)).catch((e: unknown) => { if (fatal(e)) throw e; return undefined; }),
        ctx.cache.get("alerts", READ_TTL_MS, () => fetchUserAlerts(ctx.halo)).catch((e: unknown): RawAlertPage | undefined => { if (fatal(e)) throw e; return undefined; }),
        ctx.cache.get("alerts:count", READ_TTL_MS, () => fetchAlertCounts(ctx.halo)).catch((e: unknown) => { if (fatal(e)) throw e; return []; }),
      ]);
      const out = [args.class_ref ? `Notifications — ${classLabel(scope[0]!)}` : `Notifications — all ${scope.length} classes`, "Unread:", ...lines];
      if (inbox !== undefined) {
        const n = normaliseNotifications(inbox);
        const total = Object.values(n.totals).reduce((a, b) => a + b, 0);
        out.push(`Inbox: ${total ? `${total} unread` : "nothing unread"} (see inbox).`);
      } else {
        out.push("Inbox: counts unavailable right now.");
      }
      const perClass = new Map(alertCounts.map((a) => [a.courseClassId ?? "", toCount(a.count)]));
      const alertTotal = scope.reduce((n, c) => n + (perClass.get(c.id) ?? 0), 0);
      if (!alerts) {
        out.push("", "Alerts: unavailable right now (Halo error).");
      } else {
        const ids = new Set(scope.map((c) => c.id));
        const list = args.class_ref ? alerts.alerts.filter((a) => a.classId && ids.has(a.classId)) : alerts.alerts;
        out.push("", renderAlerts(list, {
          clock,
          page: args.page ?? 1,
          pageSize: args.page_size ?? 20,
          classCodes: new Map(all.map((c) => [c.id, c.courseCode])),
          more: !!alerts.nextToken,
        }));
      }
      if (alertTotal) out.push(`Halo's alert counter: ${alertTotal} for ${args.class_ref ? "this class" : "your classes"}.`);
      return out.join("\n");
    },
  }),
];
