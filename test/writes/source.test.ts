/** Where upload bytes come from, and the size/name words, value by value (found by mutation testing). */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { registerSecret } from "../../src/redact.js";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFileName, checkSize, fileType, formatBytes } from "../../src/writes/paths.js";
import { INLINE_MAX_BYTES, INLINE_MAX_CHARS, openSource } from "../../src/writes/source.js";
import { testConfig } from "../halo/helpers.js";

const read = async (s: { open: () => NodeJS.ReadableStream }) => {
  const parts: Buffer[] = [];
  for await (const c of s.open()) parts.push(Buffer.from(c as Buffer));
  return Buffer.concat(parts).toString("utf8");
};

describe("openSource", () => {
  const config = (over: Record<string, unknown> = {}) => ({ ...testConfig(), ...over }) as ReturnType<typeof testConfig>;

  it("decodes inline base64 (whitespace allowed) with a content type from the name", async () => {
    const s = await openSource({ file_name: " essay.pdf ", content_base64: "aGVs\nbG8=" }, config());
    expect(s).toMatchObject({ name: "essay.pdf", size: 5, contentType: "application/pdf" });
    expect(await read(s)).toBe("hello");
    expect(await read(s)).toBe("hello"); // every attempt gets the bytes again
    await s.close();
    const odd = await openSource({ file_name: "notes.zzzunknown", content_base64: "aGk=" }, config());
    expect(odd.contentType).toBe("application/octet-stream");
  });

  it("refuses mixed, incomplete and malformed arguments", async () => {
    await expect(openSource({ file_path: "a.pdf", file_name: "a.pdf" }, config())).rejects.toThrow("Give either file_path, or file_name with content_base64, not both. Nothing was uploaded.");
    await expect(openSource({ file_path: "a.pdf", content_base64: "" }, config())).rejects.toThrow(/not both/);
    await expect(openSource({ file_name: "a.pdf" }, config())).rejects.toThrow(/^Give file_path \(a file in an upload folder\), or file_name together with content_base64/);
    await expect(openSource({ content_base64: "aGk=" }, config())).rejects.toThrow(/together with content_base64/);
    await expect(openSource({}, config())).rejects.toThrow(/together with content_base64/);
    for (const bad of ["a$b=", "aGk===", "a", "aGk=a"]) {
      await expect(openSource({ file_name: "a.pdf", content_base64: bad }, config())).rejects.toThrow("content_base64 is not valid base64. Nothing was uploaded.");
    }
    await expect(openSource({ file_name: "a.pdf", content_base64: "" }, config())).rejects.toThrow(/is empty \(0 bytes\)/);
  });

  it("refuses an oversized inline upload from its length, before decoding, under the smaller cap", async () => {
    await expect(openSource({ file_name: "big.pdf", content_base64: "A".repeat(16) }, config({ uploadMaxBytes: 11 }))).rejects.toThrow(
      '"big.pdf" is 12 B; inline uploads (content_base64) are limited to 11 B. Put the file in an upload folder and pass file_path instead. Nothing was uploaded.',
    );
    expect((await openSource({ file_name: "ok.pdf", content_base64: "AAAAAAAAAAAAAA==" }, config({ uploadMaxBytes: 10 }))).size).toBe(10);
    expect((await openSource({ file_name: "ok.pdf", content_base64: "AAAAAAAAAAAAAAA=" }, config({ uploadMaxBytes: 11 }))).size).toBe(11);
    expect(INLINE_MAX_CHARS).toBe(Math.ceil(INLINE_MAX_BYTES / 3) * 4 + 4);
  });

  it("opens a checked file path inside an upload root and streams it from the start each time", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "halo-src-"));
    writeFileSync(path.join(root, "essay.docx"), "docx bytes");
    const s = await openSource({ file_path: "essay.docx" }, config({ uploadRoots: [root] }));
    expect(s).toMatchObject({ name: "essay.docx", size: 10, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    expect(await read(s)).toBe("docx bytes");
    expect(await read(s)).toBe("docx bytes");
    await s.close();
  });
});

describe("names and sizes", () => {
  it("formats bytes at each unit boundary", () => {
    expect([0, 1023, 1024, 1536, 1024 * 1024 - 1, 1024 * 1024, 5.25 * 1024 * 1024, 1024 ** 3, 3.5 * 1024 ** 3].map(formatBytes)).toEqual([
      "0 B",
      "1023 B",
      "1.0 KB",
      "1.5 KB",
      "1024.0 KB",
      "1.0 MB",
      "5.3 MB",
      "1.00 GB",
      "3.50 GB",
    ]);
  });

  it("checks size and name with the exact reason", () => {
    expect(() => checkSize(0, 10, "a.pdf")).toThrow('"a.pdf" is empty (0 bytes); Halo does not accept empty files.');
    expect(() => checkSize(11, 10, "a.pdf")).toThrow('"a.pdf" is 11 B, over the upload limit of 10 B (uploadMaxBytes). Nothing was uploaded.');
    expect(() => checkSize(10, 10, "a.pdf")).not.toThrow();
    expect(() => checkFileName("")).toThrow(/is not a plain file name/);
    expect(() => checkFileName("a\0.pdf")).toThrow(/is not a plain file name/);
    expect(() => checkFileName("x".repeat(197) + ".pdf")).toThrow("The file name is too long (201 characters; at most 200). Nothing was uploaded.");
    expect(checkFileName("x".repeat(196) + ".pdf")).toHaveLength(200);
    expect(fileType("a.")).toBe("");
    expect(fileType("A.PDF")).toBe("pdf");
  });
});

describe("file handles", () => {
  it.skipIf(!existsSync("/proc/self/fd"))("closes the checked file on close, and when its content is refused", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "halo-src-fd-"));
    const secret = "s3cr3t-session-value-for-fd-test-0123";
    registerSecret(secret);
    writeFileSync(path.join(root, "ok.pdf"), "fine");
    writeFileSync(path.join(root, "login.txt"), `cookie=${secret}`);
    const config = { ...testConfig(), uploadRoots: [root] } as ReturnType<typeof testConfig>;
    const before = readdirSync("/proc/self/fd").length;
    const s = await openSource({ file_path: "ok.pdf" }, config);
    await s.close();
    await expect(openSource({ file_path: "login.txt" }, config)).rejects.toThrow(/includes your Halo login/);
    expect(readdirSync("/proc/self/fd").length).toBe(before);
  });
});
