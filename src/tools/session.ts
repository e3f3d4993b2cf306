/**
 * Session tools: inspect, reload, bootstrap and refresh the Halo session. They change no Halo data (so they
 * are "read" tools) but do talk to Halo.
 */
import { z } from "zod";
import { defineTool, type ToolDef } from "./define.js";
import type { ToolContext } from "../queries/context.js";
import { degradedLine, degradedSoFar } from "../halo/degraded.js";
import type { SessionStatus } from "../halo/types.js";
import { renderSession } from "../shape/session.js";

const none = z.object({});
/** A status report is not an error; a failed reload/setup/refresh is. */
const show = (action: string, s: SessionStatus, ctx: ToolContext, failIfBad = true) => {
  const text = renderSession(action, s, { tz: ctx.config.timezone, now: ctx.now() }, ctx.config.halo.baseUrl);
  return { text, isError: failIfBad && (s.state === "expired" || s.state === "none") };
};

export const tools: ToolDef[] = [
  defineTool({
    name: "check_tokens",
    title: "Check Halo session",
    description: "Check whether the Halo session works, which credential it came from and when it ends (never shows token values). Use when Halo calls fail.",
    input: none,
    kind: "read",
    handler: async (_a, ctx) => {
      const r = show("", await ctx.session.status(), ctx, false);
      // What Halo stopped providing since start (pruned fields, failed extras): the session may be fine while features are not.
      const degraded = degradedLine(degradedSoFar().slice(-5), "Halo has not provided everything since start");
      return degraded ? { ...r, text: `${r.text}\n${degraded} For a report: halo-lms-mcp doctor --live` } : r;
    },
  }),
  defineTool({
    name: "reload_tokens",
    title: "Reload Halo credentials",
    description: "Re-read the config file (after the student pasted a fresh Cookie header or tokens) and restart the Halo session.",
    input: none,
    kind: "read",
    handler: async (_a, ctx) => {
      const s = await ctx.session.reload();
      ctx.cache.invalidate();
      return show("Reloaded credentials from the config file. ", s, ctx);
    },
  }),
  defineTool({
    name: "setup_session",
    title: "Create a Halo session from tokens",
    description: "Create a Halo web session from the configured authToken + contextToken, when tokens rather than a Cookie header were provided.",
    input: none,
    kind: "read",
    handler: async (_a, ctx) => {
      const s = await ctx.session.setup();
      ctx.cache.invalidate();
      return show("Set up a session from the token pair. ", s, ctx);
    },
  }),
  defineTool({
    name: "refresh",
    title: "Refresh Halo tokens",
    description: "Force a Halo token refresh and drop cached data; use after an authentication error or when data looks stale.",
    input: none,
    kind: "read",
    handler: async (_a, ctx) => {
      const s = await ctx.session.refresh();
      ctx.cache.invalidate();
      return show("Refreshed. ", s, ctx);
    },
  }),
];
