import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFileName, checkUploadPath, fileType } from "../../src/writes/paths.js";

let base: string;
let root: string;
let root2: string;
const MAX = 1000;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), "paths-"));
  root = path.join(base, "root");
  root2 = path.join(base, "root2");
  mkdirSync(path.join(root, "sub"), { recursive: true });
  mkdirSync(path.join(root, ".hidden"));
  mkdirSync(root2);
  writeFileSync(path.join(root, "essay.DOCX"), "hello");
  writeFileSync(path.join(root, "sub", "notes.pdf"), "pdf");
  writeFileSync(path.join(root, ".env"), "SECRET=1");
  writeFileSync(path.join(root, ".hidden", "a.pdf"), "x");
  writeFileSync(path.join(root, "empty.pdf"), "");
  writeFileSync(path.join(root, "big.pdf"), "x".repeat(MAX + 1));
  writeFileSync(path.join(root, "noext"), "x");
  writeFileSync(path.join(base, "outside.pdf"), "secret");
  writeFileSync(path.join(root2, "other.txt"), "two");
  symlinkSync(path.join(base, "outside.pdf"), path.join(root, "escape.pdf"));
  symlinkSync(path.join(root, "sub", "notes.pdf"), path.join(root, "alias.pdf"));
  symlinkSync(path.join(root, ".env"), path.join(root, "env.txt"));
  symlinkSync(base, path.join(root, "up"));
  execFileSync("mkfifo", [path.join(root, "pipe.pdf")]);
});
afterAll(() => undefined);

async function ok(input: string, roots = [root]) {
  const f = await checkUploadPath(input, roots, MAX);
  await f.handle.close();
  return f;
}
const no = (input: string, re: RegExp, roots = [root]) => expect(checkUploadPath(input, roots, MAX)).rejects.toThrow(re);

describe("checkUploadPath", () => {
  it("accepts relative paths against the first root and absolute paths inside any root", async () => {
    expect(await ok("essay.DOCX")).toMatchObject({ name: "essay.DOCX", size: 5 });
    expect(await ok("./sub/notes.pdf")).toMatchObject({ name: "notes.pdf", size: 3 });
    expect(await ok(path.join(root2, "other.txt"), [root, root2])).toMatchObject({ name: "other.txt" });
  });

  it("follows symlinks that stay inside the roots, keeping the name the student gave", async () => {
    const f = await ok("alias.pdf");
    expect(f.name).toBe("alias.pdf");
    expect(f.realPath).toBe(path.join(root, "sub", "notes.pdf"));
  });

  it("refuses paths outside the roots, .., symlink escapes and system files", async () => {
    await no("/etc/passwd", /outside the upload folders/);
    await no(path.join(base, "outside.pdf"), /outside the upload folders/);
    await no("../outside.pdf", /"\.\." segments/);
    await no("sub/../../outside.pdf", /"\.\." segments/);
    await no("escape.pdf", /points outside/);
    await no("up/outside.pdf", /points outside/);
    await no(path.join(root2, "other.txt"), /outside the upload folders/);
  });

  it("refuses dotfiles, hidden folders and links to them", async () => {
    await no(".env", /hidden/);
    await no(".hidden/a.pdf", /hidden/);
    await no("env.txt", /hidden/);
  });

  it("refuses directories, FIFOs, missing, empty, oversized and extension-less files", async () => {
    await no("sub", /folder/);
    await no(root, /outside the upload folders/); // the root itself is not a file inside it
    await no("pipe.pdf", /not a regular file/);
    await no("missing.pdf", /no such file/);
    await no("empty.pdf", /empty \(0 bytes\)/);
    await no("big.pdf", /over the upload limit/);
    await no("noext", /no file extension/);
    await no("", /not a usable path/);
  });

  it("allows nothing when no root exists", async () => {
    await no("essay.DOCX", /no upload folder exists/, [path.join(base, "nope")]);
  });
});

describe("names", () => {
  it("derives the file type from the extension, lower-case without the dot", () => {
    expect(fileType("Essay.DOCX")).toBe("docx");
    expect(fileType("a.tar.gz")).toBe("gz");
    expect(fileType("noext")).toBe("");
  });
  it("refuses names with folders or a leading dot", () => {
    expect(() => checkFileName("a/b.pdf")).toThrow(/plain file name/);
    expect(() => checkFileName("..\\b.pdf")).toThrow(/plain file name/);
    expect(() => checkFileName(".bashrc")).toThrow(/hidden/);
    expect(checkFileName("ok.pdf")).toBe("ok.pdf");
  });
});
