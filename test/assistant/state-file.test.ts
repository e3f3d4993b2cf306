import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { healingStateFile, readStateText, writeStateText } from "../../src/assistant/state-file.js";

let dir: string;
const fresh = () => (dir = mkdtempSync(path.join(tmpdir(), "halo-state-")));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("state files beside the config", () => {
  it("a missing file reads as no state; other read failures are errors", async () => {
    fresh();
    expect(await readStateText(dir, "watermark.json")).toBeUndefined();
    mkdirSync(path.join(dir, "a-folder"));
    await expect(readStateText(dir, "a-folder")).rejects.toMatchObject({ code: "EISDIR" });
  });
  it("writes create the folder owner-only and the file 0600, leaving no temp files", async () => {
    const state = path.join(fresh(), "deep", "state");
    await writeStateText(state, "watermark.json", '{"v":1}');
    expect(readFileSync(path.join(state, "watermark.json"), "utf8")).toBe('{"v":1}');
    expect(await readStateText(state, "watermark.json")).toBe('{"v":1}');
    expect(statSync(state).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(state, "watermark.json")).mode & 0o777).toBe(0o600);
    await writeStateText(state, "watermark.json", '{"v":2}');
    expect(readdirSync(state)).toEqual(["watermark.json"]);
    expect(await readStateText(state, "watermark.json")).toBe('{"v":2}');
  });
  it("healed documents persist as versioned JSON and load back", async () => {
    fresh();
    const store = healingStateFile(dir);
    expect(await store.load()).toBeUndefined();
    const docs = { GetAllClassGrades: { removed: ["a.b"] } } as never;
    await store.save(docs);
    expect(readFileSync(path.join(dir, "halo-documents.json"), "utf8")).toBe(JSON.stringify({ version: 1, documents: docs }, null, 1) + "\n");
    expect(await store.load()).toEqual({ version: 1, documents: docs });
    const named = healingStateFile(dir, "other.json");
    await named.save(docs);
    expect(readdirSync(dir).sort()).toEqual(["halo-documents.json", "other.json"]);
  });
});
