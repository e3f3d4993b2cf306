/**
 * Joins every domain's tools, resources and prompts. Adding a tool means adding it to its domain file;
 * nothing here names a tool.
 */
import type { PromptDef, ResourceDef, ResourceTemplateDef, ToolDef } from "./define.js";
import * as session from "./session.js";
import * as classes from "./classes.js";
import * as assignments from "./assignments.js";
import * as grades from "./grades.js";
import * as discussions from "./discussions.js";
import * as announcements from "./announcements.js";
import * as inbox from "./inbox.js";
import * as notifications from "./notifications.js";
import * as materials from "./materials.js";
import * as planner from "./planner.js";
import * as standing from "./standing.js";
import * as changes from "./changes.js";
import * as participation from "./participation.js";
import * as calendar from "./calendar.js";
import * as messages from "./messages.js";
import * as submissions from "./submissions.js";
import * as acknowledgements from "./acknowledgements.js";
import * as extras from "./extras.js";

const domains: Array<{ tools: ToolDef[] }> = [
  session, classes, assignments, grades, discussions, announcements, inbox, notifications, materials,
  planner, standing, changes, participation, calendar, messages, submissions, acknowledgements,
];

export function allTools(): ToolDef[] {
  const tools = domains.flatMap((d) => d.tools);
  const seen = new Set<string>();
  for (const t of tools) {
    if (seen.has(t.name)) throw new Error(`duplicate tool name ${t.name}`);
    seen.add(t.name);
  }
  return tools;
}

/** Read-only mode offers only tools that cannot change anything in Halo. */
export function toolsFor(readOnly: boolean): ToolDef[] {
  return allTools().filter((t) => !readOnly || t.kind === "read");
}

export const resources: ResourceDef[] = extras.resources;
export const resourceTemplates: ResourceTemplateDef[] = extras.resourceTemplates;
export const prompts: PromptDef[] = extras.prompts;
