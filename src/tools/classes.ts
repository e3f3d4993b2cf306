/**
 * list_classes and user.
 */
import { z } from "zod";
import { idField, page, pageSize } from "./fields.js";
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
    description: "The student's classes (current first) with course code, dates, instructors and the class_ref other tools take.",
    input: z.object({
      page: page(),
      page_size: pageSize(100, 25, "Classes"),
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
    description: "A Halo user's name, username and contacts; without user_id, the signed-in student.",
    input: z.object({
      user_id: idField("Halo user id; omit for yourself.").optional(),
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
