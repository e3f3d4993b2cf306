import type { PromptDef, ResourceDef, ResourceTemplateDef } from "../tools/define.js";

// Placeholder until the cross-class resources and prompts land.
export const resources: ResourceDef[] = [];
export const resourceTemplates: ResourceTemplateDef[] = [];
export const prompts: PromptDef[] = [];
