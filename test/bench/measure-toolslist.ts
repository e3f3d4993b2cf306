/**
 * Measurement 2: what the tool catalogue costs the model before any call: the whole `tools/list` result
 * (names, titles, descriptions, input schemas, annotations) as the client receives it, full and read-only.
 */
import { startRig } from "./rig.js";
import { tokens } from "./tokenize.js";

export interface ToolsListResult {
  full: { tools: number; tokens: number; chars: number };
  readOnly: { tools: number; tokens: number; chars: number };
  /** The five most expensive tools in the full set. */
  largest: Array<{ tool: string; tokens: number }>;
}

async function listOnce(readOnly: boolean) {
  const rig = await startRig({ readOnly });
  try {
    const result = await rig.client.listTools();
    const json = JSON.stringify(result);
    return {
      summary: { tools: result.tools.length, tokens: tokens(json), chars: json.length },
      perTool: result.tools.map((t) => ({ tool: t.name, tokens: tokens(JSON.stringify(t)) })),
    };
  } finally {
    await rig.close();
  }
}

export async function measureToolsList(): Promise<ToolsListResult> {
  const full = await listOnce(false);
  const readOnly = await listOnce(true);
  return { full: full.summary, readOnly: readOnly.summary, largest: [...full.perTool].sort((a, b) => b.tokens - a.tokens).slice(0, 5) };
}
