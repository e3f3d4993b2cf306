/**
 * Office documents for the sandbox from a line markup, so tests know their text. DOCX: "# " and "## "
 * headings, "- " bullets, "1. " numbered items, "| a | b |" table rows, other lines paragraphs. PPTX: slides
 * split by a "---" line; the first line is the title, "Notes: " lines are speaker notes, "| a | b |" rows a
 * table, the rest bullets. XLSX: sheets split by "---"; the first line "Sheet: name", then rows of cells
 * split by "|" (numbers stay numbers, YYYY-MM-DD becomes a date-formatted serial). Plus a zip bomb.
 */
import { constants, deflateRawSync } from "node:zlib";
import { zip } from "./docs.js";
import { writeZip } from "../extract/zip.js";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const CT = (part: string, type: string, more = "") =>
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>${more}</Types>`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const rels = (list: Array<[id: string, type: string, target: string]>) =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.startsWith("http") ? type : `${REL}/${type}`}" Target="${target}"/>`).join("")}</Relationships>`;

/** A DOCX whose document.xml inflates to `mb` megabytes (deflate of zeros packs about 1000:1). */
export function zipBomb(mb = 200): Buffer {
  // One deflated megabyte of zeros ending on a block boundary, repeated, then an empty final block.
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([0x03, 0x00])]);
  return writeZip([
    { name: "[Content_Types].xml", data: Buffer.from(CT("word/document.xml", "wordprocessingml.document.main+xml")) },
    // Honest sizes: the bomb is the inflate itself, not a lying header.
    { name: "word/document.xml", data, inflated: { size: mb << 20, crc: 0 } },
  ]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
const para = (t: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${run(t)}</w:p>`;
const cells = (line: string) => line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());

export function docx(text: string): Buffer {
  const body: string[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith("|")) {
      const rows: string[] = [];
      for (; i < lines.length && lines[i]!.startsWith("|"); i++) rows.push(`<w:tr>${cells(lines[i]!).map((c) => `<w:tc>${para(c)}</w:tc>`).join("")}</w:tr>`);
      i--;
      body.push(`<w:tbl><w:tblPr/>${rows.join("")}</w:tbl>`);
    } else if (/^#{1,2} /.test(l)) body.push(para(l.replace(/^#+ /, ""), `<w:pStyle w:val="Heading${l.startsWith("## ") ? 2 : 1}"/>`));
    else if (l.startsWith("- ")) body.push(para(l.slice(2), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'));
    else if (/^\d+\. /.test(l)) body.push(para(l.replace(/^\d+\. /, ""), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'));
    else body.push(para(l));
  }
  const style = (id: string, name: string) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  const abstract = (id: number, fmt: string) => `<w:abstractNum w:abstractNumId="${id}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${fmt === "bullet" ? "•" : "%1."}"/></w:lvl></w:abstractNum>`;
  return zip([
    ["[Content_Types].xml", CT("word/document.xml", "wordprocessingml.document.main+xml")],
    ["_rels/.rels", rels([["rId1", "officeDocument", "word/document.xml"]])],
    ["word/_rels/document.xml.rels", rels([["rId1", "styles", "styles.xml"], ["rId2", "numbering", "numbering.xml"]])],
    ["word/document.xml", `${XML}<w:document ${W}><w:body>${body.join("")}</w:body></w:document>`],
    ["word/styles.xml", `${XML}<w:styles ${W}>${style("Heading1", "heading 1")}${style("Heading2", "heading 2")}</w:styles>`],
    ["word/numbering.xml", `${XML}<w:numbering ${W}>${abstract(0, "bullet")}${abstract(1, "decimal")}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`],
  ]);
}

const P = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const shape = (id: number, ph: string, paras: string[]) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${ph} ${id}"/><p:cNvSpPr/><p:nvPr><p:ph type="${ph}"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${paras.map((t) => `<a:p><a:r><a:t>${esc(t)}</a:t></a:r></a:p>`).join("")}</p:txBody></p:sp>`;
const table = (rows: string[]) =>
  `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="9" name="Table"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData><a:tbl>${rows.map((r) => `<a:tr>${cells(r).map((c) => `<a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>${esc(c)}</a:t></a:r></a:p></a:txBody></a:tc>`).join("")}</a:tr>`).join("")}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
const tree = (inner: string) => `<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${inner}</p:spTree></p:cSld>`;

export function pptx(text: string): Buffer {
  const slides = text.split(/\n---\n/);
  const entries: Array<[string, string]> = [];
  const overrides: string[] = [];
  slides.forEach((s, i) => {
    const n = i + 1;
    const [title = "", ...rest] = s.split("\n");
    const notes = rest.filter((l) => l.startsWith("Notes: ")).map((l) => l.slice(7));
    const rows = rest.filter((l) => l.startsWith("|"));
    const bullets = rest.filter((l) => l && !l.startsWith("Notes: ") && !l.startsWith("|"));
    const body = shape(2, "title", [title]) + (bullets.length ? shape(3, "body", bullets) : "") + (rows.length ? table(rows) : "") + shape(4, "sldNum", [String(n)]);
    entries.push([`ppt/slides/slide${n}.xml`, `${XML}<p:sld ${P}>${tree(body)}</p:sld>`]);
    overrides.push(`<Override PartName="/ppt/slides/slide${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>`);
    if (notes.length) {
      entries.push([`ppt/slides/_rels/slide${n}.xml.rels`, rels([["rId1", "notesSlide", `../notesSlides/notesSlide${n}.xml`]])]);
      entries.push([`ppt/notesSlides/notesSlide${n}.xml`, `${XML}<p:notes ${P}>${tree(shape(2, "sldImg", []) + shape(3, "body", notes) + shape(4, "sldNum", [String(n)]))}</p:notes>`]);
    }
  });
  const ids = slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 1}"/>`).join("");
  return zip([
    ["[Content_Types].xml", CT("ppt/presentation.xml", "presentationml.presentation.main+xml", overrides.join(""))],
    ["_rels/.rels", rels([["rId1", "officeDocument", "ppt/presentation.xml"]])],
    ["ppt/presentation.xml", `${XML}<p:presentation ${P}><p:sldIdLst>${ids}</p:sldIdLst></p:presentation>`],
    ["ppt/_rels/presentation.xml.rels", rels(slides.map((_, i) => [`rId${i + 1}`, "slide", `slides/slide${i + 1}.xml`]))],
    ...entries,
  ]);
}

const S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const colName = (i: number): string => (i >= 26 ? colName(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));

export function xlsx(text: string): Buffer {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const sheets = text.split(/\n---\n/).map((block, i) => {
    const [first = "", ...rows] = block.split("\n");
    const name = first.replace(/^Sheet:\s*/, "") || `Sheet${i + 1}`;
    const xmlRows = rows.map((line, r) => {
      const cs = cells(line).map((v, c) => {
        const ref = `${colName(c)}${r + 1}`;
        if (v === "") return "";
        if (/^-?\d+(\.\d+)?$/.test(v)) return `<c r="${ref}"><v>${v}</v></c>`;
        if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `<c r="${ref}" s="1"><v>${Date.parse(`${v}T00:00:00Z`) / 86_400_000 + 25569}</v></c>`;
        if (!sharedIndex.has(v)) sharedIndex.set(v, shared.push(v) - 1);
        return `<c r="${ref}" t="s"><v>${sharedIndex.get(v)}</v></c>`;
      });
      return `<row r="${r + 1}">${cs.join("")}</row>`;
    });
    return { name, xml: `${XML}<worksheet ${S}><sheetData>${xmlRows.join("")}</sheetData></worksheet>` };
  });
  return zip([
    ["[Content_Types].xml", CT("xl/workbook.xml", "spreadsheetml.sheet.main+xml")],
    ["_rels/.rels", rels([["rId1", "officeDocument", "xl/workbook.xml"]])],
    ["xl/workbook.xml", `${XML}<workbook ${S}><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`],
    ["xl/_rels/workbook.xml.rels", rels([...sheets.map((_, i): [string, string, string] => [`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`]), ["rIdS", "sharedStrings", "sharedStrings.xml"], ["rIdT", "styles", "styles.xml"]])],
    ["xl/sharedStrings.xml", `${XML}<sst ${S} count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`],
    ["xl/styles.xml", `${XML}<styleSheet ${S}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]),
  ]);
}
