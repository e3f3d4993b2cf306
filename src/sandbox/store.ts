/**
 * S3-like object store: presigned PUT (exact size, single use, expiring) and presigned GET. No Halo auth.
 * Uploads are streamed and counted; only small bodies are kept (for later download), big ones keep size + hash.
 */
import { createHash } from "node:crypto";
import { httpFailure } from "./failures.js";
import { fileBytes } from "./files.js";
import { nowMs, type State } from "./state.js";
import type { SandboxUrls } from "./urls.js";
import { hmacHex } from "./util.js";

const KEEP_BYTES = 256 * 1024;
const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export function signedUrl(s: State, urls: SandboxUrls, method: "PUT" | "GET", key: string, resourceId: string, expiresAt: number): { url: string; signature: string } {
  const signature = hmacHex(s.secret, `${method}:${resourceId}:${expiresAt}`);
  const q = new URLSearchParams({
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Credential": `AKIASANDBOX/${amzDate(expiresAt).slice(0, 8)}/us-west-2/s3/aws4_request`,
    "X-Amz-Date": amzDate(expiresAt),
    "X-Amz-Expires-At": String(expiresAt),
    "X-Amz-SignedHeaders": "host",
    "X-Amz-Signature": signature,
  });
  return { url: `${new URL(urls.store).origin}/${key}?${q}`, signature };
}

function s3Error(status: number, code: string, message: string): Response {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`, { status, headers: { "content-type": "application/xml" } });
}

function checkSignature(s: State, url: URL, method: string, resourceId: string): Response | null {
  const sig = url.searchParams.get("X-Amz-Signature");
  const exp = Number(url.searchParams.get("X-Amz-Expires-At"));
  if (!sig || !Number.isFinite(exp) || sig !== hmacHex(s.secret, `${method}:${resourceId}:${exp}`)) return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
  if (nowMs(s) > exp) return s3Error(403, "AccessDenied", "Request has expired");
  return null;
}

async function drain(req: Request): Promise<void> {
  if (!req.body) return;
  const reader = req.body.getReader();
  while (!(await reader.read()).done) {
    /* discard */
  }
}

async function put(s: State, req: Request, url: URL, resourceId: string): Promise<Response> {
  const bad = checkSignature(s, url, "PUT", resourceId);
  if (bad) return bad;
  const up = s.uploads.get(resourceId);
  if (!up) return s3Error(404, "NoSuchUpload", "The specified upload does not exist.");
  if (up.uploaded) return s3Error(403, "AccessDenied", "This presigned URL has already been used.");
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) !== up.fileSize) return drain(req).then(() => s3Error(400, "BadDigest", `Content-Length ${declared} does not match the presigned size ${up.fileSize}.`));
  const hash = createHash("sha256");
  const kept: Uint8Array[] = [];
  let count = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      count += value.length;
      // Keep reading (discarding) past the limit so the client gets a clean reply instead of a reset.
      if (count > up.fileSize) continue;
      hash.update(value);
      if (count <= KEEP_BYTES) kept.push(value);
    }
  }
  if (count > up.fileSize) return s3Error(400, "EntityTooLarge", `Body exceeds the presigned size ${up.fileSize}.`);
  if (count !== up.fileSize) return s3Error(400, "IncompleteBody", `Received ${count} bytes, expected ${up.fileSize}.`);
  up.uploaded = true;
  const r = s.world.resources[resourceId];
  if (r) {
    r.file = { contentType: req.headers.get("content-type") ?? "application/octet-stream", size: count, sha256: hash.digest("hex"), bytes: count <= KEEP_BYTES ? new Uint8Array(Buffer.concat(kept)) : undefined };
  }
  return new Response(null, { status: 200, headers: { etag: `"${r?.file?.sha256?.slice(0, 32) ?? ""}"` } });
}

function get(s: State, url: URL, resourceId: string): Response {
  const bad = checkSignature(s, url, "GET", resourceId);
  if (bad) return bad;
  const r = s.world.resources[resourceId];
  const bytes = r?.file ? fileBytes(r.file) : null;
  if (!r?.file) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  if (!bytes) return s3Error(404, "NoSuchKey", "The sandbox keeps only uploads up to 256 KiB; this object's bytes were not retained.");
  return new Response(bytes.slice(), {
    status: 200,
    headers: { "content-type": r.file.contentType, "content-length": String(bytes.length), "content-disposition": `attachment; filename="${r.name.replace(/"/g, "")}"`, etag: `"${r.file.sha256?.slice(0, 32) ?? ""}"` },
  });
}

export async function store(s: State, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const parts = url.pathname.split("/").filter(Boolean);
  if (req.method === "PUT" && parts[0] === "halo-uploads" && parts.length === 4) {
    const injected = s.switches.failRest.store;
    if (injected) return httpFailure(s, injected);
    return put(s, req, url, parts[2] ?? "");
  }
  if ((req.method === "GET" || req.method === "HEAD") && parts[0] === "halo-resources" && parts.length === 3) return get(s, url, parts[1] ?? "");
  return s3Error(req.method === "PUT" || req.method === "GET" ? 404 : 405, "NoSuchKey", "The specified key does not exist.");
}
