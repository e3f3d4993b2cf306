/**
 * Where an upload's bytes come from: a checked file on disk (streamed, never read whole) or, for clients
 * that share no filesystem with the server, a base64 string decoded under a small cap. Either way the bytes
 * are read once up front (hash for the preview, search for the login) and checked again while uploading.
 */
import { pipeline, Readable } from "node:stream";
import type mimeTypes from "mime-types";
import { lazyRequire } from "../lazy.js";

const mime = lazyRequire<typeof mimeTypes>("mime-types");
import type { AppConfig } from "../config/types.js";
import { INLINE_UPLOAD_MAX_BYTES } from "../config/limits.js";
import { ToolError } from "../queries/tool-error.js";
import { checkFileName, checkSize, checkUploadPath, formatBytes } from "./paths.js";
import { privateFiles } from "../config/local-files.js";
import type { UploadSource } from "./upload.js";
import { knownSecrets } from "../redact.js";
import { shown } from "./preview.js";
import { approvedBytes, fingerprint, uploadNeedles, type StreamProblem } from "./scan.js";

/** Inline uploads travel inside one JSON-RPC message, so they stay under the transports' message limit. */
export const INLINE_MAX_BYTES = INLINE_UPLOAD_MAX_BYTES;
export const INLINE_MAX_CHARS = Math.ceil(INLINE_MAX_BYTES / 3) * 4 + 4;

export interface OpenedSource extends UploadSource {
  sha256: string;
  /** The real path of a file on disk; undefined for inline content. */
  realPath?: string;
  close: () => Promise<void>;
}

const contentType = (name: string): string => mime().lookup(name) || "application/octet-stream";

export interface SourceArgs {
  file_path?: string;
  file_name?: string;
  content_base64?: string;
}

export async function openSource(args: SourceArgs, config: AppConfig): Promise<OpenedSource> {
  const raw = await rawSource(args, config);
  try {
    const fp = await fingerprint(raw.open(), uploadNeedles(knownSecrets()));
    if (fp.holdsSecret) {
      throw new ToolError(`Refusing to upload "${shown(raw.name)}": its content includes your Halo login (a token or session cookie this server uses), so it is probably a copy of the config file. Nothing was uploaded.`);
    }
    if (fp.size !== raw.size) throw new ToolError(`"${shown(raw.name)}" changed while it was being read; try again once it is saved. Nothing was uploaded.`);
    let problem: StreamProblem | undefined;
    return {
      ...raw,
      sha256: fp.sha256,
      // Every upload attempt is checked against the size and hash the student approved.
      open: () => {
        const guard = approvedBytes({ size: fp.size, sha256: fp.sha256 }, (p) => (problem = p));
        return pipeline(raw.open(), guard, () => undefined);
      },
      changed: () => problem,
    };
  } catch (e) {
    await raw.close();
    throw e;
  }
}

async function rawSource(args: SourceArgs, config: AppConfig): Promise<Omit<OpenedSource, "sha256">> {
  const inline = args.content_base64 !== undefined || args.file_name !== undefined;
  if (args.file_path !== undefined && inline) {
    throw new ToolError("Give either file_path, or file_name with content_base64, not both. Nothing was uploaded.");
  }
  if (args.file_path !== undefined) {
    const f = await checkUploadPath(args.file_path, config.uploadRoots, config.uploadMaxBytes, privateFiles(config));
    return {
      name: f.name,
      realPath: f.realPath,
      size: f.size,
      contentType: contentType(f.name),
      // Each attempt reads from the start of the already-verified handle; the caller closes it.
      open: () => f.handle.createReadStream({ start: 0, autoClose: false }),
      close: () => f.handle.close(),
    };
  }
  if (args.file_name === undefined || args.content_base64 === undefined) {
    throw new ToolError("Give file_path (a file in an upload folder), or file_name together with content_base64. Nothing was uploaded.");
  }
  const name = checkFileName(args.file_name.trim());
  // Stryker disable next-line Regex: removing whitespace one character or one run at a time gives the same string
  const b64 = args.content_base64.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
    throw new ToolError("content_base64 is not valid base64. Nothing was uploaded.");
  }
  const cap = Math.min(config.uploadMaxBytes, INLINE_MAX_BYTES);
  // Size from the length alone, so an oversized payload is refused before it is decoded.
  const estimated = Math.floor((b64.length * 3) / 4) - (b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0);
  if (estimated > cap) {
    throw new ToolError(`"${shown(name)}" is ${formatBytes(estimated)}; inline uploads (content_base64) are limited to ${formatBytes(cap)}. Put the file in an upload folder and pass file_path instead. Nothing was uploaded.`);
  }
  const bytes = Buffer.from(b64, "base64");
  checkSize(bytes.length, cap, name);
  return {
    name,
    size: bytes.length,
    contentType: contentType(name),
    open: () => Readable.from([bytes]),
    close: async () => undefined,
  };
}
