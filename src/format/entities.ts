/**
 * Titles and names are plain text fields, yet Halo sometimes stores them with HTML entities
 * ("This week&#8217;s reminders"). One decoding pass, no markup parsing: a title is never rendered as HTML.
 */
import { stripInvisible } from "./html.js";

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ",
  rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", mdash: "—", ndash: "–", hellip: "…",
  copy: "©", reg: "®", trade: "™", deg: "°", middot: "·", bull: "•", laquo: "«", raquo: "»",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** A one-line plain-text field (title, name) as the student sees it: entities decoded, invisibles removed. */
export function plainText(text: string | null | undefined): string {
  return stripControls(stripInvisible(decodeEntities(text ?? "")).replace(/\s+/g, " ")).trim();
}

// C0/C1 controls and DEL (after whitespace became spaces). Entity decoding can produce them too (&#27;).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Removes control characters from text printed on one line: an escape sequence or a lone CR in a title could
 * repaint a terminal, or forge a line in the answer or a calendar file.
 */
export function stripControls(text: string): string {
  return text.replace(CONTROL, "");
}
