/**
 * Value parsers shared by the file, environment and flag layers, so `"8000"` from the environment and
 * `8000` from JSON go through the same zod rule and fail with the same one-line message.
 */
import { z } from "zod";
import { ConfigError } from "./errors.js";

export interface Parser<T> {
  expect: string;
  schema: z.ZodType<T>;
  /** Secrets are never echoed back in an error message. */
  secret?: boolean;
}

function show(raw: unknown, secret?: boolean): string {
  if (secret) return "a value that is not usable";
  const text = typeof raw === "string" ? JSON.stringify(raw) : JSON.stringify(raw) ?? String(raw);
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
}

export function parseValue<T>(parser: Parser<T>, raw: unknown, label: string): T {
  const out = parser.schema.safeParse(raw);
  if (out.success) return out.data;
  throw new ConfigError(`${label}: expected ${parser.expect}, got ${show(raw, parser.secret)}`, { key: label });
}

const trimmed = z.string().trim();

export const text: Parser<string> = { expect: "a non-empty string", schema: trimmed.min(1) };

export const secret: Parser<string> = {
  expect: "a non-empty token without spaces (paste it again)",
  secret: true,
  schema: z.string().trim().regex(/^\S+$/),
};

export const cookieHeader: Parser<string> = {
  expect: "the Cookie header of a logged-in Halo tab (name=value; name2=value2)",
  secret: true,
  schema: z
    .string()
    .trim()
    .transform((s) => s.replace(/^cookie:\s*/i, "").replace(/^["']|["']$/g, ""))
    .refine((s) => /[^=;\s]+=/.test(s)),
};

export const httpUrl: Parser<string> = {
  expect: "an http(s) URL",
  schema: z
    .string()
    .trim()
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === "https:" || u.protocol === "http:";
      } catch {
        return false;
      }
    }),
};

const boolWords: Record<string, boolean> = { true: true, false: false, "1": true, "0": false, yes: true, no: false, on: true, off: false };
export const bool: Parser<boolean> = {
  expect: "true or false (also 1/0, yes/no)",
  schema: z.union([z.boolean(), z.string().trim().toLowerCase().refine((s) => s in boolWords).transform((s) => boolWords[s] as boolean)]),
};

function intIn(min: number, max: number, expect: string): Parser<number> {
  return {
    expect,
    schema: z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(min).max(max)),
  };
}
export const port = intIn(1, 65535, "a port number 1-65535");
export const positiveInt = (max: number, what: string) => intIn(1, max, what);

export function oneOf<const T extends string>(values: readonly T[]): Parser<T> {
  return { expect: values.join(" or "), schema: z.string().trim().toLowerCase().pipe(z.enum(values)) as unknown as z.ZodType<T> };
}

export const timezone: Parser<string> = {
  expect: 'an IANA time zone such as "America/Phoenix"',
  schema: trimmed.refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return tz.length > 0;
    } catch {
      return false;
    }
  }),
};

/** A list: a JSON array in the file, a delimited string in env/flags. */
export function list(delimiter: string | RegExp, expect: string): Parser<string[]> {
  const item = z.string().trim();
  return {
    expect,
    schema: z
      .union([z.array(item), z.string().transform((s) => s.split(delimiter))])
      .transform((xs) => xs.map((x) => x.trim()).filter((x) => x.length > 0)),
  };
}
