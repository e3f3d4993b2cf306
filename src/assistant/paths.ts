/**
 * Where export_calendar may write: inside the downloads folder only. Checked lexically first (no "..",
 * no absolute path elsewhere) and then against the real path of the parent folder, so a symlink inside the
 * downloads folder cannot lead out of it.
 */
import { lstat, mkdir, realpath } from "node:fs/promises";
import path from "node:path";
import { ToolError } from "../tools/errors.js";

const inside = (root: string, p: string): boolean => {
  const rel = path.relative(root, p);
  return rel === "" ? false : !rel.startsWith("..") && !path.isAbsolute(rel);
};

export async function resolveExportPath(downloadsDir: string, requested: string | undefined, defaultName: string, ext: string): Promise<string> {
  const root = path.resolve(downloadsDir);
  let target = path.resolve(root, requested?.trim() || defaultName);
  if (!inside(root, target)) throw new ToolError(`The file must be inside your downloads folder (${root}); "${requested}" is not. Give a file name such as "${defaultName}". Nothing was written.`);
  if (path.extname(target).toLowerCase() !== ext) target += ext;
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const realRoot = await realpath(root);
  const realParent = await realpath(path.dirname(target));
  if (realParent !== realRoot && !inside(realRoot, realParent)) throw new ToolError(`That folder leads outside your downloads folder (${root}) through a link. Nothing was written.`);
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new ToolError(`${target} is a symbolic link; refusing to write through it. Nothing was written.`);
  if (existing?.isDirectory()) throw new ToolError(`${target} is a folder; give a file name. Nothing was written.`);
  return path.join(realParent, path.basename(target));
}
