/**
 * Names in a write preview come from the student's disk or from Halo, and either may be hostile: a newline
 * in an assignment title could fake a second "Files that will be turned in" line, a right-to-left override
 * in a file name ("report\u202Efdp.exe") shows a different extension than the real one. Every name is shown
 * with such characters escaped, so what the student approves is what the text really says.
 */

// Cc = C0/C1 controls (newline, CR, ESC...), Cf = format characters (bidi overrides and isolates, zero-width
// joiners, BOM), Zl/Zp = line and paragraph separators.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const UNSAFE_ONE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeChar(c: string): string {
  return NAMED[c] ?? `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A name as shown in a preview: one line, every control, bidi or invisible format character visible as an escape. */
export function shown(name: string | null | undefined, fallback = "(unnamed)"): string {
  const s = name ?? "";
  return s.trim() ? s.replace(UNSAFE, escapeChar) : fallback;
}

/** A multi-line body (a message the student will send): line breaks stay, every other unsafe character is escaped. */
export function shownBody(text: string): string {
  return text.replace(UNSAFE, (c) => (c === "\n" ? c : escapeChar(c)));
}

/** True when a name holds a character `shown` would escape. */
export function hasUnsafeChars(name: string): boolean {
  return UNSAFE_ONE.test(name);
}
