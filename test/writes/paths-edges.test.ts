/** Upload path policy edges: exact refusal texts, whitespace, roots reached through a symlink, unreadable paths. */
import { mkdirSync, mkdtempSync, promises as fsp, renameSync, symlinkSync, writeFileSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { checkUploadPath, describeRoots } from "../../src/writes/paths.js";

const base = mkdtempSync(path.join(tmpdir(), "paths-edges-"));
const root = path.join(base, "root");
mkdirSync(root);
writeFileSync(path.join(root, "essay.pdf"), "hello");
symlinkSync(root, path.join(base, "via-link"));

const refusal = (input: string, why: string) => `Refusing to upload "${input}": ${why}. Nothing was uploaded.`;

describe("checkUploadPath refusals", () => {
  it("names the configured folders when none exists", async () => {
    const missing = [path.join(base, "nope"), path.join(base, "gone")];
    await expect(checkUploadPath("essay.pdf", missing, 100)).rejects.toThrow(
      refusal("essay.pdf", `no upload folder exists (configured: ${missing.join(", ")}); create it (or run \`halo-lms-mcp init\`) and put the files to upload there`),
    );
    await expect(checkUploadPath("essay.pdf", [], 100)).rejects.toThrow(/\(configured: \(none configured\)\)/);
    expect(describeRoots([])).toBe("(none configured)");
    expect(describeRoots(["/a", "/b"])).toBe("/a, /b");
  });

  it("names the upload folders a path lies outside of", async () => {
    await expect(checkUploadPath("/etc/hostname", [root, path.join(base, "nope")], 100)).rejects.toThrow(
      refusal("/etc/hostname", `it is outside the upload folders (${root}); copy the file into one of them first`),
    );
  });

  it("calls a blank or NUL-holding path unusable", async () => {
    await expect(checkUploadPath("   ", [root], 100)).rejects.toThrow(refusal("(unnamed)", "not a usable path"));
    await expect(checkUploadPath("essay.pdf\0.txt", [root], 100)).rejects.toThrow(/not a usable path/);
  });

  it("says why a path cannot be read", async () => {
    await expect(checkUploadPath("missing.pdf", [root], 100)).rejects.toThrow(refusal("missing.pdf", "no such file"));
    await expect(checkUploadPath("essay.pdf/inner.pdf", [root], 100)).rejects.toThrow(refusal("essay.pdf/inner.pdf", "it cannot be read (ENOTDIR)"));
  });
});

describe("roots reached through a symlink", () => {
  it("accepts paths given under the link or under its target", async () => {
    const link = path.join(base, "via-link");
    for (const input of [path.join(link, "essay.pdf"), path.join(root, "essay.pdf"), "essay.pdf"]) {
      const f = await checkUploadPath(input, [link], 100);
      expect(f).toMatchObject({ name: "essay.pdf", realPath: path.join(root, "essay.pdf"), size: 5 });
      await f.handle.close();
    }
  });

  it("refuses a path under a root's own hidden subfolder even when given through the link", async () => {
    mkdirSync(path.join(root, ".private"), { recursive: true });
    writeFileSync(path.join(root, ".private", "k.pdf"), "k");
    await expect(checkUploadPath(path.join(base, "via-link", ".private", "k.pdf"), [path.join(base, "via-link")], 100)).rejects.toThrow(/"\.private" is hidden/);
  });
});

describe("a file that changes between the checks and the open", () => {
  const target = path.join(root, "swap.pdf");
  const realOpen = fsp.open.bind(fsp);
  const realRealpath = fsp.realpath.bind(fsp);

  it("refuses when another file took its place, and closes what it opened", async () => {
    const replaced = () => {
      writeFileSync(`${target}.new`, "hello");
      renameSync(`${target}.new`, target);
    };
    for (const swap of [replaced, () => writeFileSync(target, "hello, longer now")]) {
      writeFileSync(target, "hello");
      let opened: FileHandle | undefined;
      vi.spyOn(fsp, "open").mockImplementation(async (...a: Parameters<typeof fsp.open>) => {
        swap();
        return (opened = await realOpen(...a));
      });
      await expect(checkUploadPath("swap.pdf", [root], 100)).rejects.toThrow(refusal("swap.pdf", "it changed while being checked; try again"));
      await expect(opened!.stat()).rejects.toThrow(/closed|EBADF/);
      vi.restoreAllMocks();
    }
  });

  it("names the reason when the open or the lookup is refused", async () => {
    writeFileSync(target, "hello");
    const fail = (code?: string) => Object.assign(new Error("nope"), code ? { code } : {});
    vi.spyOn(fsp, "open").mockRejectedValueOnce(fail("EACCES")).mockRejectedValueOnce(fail());
    await expect(checkUploadPath("swap.pdf", [root], 100)).rejects.toThrow(refusal("swap.pdf", "it cannot be opened (EACCES)"));
    await expect(checkUploadPath("swap.pdf", [root], 100)).rejects.toThrow(refusal("swap.pdf", "it cannot be opened (error)"));
    vi.restoreAllMocks();
    const codes = ["EACCES", undefined];
    vi.spyOn(fsp, "realpath").mockImplementation(async (p: Parameters<typeof fsp.realpath>[0]) => {
      if (String(p).endsWith("swap.pdf")) throw fail(codes.shift());
      return realRealpath(p);
    });
    await expect(checkUploadPath("swap.pdf", [root], 100)).rejects.toThrow(refusal("swap.pdf", "permission denied"));
    await expect(checkUploadPath("swap.pdf", [root], 100)).rejects.toThrow(refusal("swap.pdf", "it cannot be read (error)"));
  });
});
