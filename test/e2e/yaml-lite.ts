/**
 * A tiny YAML reader for the subset docker-compose.yml uses (block mappings, block sequences, plain and
 * quoted scalars, comments). No YAML package is installed; anything outside the subset throws, so the test
 * fails loudly instead of misreading the file.
 */
type Node = string | Node[] | { [k: string]: Node };

interface Line {
  indent: number;
  text: string;
  no: number;
}

function stripComment(s: string): string {
  let q: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = undefined;
    } else if (c === '"' || c === "'") q = c;
    else if (c === "#" && (i === 0 || /\s/.test(s[i - 1] as string))) return s.slice(0, i);
  }
  if (q) throw new Error(`unterminated quote: ${s}`);
  return s;
}

function scalar(raw: string, no: number): string {
  const s = raw.trim();
  if (/^["']/.test(s)) {
    const q = s[0] as string;
    if (!s.endsWith(q) || s.length < 2) throw new Error(`line ${no}: bad quoted scalar`);
    return s.slice(1, -1);
  }
  if (/^[[{&*!|>%@`]/.test(s)) throw new Error(`line ${no}: unsupported YAML construct "${s}"`);
  return s;
}

export function parseYamlLite(text: string): Node {
  if (text.includes("\t")) throw new Error("tabs are not allowed in YAML indentation");
  const lines: Line[] = [];
  text.split("\n").forEach((l, i) => {
    const t = stripComment(l).replace(/\s+$/, "");
    if (t.trim()) lines.push({ indent: t.length - t.trimStart().length, text: t.trim(), no: i + 1 });
  });
  let pos = 0;
  function block(indent: number): Node {
    const first = lines[pos];
    if (!first) return "";
    if (first.text.startsWith("- ") || first.text === "-") {
      const out: Node[] = [];
      while (pos < lines.length && (lines[pos] as Line).indent === indent && (lines[pos] as Line).text.startsWith("-")) {
        const l = lines[pos++] as Line;
        const rest = l.text.slice(1).trim();
        if (!rest) out.push(block((lines[pos] as Line).indent));
        else if (/^[\w.-]+:(\s|$)/.test(rest)) throw new Error(`line ${l.no}: mappings inside sequences are outside the subset`);
        else out.push(scalar(rest, l.no));
      }
      return out;
    }
    const out: { [k: string]: Node } = {};
    while (pos < lines.length && (lines[pos] as Line).indent === indent) {
      const l = lines[pos++] as Line;
      const m = /^("[^"]+"|'[^']+'|[^:\s][^:]*?):(?:\s+(.*))?$/.exec(l.text);
      if (!m) throw new Error(`line ${l.no}: expected "key: value", got "${l.text}"`);
      const key = scalar(m[1] as string, l.no);
      if (key in out) throw new Error(`line ${l.no}: duplicate key "${key}"`);
      if (m[2] !== undefined && m[2] !== "") out[key] = scalar(m[2], l.no);
      else {
        const next = lines[pos];
        out[key] = next && next.indent > indent ? block(next.indent) : next && next.indent === indent && next.text.startsWith("-") ? block(indent) : "";
      }
    }
    const stray = lines[pos];
    if (stray && stray.indent > indent) throw new Error(`line ${stray.no}: unexpected indentation`);
    return out;
  }
  const root = block(0);
  if (pos !== lines.length) throw new Error(`line ${(lines[pos] as Line).no}: could not parse`);
  return root;
}
