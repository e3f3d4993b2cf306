/**
 * Which local files an upload may read. The model chooses the path, and a prompt injection could ask it
 * to "attach ~/.ssh/id_rsa", so every check runs before a byte leaves the machine: the real path must lie
 * under an upload root, no segment may be hidden, and only regular, non-empty files within the cap pass.
 */
import { constants, promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { ToolError } from "../queries/tool-error.js";
import { hasUnsafeChars, shown } from "./preview.js";

export interface CheckedFile {
  /** The name Halo will show: the base name the student gave. */
  name: string;
  /** Real path after resolving symlinks. */
  realPath: string;
  size: number;
  /** Opened read-only and verified to be the same regular file the checks saw (no swap in between). */
  handle: FileHandle;
}

const SEP = /[\\/]+/;

function isInside(root: string, target: string): string | undefined {
  const rel = path.relative(root, target);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel;
}

function hiddenSegment(rel: string): string | undefined {
  return rel.split(SEP).find((s) => s.startsWith("."));
}

async function realRoots(roots: readonly string[]): Promise<Array<{ lexical: string; real: string }>> {
  const out: Array<{ lexical: string; real: string }> = [];
  for (const r of roots) {
    try {
      out.push({ lexical: path.resolve(r), real: await fs.realpath(r) });
    } catch {
      // A configured root that does not exist (e.g. the Docker mount outside Docker) allows nothing.
    }
  }
  return out;
}

export function describeRoots(roots: readonly string[]): string {
  return roots.length ? roots.join(", ") : "(none configured)";
}

/** Name checks shared by paths and inline uploads. */
export function checkFileName(name: string): string {
  if (!name || name.includes("\0") || SEP.test(name)) throw new ToolError(`"${shown(name)}" is not a plain file name (no folders or slashes). Nothing was uploaded.`);
  // A right-to-left override makes "essay\u202Efdp.exe" look like "essayexe.pdf"; a newline fakes preview lines.
  if (hasUnsafeChars(name)) throw new ToolError(`Refusing to upload "${shown(name)}": its name contains control, invisible or text-direction characters that would make it look like a different file. Rename it (letters, digits, spaces and punctuation only) and try again. Nothing was uploaded.`);
  if (name.startsWith(".")) throw new ToolError(`Refusing to upload "${shown(name)}": hidden files (names starting with ".") are never uploaded. Nothing was uploaded.`);
  const ext = fileType(name);
  if (!ext) throw new ToolError(`"${shown(name)}" has no file extension; Halo needs one to know the file type (e.g. .pdf, .docx). Rename the file and try again. Nothing was uploaded.`);
  if (name.length > 200) throw new ToolError(`The file name is too long (${name.length} characters; at most 200). Nothing was uploaded.`);
  return name;
}

/** Halo's `fileType`: the extension, lower-case, without the dot. */
export function fileType(name: string): string {
  const ext = path.extname(name);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: extname is "" or "." exactly when slice(1) is empty
  return ext.length > 1 ? ext.slice(1).toLowerCase() : "";
}

export function checkSize(size: number, maxBytes: number, name: string): void {
  if (size === 0) throw new ToolError(`"${shown(name)}" is empty (0 bytes); Halo does not accept empty files. Check that it saved correctly. Nothing was uploaded.`);
  if (size > maxBytes) throw new ToolError(`"${shown(name)}" is ${formatBytes(size)}, over the upload limit of ${formatBytes(maxBytes)} (uploadMaxBytes). Nothing was uploaded.`);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/**
 * Resolves `input` (relative paths against the first root), applies the policy and opens the file.
 * The caller must close `handle`.
 */
export async function checkUploadPath(input: string, roots: readonly string[], maxBytes: number, privatePaths: readonly string[] = []): Promise<CheckedFile> {
  const refuse = (why: string): never => {
    throw new ToolError(`Refusing to upload "${shown(input)}": ${why}. Nothing was uploaded.`);
  };
  if (!input.trim() || input.includes("\0")) refuse("not a usable path");
  if (input.split(SEP).includes("..")) refuse('paths may not contain ".." segments; give the path inside an upload folder directly');
  const roots2 = await realRoots(roots);
  if (roots2.length === 0) refuse(`no upload folder exists (configured: ${describeRoots(roots)}); create it (or run \`halo-lms-mcp init\`) and put the files to upload there`);
  const lexical = path.isAbsolute(input) ? path.normalize(input) : path.resolve(roots2[0]!.lexical, input);

  // The path as given must sit under a root, lexically or after resolving the root's own symlinks.
  const lexRel = roots2.map((r) => isInside(r.lexical, lexical) ?? isInside(r.real, lexical)).find((r) => r !== undefined);
  if (lexRel === undefined) refuse(`it is outside the upload folders (${describeRoots(roots2.map((r) => r.lexical))}); copy the file into one of them first`);
  const hiddenGiven = hiddenSegment(lexRel!);
  if (hiddenGiven) refuse(`"${hiddenGiven}" is hidden (starts with "."); hidden files and folders are never uploaded`);

  let real: string;
  try {
    real = await fs.realpath(lexical);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse(code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `it cannot be read (${code ?? "error"})`);
  }
  const realRel = roots2.map((r) => isInside(r.real, real)).find((r) => r !== undefined);
  if (realRel === undefined) refuse("it is a link that points outside the upload folders");
  const hiddenReal = hiddenSegment(realRel!);
  if (hiddenReal) refuse(`it resolves to a hidden file or folder ("${hiddenReal}")`);

  for (const p of privatePaths) {
    const privateReal = await fs.realpath(p).catch(() => path.resolve(p));
    if (privateReal === real) refuse("it is this server's own config or state file, which holds your Halo login or private records");
  }

  const st = await fs.stat(real);
  if (st.isDirectory()) refuse("it is a folder; upload one file at a time");
  if (!st.isFile()) refuse("it is not a regular file (device, pipe or socket)");
  const name = checkFileName(path.basename(lexical));
  checkSize(st.size, maxBytes, name);

  // O_NONBLOCK keeps a FIFO swapped in after the checks from hanging the open; O_NOFOLLOW refuses a
  // symlink swapped in. fstat then proves it is still the file checked above.
  const handle = await fs.open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((e: NodeJS.ErrnoException) =>
    refuse(`it cannot be opened (${e.code ?? "error"})`),
  );
  const fst = await handle.stat();
  if (!fst.isFile() || fst.ino !== st.ino || fst.dev !== st.dev || fst.size !== st.size) {
    await handle.close();
    refuse("it changed while being checked; try again");
  }
  return { name, realPath: real, size: st.size, handle };
}
