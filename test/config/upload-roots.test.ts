/** The upload folder: a dedicated default, chosen at init, and a doctor warning for folders that hold everything. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { fileChecks } from "../../src/cli/doctor.js";
import { runInit } from "../../src/cli/init.js";
import type { CliIo } from "../../src/cli/io.js";
import { resolveConfig } from "../../src/config/resolve.js";
import { tooBroad } from "../../src/config/upload-roots.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function home(): string {
  const d = mkdtempSync(path.join(tmpdir(), "halo-home-"));
  dirs.push(d);
  return d;
}

/** A terminal that types the next answer whenever init asks for the upload folder. */
function initIo(env: Record<string, string>, answers?: string[]) {
  const stdin = Object.assign(new PassThrough(), { isTTY: answers !== undefined });
  if (!answers) stdin.end();
  const err: string[] = [];
  const io: CliIo = {
    env, cwd: "/", out: () => {}, stdin, interactive: answers !== undefined,
    err: (t) => {
      err.push(t);
      if (answers && /Which folder/.test(t)) stdin.write(`${answers.shift() ?? ""}\n`);
    },
  };
  return { io, err };
}

async function init(h: string, answers?: string[], existing?: Record<string, unknown>) {
  const configPath = path.join(h, ".config", "halo", "config.json");
  if (existing) {
    mkdirSync(path.dirname(configPath), { recursive: true });
    writeFileSync(configPath, JSON.stringify(existing), { mode: 0o600 });
  }
  const { config } = resolveConfig({ env: { HOME: h, HALO_CONFIG: configPath }, argv: [], cwd: "/" });
  const { io, err } = initIo({ HOME: h }, answers);
  const code = await runInit(config, { stdin: false, validate: false, cookie: "session=abc" }, io);
  return { code, err: err.join("\n"), file: JSON.parse(readFileSync(configPath, "utf8")) as Record<string, unknown> };
}

describe("upload folder", () => {
  it("defaults to ~/HaloUploads, never the working directory", () => {
    const h = home();
    const { config } = resolveConfig({ env: { HOME: h }, argv: [], cwd: "/" });
    expect(config.uploadRoots[0]).toBe(path.join(h, "HaloUploads"));
    expect(config.uploadRoots).not.toContain("/");
  });

  it("init without a terminal creates ~/HaloUploads private (0700) and saves it", async () => {
    const h = home();
    const r = await init(h);
    expect(r.code, r.err).toBe(0);
    expect(r.file.uploadRoots).toEqual([path.join(h, "HaloUploads")]);
    expect(statSync(path.join(h, "HaloUploads")).mode & 0o777).toBe(0o700);
    expect(r.err).toContain(`only from ${path.join(h, "HaloUploads")}`);
  });

  it("init on a terminal asks, refuses / and the home folder, and takes a dedicated folder", async () => {
    const h = home();
    const r = await init(h, ["/", "~", "..", "~/School/hand-in"]);
    expect(r.code, r.err).toBe(0);
    expect(r.err.match(/too broad/g)).toHaveLength(3);
    expect(r.err).toMatch(/\/ is too broad \(it is the whole filesystem\)/);
    expect(r.err).toMatch(/is too broad \(it is your whole home folder\)/);
    expect(r.err).toMatch(/is too broad \(it contains your whole home folder\)/);
    expect(r.file.uploadRoots).toEqual([path.join(h, "School", "hand-in")]);
    expect(statSync(path.join(h, "School", "hand-in")).mode & 0o777).toBe(0o700);
  });

  it("init keeps upload folders the config file already names", async () => {
    const h = home();
    const r = await init(h, ["/should-not-be-asked"], { uploadRoots: ["/srv/class"] });
    expect(r.code, r.err).toBe(0);
    expect(r.file.uploadRoots).toEqual(["/srv/class"]);
    expect(r.err).not.toMatch(/Which folder/);
  });

  it("doctor warns about / or the home folder as an upload folder, not about a dedicated one", async () => {
    const h = home();
    const checks = async (roots: string[]) => {
      const { config } = resolveConfig({ env: { HOME: h, HALO_UPLOAD_ROOTS: roots.join(path.delimiter) }, argv: [], cwd: "/" });
      return (await fileChecks(config, h)).filter((c) => /too broad/.test(c.what));
    };
    expect((await checks(["/", h, path.join(h, "HaloUploads")])).map((c) => [c.level, c.what.split(":")[0]])).toEqual([
      ["warn", "upload folder / is too broad"],
      ["warn", `upload folder ${h} is too broad`],
    ]);
    expect(await checks([path.join(h, "HaloUploads")])).toEqual([]);
    expect([tooBroad("/home", "/home/ann"), tooBroad("/home/ann/HaloUploads", "/home/ann"), tooBroad("/home/annex", "/home/ann")]).toEqual(["it contains your whole home folder", undefined, undefined]);
  });
});
