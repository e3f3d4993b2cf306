/**
 * Halo rich text (HTML) to readable Markdown through turndown, not regex: lists, links and entities come
 * out right. Zero-width and bidi control characters are removed because they hide text from the student
 * while still steering a model.
 */
import type TurndownService from "turndown";
import { lazyRequire } from "../lazy.js";

const loadTurndown = lazyRequire<typeof TurndownService>("turndown");
const loadGfm = lazyRequire<typeof import("turndown-plugin-gfm")>("turndown-plugin-gfm");

function build(): TurndownService {
  const { tables, strikethrough } = loadGfm();
  const td = new (loadTurndown())({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "_" });
  // Instructors paste tables (schedules, point breakdowns); GFM tables keep rows and columns readable.
  td.use([tables, strikethrough]);
  td.remove(["script", "style", "noscript", "iframe", "object", "embed"]);
  // Images: keep the alt text only; the URLs are long and the model cannot see them anyway.
  td.addRule("imageAlt", {
    filter: "img",
    replacement: (_c, node) => {
      const alt = (node as { getAttribute?: (n: string) => string | null }).getAttribute?.("alt");
      return alt ? `[image: ${alt}]` : "";
    },
  });
  return td;
}
let service: TurndownService | undefined;
const turndown = (): TurndownService => (service ??= build());

// Zero-width, bidi embedding/override/isolate marks, BOM, soft hyphen, and other invisible formatters.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

export function htmlToMarkdown(html: string | null | undefined): string {
  if (!html) return "";
  const md = turndown().turndown(stripInvisible(html));
  return stripInvisible(md)
    .replace(/\u00A0/g, " ")
    .replace(/[ \t]+\n/g, "\n")
    // Turndown pads list markers to a 4-column indent ("-   item"); one space reads the same and costs a token less.
    .replace(/^( *)(-|\d+\.) {2,}(?=\S)/gm, "$1$2 ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Plain text to the HTML Halo stores: escaped, one paragraph per blank-line block, line breaks kept. */
export function textToHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}
