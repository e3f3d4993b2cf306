/**
 * list_classes and user.
 */
import { z } from "zod";
import { defineTool, type ToolDef } from "./define.js";
import { ToolError } from "../queries/tool-error.js";
import { fetchUser } from "../queries/assessment.js";
import { renderClassList, renderUser } from "../shape/classes.js";
import { withCompanions, type Companion } from "../queries/companion.js";
import { fetchClassInstructors, type ClassSummary } from "../queries/class-directory.js";

/** Instructors change as rarely as the class list itself. */
const INSTRUCTORS_TTL_MS = 5 * 60_000;

export const tools: ToolDef[] = [
  defineTool({
    name: "list_classes",
    title: "List my classes",
    description: "List the student's Halo classes (current first) with course code, dates and the class_ref other tools take.",
    input: z.object({
      page: z.number().int().min(1).max(1000).optional().describe("Page number, starting at 1 (default 1)."),
      page_size: z.number().int().min(1).max(100).optional().describe("Classes per page, 1–100 (default 25)."),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const instructors: Companion<ClassSummary[]> = {
        feature: "instructor names",
        run: async () => {
          const byClass = await ctx.cache.get("classes:instructors", INSTRUCTORS_TTL_MS, () => fetchClassInstructors(ctx.halo));
          return (list) => list.map((c) => ({ ...c, instructors: byClass.get(c.id) ?? null }));
        },
      };
      const list = await withCompanions(ctx.classes.list(), [instructors]);
      return renderClassList(list, args.page ?? 1, args.page_size ?? 25, ctx.config.timezone);
    },
  }),
  defineTool({
    name: "user",
    title: "Show a user profile",
    description: "Show a Halo user's name, username and contacts. Without user_id, shows the signed-in student.",
    input: z.object({
      user_id: z.string().trim().min(1).max(100).optional().describe("Halo user id (UUID); omit for yourself."),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const me = (await ctx.halo.session()).userId;
      const id = args.user_id ?? me;
      const u = await fetchUser(ctx.halo, id);
      if (!u) throw new ToolError(`Halo has no user with id ${id}.`);
      return renderUser(u, id === me, { tz: ctx.config.timezone, now: ctx.now() });
    },
  }),
];
