/**
 * Office XML as an ordered tree (fast-xml-parser with preserveOrder), plus the few walks PPTX and XLSX need.
 * Order matters: paragraphs, runs and cells must come out in document order.
 */
import type { X2jOptions } from "fast-xml-parser";

export type XNode = Record<string, unknown>;

const OPTIONS: Partial<X2jOptions> = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
};

let parser: { parse(xml: string): unknown } | undefined;

export async function parseXml(xml: string): Promise<XNode[]> {
  if (!parser) {
    const { XMLParser } = await import("fast-xml-parser");
    parser = new XMLParser(OPTIONS);
  }
  return parser.parse(xml) as XNode[];
}

export function tag(n: XNode): string {
  return Object.keys(n).find((k) => k !== ":@") ?? "";
}

export function kids(n: XNode): XNode[] {
  const v = n[tag(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attr(n: XNode, name: string): string | undefined {
  const a = n[":@"] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === "string" ? v : undefined;
}

export function textOf(n: XNode): string {
  return typeof n["#text"] === "string" ? n["#text"] : typeof n["#text"] === "number" ? String(n["#text"]) : "";
}

/** Every descendant (and self) named `name`, in document order, not looking inside a match. */
export function findAll(nodes: XNode[], name: string, out: XNode[] = []): XNode[] {
  for (const n of nodes) {
    if (tag(n) === name) out.push(n);
    else findAll(kids(n), name, out);
  }
  return out;
}

export function first(nodes: XNode[], name: string): XNode | undefined {
  return findAll(nodes, name)[0];
}

/** Concatenated text of every `textTag` element below the nodes (e.g. all `a:t` of a paragraph). */
export function allText(nodes: XNode[], textTag: string): string {
  return findAll(nodes, textTag).map((t) => kids(t).map(textOf).join("")).join("");
}

/** Relationship id → target path, resolved against the folder of the part that owns the .rels file. */
export async function relations(xml: string | undefined, baseDir: string): Promise<Map<string, { target: string; type: string }>> {
  const map = new Map<string, { target: string; type: string }>();
  if (!xml) return map;
  for (const r of findAll(await parseXml(xml), "Relationship")) {
    const id = attr(r, "Id");
    const target = attr(r, "Target");
    if (id && target && attr(r, "TargetMode") !== "External") map.set(id, { target: resolvePart(baseDir, target), type: attr(r, "Type") ?? "" });
  }
  return map;
}

export function resolvePart(baseDir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `${baseDir}/${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}

/** "ppt/slides/slide1.xml" → "ppt/slides/_rels/slide1.xml.rels". */
export function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

export function dirOf(part: string): string {
  return part.slice(0, Math.max(0, part.lastIndexOf("/")));
}
