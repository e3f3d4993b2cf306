import type { ToolDef } from "./define.js";

// Placeholder until this domain's tools land.
export const tools: ToolDef[] = [];
