/** How init reads a login: the accepted text shapes, and the hidden raw-mode prompt. */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { parseCli } from "../../src/cli/main.js";
import { parseSecretText, readHidden } from "../../src/cli/secrets.js";

describe("parseSecretText", () => {
  it("reads a Cookie header with or without the prefix, across pasted line breaks", () => {
    expect(parseSecretText("Cookie: a=1; b=2\n")).toEqual({ cookie: "a=1; b=2" });
    expect(parseSecretText("a=1;\n b=2")).toEqual({ cookie: "a=1; b=2" });
  });
  it("reads a devtools 'Copy as cURL' line", () => {
    expect(parseSecretText(`curl 'https://halo.gcu.edu/' -H 'accept: text/html' -H 'cookie: x=1; y=2' --compressed`)).toEqual({ cookie: "x=1; y=2" });
    expect(parseSecretText(`curl 'https://halo.gcu.edu/' -b 'x=1; y=2'`)).toEqual({ cookie: "x=1; y=2" });
  });
  it("reads the token pair and JSON", () => {
    expect(parseSecretText("tokA tokB")).toEqual({ authToken: "tokA", contextToken: "tokB" });
    expect(parseSecretText('{"authToken":"a","contextToken":"b"}')).toEqual({ authToken: "a", contextToken: "b", cookie: undefined });
    expect(parseSecretText('{"cookie":"a=1"}')).toMatchObject({ cookie: "a=1" });
  });
  it("gives up on anything else", () => {
    for (const t of ["", "   ", "justone", "a b c", '{"authToken":"a"}', "{not json"]) expect(parseSecretText(t)).toBeUndefined();
  });
});

describe("readHidden", () => {
  function fakeIo() {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[], setRawMode(m: boolean) { this.modes.push(m); } });
    const err: string[] = [];
    const io: CliIo = { env: {}, cwd: "/", out: () => {}, err: (t) => err.push(t), stdin, interactive: true };
    return { io, stdin, err };
  }
  it("collects a long line without echoing it, handling backspace, and restores the terminal", async () => {
    const { io, stdin, err } = fakeIo();
    const long = "k=" + "v".repeat(6000);
    const p = readHidden(io, "Paste:");
    stdin.write(long.slice(0, 3000));
    stdin.write(long.slice(3000) + "X\u007f\r");
    expect(await p).toBe(long);
    expect(stdin.modes).toEqual([true, false]);
    expect(err.join("\n")).not.toContain("vvvv");
    expect(err.join("\n")).toContain(`${long.length} characters`);
  });
  it("Ctrl-C cancels", async () => {
    const { io, stdin } = fakeIo();
    const p = readHidden(io, "Paste:");
    stdin.write("abc\u0003");
    await expect(p).rejects.toThrow(/cancelled/);
  });
});

describe("parseCli", () => {
  it("understands commands and their flags, and rejects strays", () => {
    expect(parseCli([]).command).toBe("serve");
    expect(parseCli(["--sandbox"]).sandbox).toBe(true);
    expect(parseCli(["init", "--stdin", "--no-validate"]).init).toEqual({ stdin: true, validate: false });
    expect(parseCli(["init", "--cookie", "a=1"]).init.cookie).toBe("a=1");
    expect(parseCli(["init", "--auth-token=x", "--context-token", "y"]).init).toMatchObject({ authToken: "x", contextToken: "y" });
    expect(parseCli(["doctor", "--help"]).command).toBe("help");
    expect(parseCli(["-v"]).command).toBe("version");
    expect(parseCli(["init", "--cookie"]).error).toMatch(/expected a value/);
    expect(parseCli(["frobnicate"]).error).toMatch(/unknown command/);
    expect(parseCli(["doctor", "--stdin"]).error).toMatch(/unknown option/);
  });
});
