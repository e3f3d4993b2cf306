/**
 * Where export_calendar may write: inside the downloads folder only. Checked lexically first (no "..",
 * no absolute path elsewhere) and then against the real path of the parent folder, so a symlink inside the
 * downloads folder cannot lead out of it.
 */
import { mkdir, realpath } from "node:fs/promises";
import path from "node:path";
import { ToolError } from "../queries/tool-error.js";
import { safeFileName } from "../format/files.js";

const inside = (root: string, p: string): boolean => {
  const rel = path.relative(root, p);
  return rel === "" ? false : !rel.startsWith("..") && !path.isAbsolute(rel);
};

/**
 * Any requested name works: each folder and the file name are made safe (control characters, reserved and
 * over-long names), after the lexical check so "../x" is still refused rather than quietly rewritten.
 */
export async function resolveExportPath(downloadsDir: string, requested: string | undefined, defaultName: string, ext: string): Promise<{ dir: string; name: string }> {
  const root = path.resolve(downloadsDir);
  const raw = path.resolve(root, requested?.trim() || defaultName);
  if (!inside(root, raw)) throw new ToolError(`The file must be inside your downloads folder (${root}); "${requested}" is not. Give a file name such as "${defaultName}". Nothing was written.`);
  const parts = path.relative(root, raw).split(path.sep);
  const base = parts.pop() ?? defaultName;
  let name = safeFileName(base, defaultName);
  if (path.extname(name).toLowerCase() !== ext) name = safeFileName(name + ext, defaultName);
  const dir = path.join(root, ...parts.map((p) => safeFileName(p, "_")));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const realRoot = await realpath(root);
  const realDir = await realpath(dir);
  if (realDir !== realRoot && !inside(realRoot, realDir)) throw new ToolError(`That folder leads outside your downloads folder (${root}) through a link. Nothing was written.`);
  return { dir: realDir, name };
}
