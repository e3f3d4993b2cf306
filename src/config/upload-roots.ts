/**
 * Where uploads may come from. The model picks the path, and a prompt injection can ask for any file, so
 * the default is a folder that exists only for this (~/HaloUploads), never the working directory (GUI
 * clients often start servers in `/`) or the home folder, which hold everything else the student owns.
 */
import { homedir } from "node:os";
import path from "node:path";

export const UPLOAD_FOLDER_NAME = "HaloUploads";

/** The student's home folder as the environment gives it (HOME, USERPROFILE on Windows). */
export function homeOf(env: Readonly<Record<string, string | undefined>>): string {
  return env.HOME || env.USERPROFILE || homedir();
}

export function defaultUploadRoot(home: string): string {
  return path.join(home, UPLOAD_FOLDER_NAME);
}

/** Why a folder is too broad to upload from (the filesystem root, the home folder, or a folder above it), or undefined. */
export function tooBroad(root: string, home: string): string | undefined {
  const r = path.resolve(root);
  const h = path.resolve(home);
  if (r === path.parse(r).root) return "it is the whole filesystem";
  if (r === h) return "it is your whole home folder";
  const rel = path.relative(r, h);
  if (rel && !rel.startsWith("..") && !path.isAbsolute(rel)) return "it contains your whole home folder";
  return undefined;
}
