/**
 * Finds the student's own Chrome, Edge or Chromium for `login`. Nothing is ever downloaded: a browser that
 * is not installed means the cookie-paste path of `init`. Pure apart from the injected `exists`, so every
 * platform's search is testable on any machine.
 */
import path from "node:path";

export interface FindDeps {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** True when `file` exists and is a file this user may run. */
  exists: (file: string) => boolean;
}

export type Found = { ok: true; path: string } | { ok: false; why: string };

const LINUX_NAMES = ["google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable", "chromium", "chromium-browser"];
const LINUX_FIXED = ["/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge", "/snap/bin/chromium"];
const MAC_APPS: Array<[string, string]> = [
  ["Google Chrome.app", "Google Chrome"],
  ["Microsoft Edge.app", "Microsoft Edge"],
  ["Chromium.app", "Chromium"],
];
const WIN_SUFFIXES = ["Google\\Chrome\\Application\\chrome.exe", "Microsoft\\Edge\\Application\\msedge.exe", "Chromium\\Application\\chrome.exe"];

function pathDirs(d: FindDeps): string[] {
  const raw = d.env.PATH ?? d.env.Path ?? "";
  return raw.split(d.platform === "win32" ? ";" : ":").filter(Boolean);
}

/** Where Chrome, Edge and Chromium install themselves, in order of preference. */
export function browserCandidates(d: FindDeps): string[] {
  if (d.platform === "win32") {
    const roots = [d.env.PROGRAMFILES, d.env["PROGRAMFILES(X86)"], d.env["ProgramFiles(x86)"], d.env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return WIN_SUFFIXES.flatMap((suffix) => roots.map((root) => path.win32.join(root, suffix)));
  }
  if (d.platform === "darwin") {
    const dirs = ["/Applications", ...(d.env.HOME ? [path.posix.join(d.env.HOME, "Applications")] : [])];
    return MAC_APPS.flatMap(([app, bin]) => dirs.map((dir) => path.posix.join(dir, app, "Contents/MacOS", bin)));
  }
  const dirs = pathDirs(d);
  return [...LINUX_NAMES.flatMap((name) => dirs.map((dir) => path.posix.join(dir, name))), ...LINUX_FIXED];
}

/** A path, or a bare command name looked up on PATH. */
function resolveGiven(given: string, d: FindDeps): string | undefined {
  const p = d.platform === "win32" ? path.win32 : path.posix;
  if (given.includes("/") || (d.platform === "win32" && given.includes("\\"))) {
    const full = p.resolve(d.cwd, given);
    return d.exists(full) ? full : undefined;
  }
  const names = d.platform === "win32" && !/\.exe$/i.test(given) ? [given, `${given}.exe`] : [given];
  for (const dir of pathDirs(d)) for (const n of names) if (d.exists(p.join(dir, n))) return p.join(dir, n);
  return undefined;
}

/** `given` is the `browser` setting (--browser / HALO_BROWSER / the file); when set, nothing else is tried. */
export function findBrowser(given: string | undefined, d: FindDeps): Found {
  if (given) {
    const found = resolveGiven(given, d);
    return found ? { ok: true, path: found } : { ok: false, why: `the browser given by --browser / HALO_BROWSER (${given}) was not found or cannot be run` };
  }
  const found = browserCandidates(d).find((c) => d.exists(c));
  return found ? { ok: true, path: found } : { ok: false, why: "no Chrome, Edge or Chromium was found in the usual places" };
}
