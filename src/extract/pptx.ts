/**
 * PowerPoint: the text of each slide in presentation order (paragraph per line, tables as rows), then its
 * speaker notes. Slide numbers follow the order in presentation.xml, as PowerPoint shows them.
 */
import { ZipReader } from "./zip.js";
import { allText, attr, dirOf, findAll, first, kids, parseXml, relations, relsPath, tag, type XNode } from "./xml.js";
import { ExtractFailure, readRange, type ExtractRequest, type Extracted } from "./types.js";

/** Placeholders that repeat on every slide and say nothing (slide number, date, footer). */
const BOILERPLATE = new Set(["sldNum", "dt", "ftr", "sldImg", "hdr"]);

function placeholder(sp: XNode): string | undefined {
  const ph = first(kids(sp), "p:ph");
  return ph ? (attr(ph, "type") ?? "body") : undefined;
}

/** Lines of text in a shape tree: a paragraph per line, a table row as "| a | b |". */
function linesOf(nodes: XNode[], keep: (sp: XNode) => boolean, out: string[] = []): string[] {
  for (const n of nodes) {
    const t = tag(n);
    if (t === "p:sp") {
      if (!keep(n)) continue;
      for (const p of findAll(kids(n), "a:p")) {
        const line = allText([p], "a:t").trim();
        if (line) out.push(line);
      }
    } else if (t === "a:tbl") {
      for (const row of findAll(kids(n), "a:tr")) {
        const cells = findAll(kids(row), "a:tc").map((c) => allText([c], "a:t").replace(/\|/g, "\\|").trim());
        if (cells.some(Boolean)) out.push(`| ${cells.join(" | ")} |`);
      }
    } else {
      linesOf(kids(n), keep, out);
    }
  }
  return out;
}

export async function extractPptx(data: Buffer, req: ExtractRequest): Promise<Extracted> {
  const zip = new ZipReader(data, req.limits);
  if (!zip.has("ppt/presentation.xml")) throw new ExtractFailure("corrupt", "The file is not a PowerPoint presentation (it has no ppt/presentation.xml).");
  const rels = await relations(zip.has("ppt/_rels/presentation.xml.rels") ? zip.xml("ppt/_rels/presentation.xml.rels") : undefined, "ppt");
  const ids = findAll(await parseXml(zip.xml("ppt/presentation.xml")), "p:sldId");
  const slides = ids.map((s) => rels.get(attr(s, "r:id") ?? "")?.target).filter((t): t is string => !!t && zip.has(t));
  const read = await readRange(req, slides.length, "slide", async (n) => {
    const path = slides[n - 1]!;
    const tree = await parseXml(zip.xml(path));
    const hidden = first(tree, "p:sld") && attr(first(tree, "p:sld")!, "show") === "0";
    const lines = linesOf(tree, (sp) => !BOILERPLATE.has(placeholder(sp) ?? ""));
    const slideRels = await relations(zip.has(relsPath(path)) ? zip.xml(relsPath(path)) : undefined, dirOf(path));
    const notesPath = [...slideRels.values()].find((r) => r.type.endsWith("/notesSlide") && zip.has(r.target))?.target;
    if (notesPath) {
      // In a notes page only the body placeholder is the speaker's text; the rest is the slide image and number.
      const notes = linesOf(await parseXml(zip.xml(notesPath)), (sp) => placeholder(sp) === "body");
      if (notes.length) lines.push("", "Speaker notes:", ...notes);
    }
    return { n, label: `Slide ${n}${hidden ? " (hidden)" : ""}`, text: lines.join("\n") };
  });
  return { kind: "pptx", ...read };
}
