/**
 * Excel: each sheet as a Markdown table, capped in rows and columns (a gradebook export can hold a million
 * rows; a reader wants the shape and the first screens). Shared strings, inline strings, booleans and
 * date-formatted numbers are rendered as Excel shows them; formulas show their cached value.
 */
import { ZipReader } from "./zip.js";
import { allText, attr, findAll, kids, parseXml, relations, textOf, type XNode } from "./xml.js";
import { ExtractFailure, type ExtractRequest, type Extracted, type Part } from "./types.js";

export const SHEET_MAX_ROWS = 200;
export const SHEET_MAX_COLS = 30;
const CELL_MAX = 300;

const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Per cell style index: is it shown as a date? */
async function dateStyles(xml: string | undefined): Promise<boolean[]> {
  if (!xml) return [];
  const tree = await parseXml(xml);
  const custom = new Map<number, string>();
  for (const f of findAll(tree, "numFmt")) custom.set(Number(attr(f, "numFmtId")), attr(f, "formatCode") ?? "");
  const xfs = findAll(tree, "cellXfs")[0];
  return findAll(xfs ? kids(xfs) : [], "xf").map((xf) => {
    const id = Number(attr(xf, "numFmtId") ?? 0);
    const code = custom.get(id)?.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
    return BUILTIN_DATES.has(id) || (code !== undefined && /[dy]|h{1,2}:m/i.test(code));
  });
}

function excelDate(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  if (Number.isNaN(d.getTime())) return String(serial);
  const iso = d.toISOString();
  return serial % 1 === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function column(ref: string | undefined, fallback: number): number {
  const letters = /^[A-Z]+/i.exec(ref ?? "")?.[0];
  if (!letters) return fallback;
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

const cellText = (s: string) => {
  const one = s.replace(/\r?\n/g, " ").replace(/\|/g, "\\|").trim();
  return one.length > CELL_MAX ? `${one.slice(0, CELL_MAX)}…` : one;
};

/** Keeps the XML up to the row after the cap, so a huge sheet is counted, not parsed. */
function capRows(xml: string): { xml: string; rows: number } {
  const re = /<(?:\w+:)?row[\s>]/g;
  let rows = 0;
  let cut = -1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    rows++;
    if (rows === SHEET_MAX_ROWS + 1) cut = m.index;
  }
  return { xml: cut < 0 ? xml : `${xml.slice(0, cut)}</sheetData></worksheet>`, rows };
}

function renderSheet(tree: XNode[], shared: string[], dates: boolean[], totalRows: number): string {
  const rows: string[][] = [];
  let widest = 0;
  for (const row of findAll(tree, "row").slice(0, SHEET_MAX_ROWS)) {
    const cells: string[] = [];
    findAll(kids(row), "c").forEach((c, i) => {
      const col = column(attr(c, "r"), i);
      if (col >= SHEET_MAX_COLS) return;
      const t = attr(c, "t");
      const v = findAll(kids(c), "v")[0];
      const raw = v ? kids(v).map(textOf).join("") : "";
      let value = raw;
      if (t === "s") value = shared[Number(raw)] ?? "";
      else if (t === "inlineStr") value = allText(kids(c), "t");
      else if (t === "b") value = raw === "1" ? "TRUE" : "FALSE";
      else if (!t && raw && dates[Number(attr(c, "s") ?? 0)]) value = excelDate(Number(raw));
      cells[col] = cellText(value);
    });
    const filled = Array.from(cells, (x) => x ?? "");
    while (filled.length && !filled[filled.length - 1]) filled.pop();
    widest = Math.max(widest, filled.length);
    rows.push(filled);
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  if (rows.length === 0) return "(empty sheet)";
  const line = (r: string[]) => `| ${Array.from({ length: widest }, (_, i) => r[i] ?? "").join(" | ")} |`;
  const out = [line(rows[0]!), `|${" --- |".repeat(widest)}`, ...rows.slice(1).map(line)];
  const notes: string[] = [];
  if (totalRows > SHEET_MAX_ROWS) notes.push(`showing the first ${SHEET_MAX_ROWS} of ${totalRows} rows`);
  if (widest >= SHEET_MAX_COLS) notes.push(`columns after the first ${SHEET_MAX_COLS} are left out`);
  if (notes.length) out.push(`[… ${notes.join("; ")}. The whole sheet is in the saved file.]`);
  return out.join("\n");
}

export async function extractXlsx(data: Buffer, req: ExtractRequest): Promise<Extracted> {
  const zip = new ZipReader(data, req.limits);
  if (!zip.has("xl/workbook.xml")) throw new ExtractFailure("corrupt", "The file is not an Excel workbook (it has no xl/workbook.xml).");
  const rels = await relations(zip.has("xl/_rels/workbook.xml.rels") ? zip.xml("xl/_rels/workbook.xml.rels") : undefined, "xl");
  const shared = zip.has("xl/sharedStrings.xml") ? findAll(await parseXml(zip.xml("xl/sharedStrings.xml")), "si").map((si) => allText([si], "t")) : [];
  const dates = await dateStyles(zip.has("xl/styles.xml") ? zip.xml("xl/styles.xml") : undefined);
  const parts: Part[] = [];
  let chars = 0;
  let stopped = false;
  const sheets = findAll(await parseXml(zip.xml("xl/workbook.xml")), "sheet");
  for (const [i, s] of sheets.entries()) {
    const target = rels.get(attr(s, "r:id") ?? "")?.target;
    if (!target || !zip.has(target)) continue;
    if (chars >= req.wantChars) {
      stopped = true;
      break;
    }
    const { xml, rows } = capRows(zip.xml(target));
    const text = renderSheet(await parseXml(xml), shared, dates, rows);
    const hidden = attr(s, "state") && attr(s, "state") !== "visible" ? " (hidden)" : "";
    parts.push({ n: i + 1, label: `Sheet "${attr(s, "name") ?? i + 1}"${hidden}`, text });
    chars += text.length + 20;
  }
  return { kind: "xlsx", parts, total: sheets.length, ...(stopped ? { stopped } : {}) };
}
