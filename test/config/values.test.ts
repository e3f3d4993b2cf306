/** Value parsers and the flag parser, value by value (found by mutation testing). */
import { describe, expect, it } from "vitest";
import { parseFlags } from "../../src/config/args.js";
import { ConfigError } from "../../src/config/errors.js";
import { detectIndent, parseConfigText } from "../../src/config/file.js";
import * as v from "../../src/config/values.js";

const fails = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("did not fail");
};

describe("value parsers", () => {
  it("echoes a short bad value, cuts a long one, never echoes a secret", () => {
    expect(fails(() => v.parseValue(v.port, "x", "MCP_PORT"))).toBe('MCP_PORT: expected a port number 1-65535, got "x"');
    expect(fails(() => v.parseValue(v.port, 70000, "mcpPort"))).toBe("mcpPort: expected a port number 1-65535, got 70000");
    const long = fails(() => v.parseValue(v.httpUrl, "y".repeat(100), "baseUrl"));
    expect(long).toBe(`baseUrl: expected an http(s) URL, got "${"y".repeat(56)}...`);
    expect(fails(() => v.parseValue(v.httpUrl, "y".repeat(58), "baseUrl"))).toBe(`baseUrl: expected an http(s) URL, got "${"y".repeat(58)}"`);
    expect(fails(() => v.parseValue(v.secret, "has space", "authToken"))).toBe(
      "authToken: expected a non-empty token without spaces (paste it again), got a value that is not usable",
    );
    expect(fails(() => v.parseValue(v.text, undefined, "k"))).toBe("k: expected a non-empty string, got undefined");
  });

  it("parses the error key into the ConfigError", () => {
    try {
      v.parseValue(v.port, "0", "MCP_PORT");
    } catch (e) {
      expect((e as ConfigError).key).toBe("MCP_PORT");
    }
  });

  it("ports and positive ints: strings of digits or numbers inside the range", () => {
    expect(v.parseValue(v.port, " 8080 ", "p")).toBe(8080);
    expect(v.parseValue(v.port, 1, "p")).toBe(1);
    expect(v.parseValue(v.port, 65535, "p")).toBe(65535);
    for (const bad of [0, 65536, "-1", "1.5", 1.5, "8e3", ""]) expect(() => v.parseValue(v.port, bad, "p")).toThrow(ConfigError);
    const n = v.positiveInt(10, "1-10");
    expect(v.parseValue(n, "10", "n")).toBe(10);
    expect(() => v.parseValue(n, "11", "n")).toThrow(/expected 1-10/);
  });

  it("booleans: words in any case, real booleans", () => {
    const yes = ["true", "1", "YES", " on "].map((s) => v.parseValue(v.bool, s, "b"));
    const no = ["false", "0", "No", "OFF"].map((s) => v.parseValue(v.bool, s, "b"));
    expect(yes).toEqual([true, true, true, true]);
    expect(no).toEqual([false, false, false, false]);
    expect(v.parseValue(v.bool, false, "b")).toBe(false);
    expect(() => v.parseValue(v.bool, "maybe", "b")).toThrow(/true or false/);
  });

  it("text trims; cookie headers lose a Cookie: prefix and quotes and need name=value", () => {
    expect(v.parseValue(v.text, "  x ", "t")).toBe("x");
    expect(() => v.parseValue(v.text, "   ", "t")).toThrow(ConfigError);
    expect(v.parseValue(v.cookieHeader, ` Cookie: "a=1; b=2" `, "cookie")).toBe("a=1; b=2");
    expect(v.parseValue(v.cookieHeader, "'a=1'", "cookie")).toBe("a=1");
    expect(v.parseValue(v.cookieHeader, "Cookie:a=1", "cookie")).toBe("a=1");
    expect(v.parseValue(v.cookieHeader, 'x=1; y=cookie:z; q="v"', "cookie")).toBe('x=1; y=cookie:z; q="v');
    for (const bad of ["novalue", "=1", "; ;"]) expect(() => v.parseValue(v.cookieHeader, bad, "cookie")).toThrow(/Cookie header/);
  });

  it("URLs: http and https only", () => {
    expect(v.parseValue(v.httpUrl, " http://127.0.0.1:9/ ", "u")).toBe("http://127.0.0.1:9/");
    expect(v.parseValue(v.httpUrl, "https://halo.gcu.edu", "u")).toBe("https://halo.gcu.edu");
    for (const bad of ["ftp://x", "halo.gcu.edu", "file:///etc/passwd"]) expect(() => v.parseValue(v.httpUrl, bad, "u")).toThrow(/http\(s\) URL/);
  });

  it("oneOf lowercases; time zones must exist; lists split, trim and drop blanks", () => {
    expect(v.parseValue(v.oneOf(["stdio", "http"] as const), " HTTP ", "t")).toBe("http");
    expect(() => v.parseValue(v.oneOf(["stdio", "http"] as const), "tcp", "t")).toThrow("t: expected stdio or http");
    expect(v.parseValue(v.timezone, "America/Phoenix", "tz")).toBe("America/Phoenix");
    expect(() => v.parseValue(v.timezone, "Mars/Base", "tz")).toThrow(/IANA time zone/);
    expect(() => v.parseValue(v.timezone, "", "tz")).toThrow(/IANA time zone/);
    const l = v.list(",", "a list");
    expect(v.parseValue(l, " a, ,b ,", "l")).toEqual(["a", "b"]);
    expect(v.parseValue(l, [" a ", "", "c"], "l")).toEqual(["a", "c"]);
    expect(v.parseValue(v.list(/[;:]/, "x"), "a;b:c", "l")).toEqual(["a", "b", "c"]);
  });
});

describe("parseFlags", () => {
  it("takes values inline or from the next argument, and stops at --", () => {
    expect(parseFlags(["--port", "9", "--host=0.0.0.0", "serve", "--log-level", "debug", "--", "--port", "1"])).toEqual({
      flags: { port: "9", host: "0.0.0.0", logLevel: "debug" },
      rest: ["serve", "--", "--port", "1"],
    });
  });

  it("a valued flag without a value is kept empty for the validator; read-only forms", () => {
    expect(parseFlags(["--port", "--read-only"]).flags).toEqual({ port: "", readOnly: "true" });
    expect(parseFlags(["--config"]).flags).toEqual({ config: "" });
    expect(parseFlags(["--read-only=no"]).flags).toEqual({ readOnly: "no" });
    expect(parseFlags(["--no-read-only"]).flags).toEqual({ readOnly: "false" });
    expect(parseFlags(["--transport=http", "--x=1", "=y"])).toEqual({ flags: { transport: "http" }, rest: ["--x=1", "=y"] });
  });
});

describe("config file text", () => {
  it("parses an empty or BOM-prefixed file; names the line of a JSON error; wants an object", () => {
    expect(parseConfigText("\uFEFF{\"a\": 1}", "/c.json")).toEqual({ a: 1 });
    expect(parseConfigText("  \n", "/c.json")).toEqual({});
    expect(parseConfigText('{"a": "x\uFEFFy"}', "/c.json")).toEqual({ a: "x\uFEFFy" }); // only a leading BOM goes
    expect(() => parseConfigText('{\n"a": 1,\n"b" 2}', "/c.json")).toThrow("/c.json: not valid JSON (near line 3); fix the file or move it away");
    // V8 gives no position for an unexpected token, and its message quotes the file: neither line nor text shown.
    expect(() => parseConfigText('{\n"a": "secret-value",\n"b": }', "/c.json")).toThrow(/^\/c\.json: not valid JSON; fix the file or move it away$/);
    expect(() => parseConfigText("[1]", "/c.json")).toThrow("/c.json: expected a JSON object at the top level");
    expect(() => parseConfigText("null", "/c.json")).toThrow(/top level/);
    expect(() => parseConfigText('"x"', "/c.json")).toThrow(/top level/);
  });

  it("detects tabs, spaces, and defaults to two", () => {
    expect(detectIndent('{\n\t"a": 1\n}')).toBe("\t");
    expect(detectIndent('{\n    "a": 1\n}')).toBe(4);
    expect(detectIndent('{"a": 1}')).toBe(2);
    expect(detectIndent('{"a": "x"}')).toBe(2); // a space inside a line is not indentation
    expect(detectIndent('{\n\t  "a": 1\n}')).toBe("\t");
  });

  it("ConfigError keeps one line and its key/source", () => {
    const e = new ConfigError("a\n   b\n", { key: "k", source: "s", cause: new Error("c") });
    expect(e.message).toBe("a b ");
    expect(e).toMatchObject({ name: "ConfigError", key: "k", source: "s" });
    expect((e.cause as Error).message).toBe("c");
    expect("cause" in new ConfigError("x")).toBe(false);
  });
});
