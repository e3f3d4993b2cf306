/**
 * Turns one run's figures into targets (PASS/MISS beside each figure) and markdown tables: printed to the
 * terminal, written into README.md's Benchmarks section, and kept as JSON in bench/latest.json.
 */
import type { Machine } from "./machine.js";
import type { TokenResults, ToolTokens } from "./measure-tokens.js";
import type { ToolsListResult } from "./measure-toolslist.js";
import type { RoundTripResults } from "./measure-roundtrips.js";
import type { OverheadRow } from "./measure-overhead.js";
import type { ColdStartResult } from "./measure-coldstart.js";
import type { UploadResults } from "./measure-upload.js";
import type { LoadResult } from "./measure-load.js";
import type { ExtractResults } from "./measure-extract.js";
import type { LimitResults } from "./measure-limits.js";
import { round } from "./stats.js";
import { ENCODING } from "./tokenize.js";

export interface Results {
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  tokenizer: string;
  tokens?: TokenResults;
  toolsList?: ToolsListResult;
  roundTrips?: RoundTripResults;
  overhead?: OverheadRow[];
  coldStart?: ColdStartResult;
  upload?: UploadResults;
  load?: LoadResult;
  extract?: ExtractResults;
  limits?: LimitResults;
  /** A measurement that threw: its name and message (the others still ran). */
  failures: Array<{ measurement: string; error: string }>;
}

export interface Target {
  target: string;
  figure: string;
  pass: boolean | null;
}

export const TARGETS = { toolsListTokens: 5000, whatsDueTokensPerItem: 60, roundTrips: 2.5, cachedP50Ms: 2, coldStartOwnMs: 300, uploadGrowthMb: 64, extractGrowthMb: 256 } as const;

const n = (x: number) => x.toLocaleString("en-US");
const verdict = (p: boolean | null) => (p === null ? "n/a" : p ? "PASS" : "MISS");
const row = (cells: Array<string | number>) => `| ${cells.join(" | ")} |`;
const table = (head: string[], rows: Array<Array<string | number>>) => [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
/** A measurement that may have been skipped: its reason, or its table (rows built only when it ran). */
const tableOrSkip = (skipped: string | undefined, head: string[], rows: () => Array<Array<string | number>>) => (skipped ? `Skipped: ${skipped}` : table(head, rows()));
const argText = (a: Record<string, unknown>) =>
  Object.entries(a)
    .map(([k, v]) => `${k}=${typeof v === "string" && v.length > 20 ? v.slice(0, 8) + "…" : String(v)}`)
    .join(" ") || "—";

export function targets(r: Results): Target[] {
  const out: Target[] = [];
  if (r.tokens) {
    const list = r.tokens.tools.filter((t) => t.listLike && !t.isError);
    const misses = list.filter((t) => t.ratio < (t.target ?? 0));
    const errors = r.tokens.tools.filter((t) => t.isError).map((t) => t.tool);
    out.push({
      target: "Every list tool's answer ≥ 5x smaller than the raw Halo JSON a plain per-class tool fetches (discussions ≥ 3x)",
      figure: `${list.length - misses.length} of ${list.length} tools${misses.length ? `; below: ${misses.map((t) => `${t.tool} ${t.ratio}x`).join(", ")}` : ""}${errors.length ? `; errors: ${errors.join(", ")}` : ""}`,
      pass: misses.length === 0 && errors.length === 0,
    });
    const dueAnswer = r.tokens.tools.find((t) => t.tool === "whats_due" && !t.isError && t.items > 0);
    if (dueAnswer) {
      const per = round(dueAnswer.outputTokens / dueAnswer.items, 1);
      out.push({ target: `whats_due ≤ ${TARGETS.whatsDueTokensPerItem} tokens per item`, figure: `${per} (${n(dueAnswer.outputTokens)} tokens, ${dueAnswer.items} items)`, pass: per <= TARGETS.whatsDueTokensPerItem });
    }
    const all = r.tokens.scenarios.find((s) => /every page/.test(s.scenario));
    if (all?.completeness) out.push({ target: "200-post discussion: every post reachable through the pages", figure: all.completeness, pass: !/MISSING/.test(all.completeness) });
  }
  if (r.toolsList) out.push({ target: `Full tools/list ≤ ${n(TARGETS.toolsListTokens)} tokens`, figure: `${n(r.toolsList.full.tokens)} tokens (${r.toolsList.full.tools} tools)`, pass: r.toolsList.full.tokens <= TARGETS.toolsListTokens });
  const due = r.roundTrips?.rows.find((x) => x.tool === "whats_due" && x.variant === "session ready");
  if (r.roundTrips && due) {
    out.push({
      target: `whats_due within ${TARGETS.roundTrips} Halo round trips (cold cache, session ready)`,
      figure: `${due.roundTrips} RT (${due.wallMs} ms / ${r.roundTrips.oneRoundTripMs} ms)`,
      pass: due.roundTrips <= TARGETS.roundTrips,
    });
    out.push({ target: "whats_due Halo data calls ≤ 1 + current classes", figure: `${due.dataCalls} ≤ 1 + ${due.currentClasses}`, pass: due.dataCalls <= 1 + due.currentClasses });
  }
  const stdio = r.overhead?.find((o) => o.transport === "stdio");
  if (stdio) {
    out.push({
      target: `Cache-served tool call p50 < ${TARGETS.cachedP50Ms} ms over stdio`,
      figure: `${stdio.callP50} ms (ping ${stdio.pingP50} ms; ${stdio.haloCallsDuringLoop} Halo calls in the loop)`,
      pass: stdio.callP50 < TARGETS.cachedP50Ms && stdio.haloCallsDuringLoop === 0,
    });
  }
  if (r.coldStart) {
    out.push({
      target: `Cold start (spawn → first tools/list) at most ${TARGETS.coldStartOwnMs} ms above bare node`,
      figure: `${r.coldStart.ownMs} ms above node (${r.coldStart.serverMedianMs} ms median; node -e '' ${r.coldStart.nodeMedianMs} ms; unbundled ${r.coldStart.unbundledOwnMs} ms above node)`,
      pass: r.coldStart.ownMs <= TARGETS.coldStartOwnMs,
    });
  }
  if (r.extract && r.extract.runs.length) {
    const worst = Math.max(...r.extract.runs.map((x) => x.growthMb));
    out.push({
      target: `Reading a 100-page PDF / 50-slide PPTX inline: peak memory growth < ${TARGETS.extractGrowthMb} MB (the worker's heap cap is 384 MB)`,
      figure: r.extract.runs.map((x) => `${x.file}: +${x.growthMb} MB peak, ${x.retainedMb} MB kept, ${x.seconds.join("/")} s`).join("; "),
      pass: worst < TARGETS.extractGrowthMb && r.extract.runs.every((x) => x.ok),
    });
  }
  if (r.upload) {
    const ran = r.upload.runs.filter((u) => !u.skipped);
    const worst = ran.reduce<(typeof ran)[number] | undefined>((w, u) => (!w || u.growthMb > w.growthMb ? u : w), undefined);
    const failed = ran.filter((u) => !u.ok);
    out.push({
      target: `Upload peak memory growth < ${TARGETS.uploadGrowthMb} MB whatever the file size`,
      figure: worst
        ? `${ran.map((u) => `+${u.growthMb} MB for ${u.fileMb} MB`).join(", ")}${failed.length ? `; upload FAILED for ${failed.map((u) => u.fileMb + " MB").join(", ")}` : ""}`
        : (r.upload.runs[0]?.skipped ?? "not measured"),
      pass: worst ? worst.growthMb < TARGETS.uploadGrowthMb && failed.length === 0 : null,
    });
  }
  if (r.load) out.push({ target: "HTTP load (50 sessions × 20 calls): 0 errors", figure: `${r.load.errors} errors in ${n(r.load.calls)} calls`, pass: r.load.errors === 0 && r.load.calls === r.load.sessions * r.load.callsPerSession });
  return out;
}

function skippedText(skipped: TokenResults["skipped"]): string {
  const by = new Map<string, string[]>();
  for (const s of skipped) by.set(s.why, [...(by.get(s.why) ?? []), s.tool]);
  return [...by].map(([why, tools]) => `${tools.join(", ")} (${why})`).join("; ");
}

function tokenSection(t: TokenResults): string {
  const tools = (xs: ToolTokens[]) =>
    table(
      ["tool", "args", "raw = plain tool's Halo responses", "raw tokens", "all fetched (calls / tokens)", "answer tokens", "ratio", "target", "ids / quote banners / links (tokens)"],
      xs.map((x) => [
        x.tool, argText(x.args), [...new Set(x.rawCalls)].join(", ") || "—", n(x.rawTokens), `${x.haloCalls.length} / ${n(x.fetchedTokens)}`,
        n(x.outputTokens) + (x.isError ? " (error)" : "") + (x.items ? ` (${x.items} items)` : ""), `${x.ratio}x`,
        x.target ? `≥${x.target}x ${verdict(x.ratio >= x.target && !x.isError)}` : "n/a (detail)", `${x.anatomy.idTokens} / ${x.anatomy.bannerTokens} / ${x.anatomy.linkTokens}`,
      ]),
    );
  const scen = table(
    ["scenario", "tools", "Halo calls", "raw tokens", "answer tokens", "ratio", "completeness"],
    t.scenarios.map((s) => [s.scenario, s.tools, s.calls, n(s.rawTokens), n(s.outputTokens), `${s.ratio}x`, s.completeness ?? ""]),
  );
  return [
    "#### 1. Answer tokens vs the raw Halo JSON they were made from",
    `Call plan: every read tool once with the arguments shown, on the seeded world, cold cache per tool, session already established; tokenizer ${ENCODING}. Raw = the Halo responses a plain per-class tool needs for the same question (named per row; \`PLAIN\` in \`measure-tokens.ts\`): not the class-list lookup behind a class_ref, not data joined from other tools (e.g. the gradebook in discussions). "All fetched" is everything the call returned, for comparison. The raw side is what *our* GraphQL selections return, already trimmed to the fields the tools use, so these ratios measure the shaping only; Halo's web app asks for far more. Targets are reported here, never asserted in tests.`,
    tools(t.tools),
    t.skipped.length ? `Not measured here: ${skippedText(t.skipped)}. Write tools are covered by the upload measurement (6).` : "",
    "##### Scenarios",
    scen,
  ].filter(Boolean).join("\n\n");
}

function sections(r: Results): string[] {
  const out: string[] = [];
  if (r.tokens) out.push(tokenSection(r.tokens));
  if (r.toolsList) {
    const l = r.toolsList;
    out.push(
      "#### 2. The tool catalogue (`tools/list` answer, JSON as sent)",
      table(["tool set", "tools", "tokens", "characters"], [["full", l.full.tools, n(l.full.tokens), n(l.full.chars)], ["read-only", l.readOnly.tools, n(l.readOnly.tokens), n(l.readOnly.chars)]]),
      `Largest entries: ${l.largest.map((x) => `${x.tool} ${x.tokens}`).join(", ")} tokens.`,
    );
  }
  if (r.roundTrips) {
    const rt = r.roundTrips;
    out.push(
      `#### 3. Halo calls and wall time with ${rt.latencyMs} ms latency per Halo call (fresh server each, cold cache; median of 3)`,
      `One Halo round trip through the same client: **${rt.oneRoundTripMs} ms**. "Session ready" = the server already holds gateway tokens (raw tokens configured, or any call made before); "cold login" = the first call also turns the browser cookie into tokens.`,
      table(
        ["tool", "variant", "Halo calls (data)", "wall ms", "round trips", "current classes", "calls"],
        rt.rows.map((x) => [x.tool, x.variant, `${x.haloCalls} (${x.dataCalls})`, x.wallMs, x.roundTrips, x.currentClasses, x.calls.join(", ")]),
      ),
    );
  }
  if (r.overhead) {
    out.push(
      "#### 4. Server overhead (spawned built server, SDK client, loopback sandbox)",
      "A `whats_due` call answered from the cache (no Halo call during the loop) beside a bare MCP ping on the same connection. The in-process row (same server over the SDK's InMemoryTransport) also times the tool's own work (runTool) without any MCP layer, which splits the call into ours and the framework's.",
      table(
        ["transport", "iterations", "ping p50 ms", "ping p99 ms", "cached call p50 ms", "cached call p99 ms", "tool's own work p50 ms", "Halo calls in loop"],
        r.overhead.map((o) => [o.transport, o.iterations, o.pingP50, o.pingP99, o.callP50, o.callP99, o.handlerP50 ?? "", o.haloCallsDuringLoop]),
      ),
      ...r.overhead.filter((o) => o.timer1msP50 !== undefined).map((o) => `A bare \`await setTimeout(1)\` takes ${o.timer1msP50} ms p50 here; fastmcp 4.20.16 awaits one after every tool call (\`await delay(1)\` in its CallTool handler), so it sits inside every cached call above.`),
    );
  }
  if (r.coldStart) {
    const c = r.coldStart;
    out.push(
      "#### 5. Cold start",
      table(["measure", `median of ${c.reps} ms`], [["spawn → initialize → first tools/list answer", c.serverMedianMs], ["fastest of those", c.serverMinMs], ["node -e '' (spawn to exit)", c.nodeMedianMs], ["ours (server minus node -e '')", c.ownMs], ["unbundled dist/src/cli.js, same loop", c.unbundledMedianMs], ["unbundled minus node -e ''", c.unbundledOwnMs]]),
    );
  }
  if (r.upload) {
    const u = r.upload;
    out.push(
      "#### 6. Memory while uploading (upload_assignment_file over stdio, preview + approved upload; sparse file; RSS from /proc/<pid>/status)",
      table(
        ["file MB", "ok", "seconds", "idle RSS MB", "peak RSS MB", "growth MB", "VmHWM before → after", "store received MB"],
        u.runs.map((x) => (x.skipped ? [x.fileMb, "skipped", x.skipped, "", "", "", "", ""] : [x.fileMb, x.ok ? "yes" : "NO", x.seconds, x.idleRssMb, x.peakRssMb, x.growthMb, `${x.hwmBeforeMb} → ${x.hwmAfterMb}`, x.storeReceivedMb ?? "—"])),
      ),
      u.note ? `Note: ${u.note}` : "",
    );
  }
  if (r.limits) {
    const l = r.limits;
    out.push(
      "#### 9. Hostile peers (reply cap and stdio message limit; RSS from /proc/<pid>/status)",
      tableOrSkip(l.skipped, ["case", "seconds to the error", "idle RSS MB", "peak RSS MB", "RSS 2 s later MB", "still serving", "answer"], () =>
        l.runs.map((x) => [x.case, x.seconds, x.idleRssMb, x.peakRssMb, x.afterRssMb, x.alive ? "yes" : "NO", x.answer.replace(/\|/g, "/")])),
    );
  }
  if (r.extract) {
    const e = r.extract;
    out.push(
      "#### 8. Reading documents inline (download_resource inline: true over stdio; RSS from /proc/<pid>/status)",
      tableOrSkip(e.skipped, ["file", "ok", "seconds per call", "characters returned", "idle RSS MB", "peak RSS MB", "growth MB", "kept after MB"], () =>
        e.runs.map((x) => [x.file, x.ok ? "yes" : "NO", x.seconds.join(" / "), n(x.chars), x.idleRssMb, x.peakRssMb, x.growthMb, x.retainedMb])),
    );
  }
  if (r.load) {
    const l = r.load;
    out.push(
      `#### 7. HTTP under load: ${l.sessions} concurrent sessions × ${l.callsPerSession} calls (read-tool mix; Halo reached ${l.haloCalls} times, the rest from cache)`,
      table(
        ["calls", "errors", "p50 ms", "p99 ms", "max ms", "connect p50 / p99 ms", "wall s", "calls/s"],
        [[n(l.calls), l.errors, l.p50, l.p99, l.max, `${l.connectP50} / ${l.connectP99}`, l.wallSeconds, l.callsPerSecond]],
      ),
      l.firstErrors.length ? `First errors: ${l.firstErrors.join(" | ")}` : "",
    );
  }
  return out.filter(Boolean);
}

export function machineLine(r: Results): string {
  const m = r.machine;
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.os}; 1-min load average ${m.loadStart} at start, ${m.loadEnd ?? "?"} at end`;
}

export function markdown(r: Results): string {
  const ts = targets(r);
  return [
    `Run ${r.startedAt} in ${r.durationSeconds} s on: ${machineLine(r)}.`,
    "#### Targets",
    table(["target", "figure", "result"], ts.map((t) => [t.target, t.figure, verdict(t.pass)])),
    r.failures.length ? `**Measurements that failed:** ${r.failures.map((f) => `${f.measurement}: ${f.error}`).join("; ")}` : "",
    ...sections(r),
  ].filter(Boolean).join("\n\n");
}

/** The README's Benchmarks section body (between its bench markers). */
export function docPage(r: Results): string {
  return `
\`npm run bench\` builds the project and measures, in one run so machine noise hits every figure alike, what
the server costs a student in the two currencies that matter: waiting time and the model's context window.
Everything runs on loopback against the simulated Halo (\`src/sandbox\`); nothing leaves the machine. The run
writes \`bench/latest.json\` (every figure, plus the machine) and regenerates this section. Timings are a
benchmark's business: tests never assert them.

How each figure is taken (code in \`test/bench/\`, one file per measurement):

1. **Tokens** (\`measure-tokens.ts\`): each read tool is called through a real MCP client on the seeded world
   with a cold cache; a pass-through layer in front of the sandbox copies every Halo response body. Answer
   tokens are set beside the tokens of those bodies. Tokenizer: ${ENCODING}.
2. **tools/list** (\`measure-toolslist.ts\`): the JSON of the whole answer, full and read-only tool sets.
3. **Round trips** (\`measure-roundtrips.ts\`): a fresh in-process server per measurement, 100 ms added to every
   Halo call, calls counted by the sandbox.
4. **Overhead** (\`measure-overhead.ts\`): the built server spawned as \`node dist/src/cli.js\`, stdio and HTTP.
5. **Cold start** (\`measure-coldstart.ts\`): spawn of the bundled bin (\`dist/bin/cli.js\`, built by \`scripts/bundle.mjs\`) to the first \`tools/list\` answer, in the same loop as \`node -e ''\` and the unbundled compiler output (\`dist/src/cli.js\`); the machine's load moves all three alike.
6. **Upload memory** (\`measure-upload.ts\`): a sparse file uploaded through the spawned server; its RSS is
   sampled every 5 ms from \`/proc/<pid>/status\`.
7. **HTTP load** (\`measure-load.ts\`): concurrent SDK clients against one spawned HTTP server.
8. **Reading documents** (\`measure-extract.ts\`): a 100-page PDF and a 50-slide PPTX read inline through the
   spawned server, three calls each; RSS sampled every 5 ms (the extraction worker thread counts).
9. **Hostile peers** (\`measure-limits.ts\`): the spawned server's gateway replaced by one that streams endless
   JSON (the 20 MB reply cap must cut it), then a 17 MB stdio message (over the 16 MB limit); RSS sampled
   every 5 ms, and again 2 s after the error.

### Latest run

${markdown(r)}
`;
}
