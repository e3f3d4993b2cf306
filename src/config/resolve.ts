/**
 * Config resolution: defaults < config file < environment < CLI flags. Pure apart from reading the file
 * (one existsSync for the optional /uploads mount, and the OS home folder when the environment names none);
 * only the entry point passes process.env in.
 */
import { existsSync, statSync } from "node:fs";
import { delimiter, dirname, isAbsolute, resolve } from "node:path";
import { registerSecret } from "../redact.js";
import { parseFlags, type ConfigFlags } from "./args.js";
import { ConfigError } from "./errors.js";
import { readConfigFileSync, type ConfigObject } from "./file.js";
import type { AppConfig } from "./types.js";
import { REPLY_MAX_BYTES_DEFAULT, TOOL_DEADLINE_MS_DEFAULT } from "./limits.js";
import { defaultUploadRoot, homeOf } from "./upload-roots.js";
import * as v from "./values.js";

export interface ResolveInput {
  env: Readonly<Record<string, string | undefined>>;
  /** User arguments only (process.argv.slice(2)). */
  argv: readonly string[];
  cwd: string;
}

interface Field<T> {
  file: string;
  env?: string;
  flag?: keyof ConfigFlags;
  parser: v.Parser<T>;
  /** Relative paths resolve against the config file's folder (file) or cwd (env/flags). */
  path?: "one" | "list";
}

const MB = 1024 * 1024;
// File key = camelCase of the environment name without HALO_ (the seed's authToken/contextToken/transactionId fit).
const fields = {
  authToken: { file: "authToken", env: "HALO_AUTH_TOKEN", parser: v.secret },
  contextToken: { file: "contextToken", env: "HALO_CONTEXT_TOKEN", parser: v.secret },
  transactionId: { file: "transactionId", env: "HALO_TRANSACTION_ID", parser: v.text },
  cookie: { file: "cookie", env: "HALO_COOKIE", parser: v.cookieHeader },
  baseUrl: { file: "baseUrl", env: "HALO_BASE_URL", parser: v.httpUrl },
  gatewayUrl: { file: "gatewayUrl", env: "HALO_GATEWAY_URL", parser: v.httpUrl },
  orchestrationUrl: { file: "orchestrationUrl", env: "HALO_ORCHESTRATION_URL", parser: v.httpUrl },
  requestTimeoutMs: { file: "requestTimeoutMs", env: "HALO_REQUEST_TIMEOUT_MS", parser: v.positiveInt(600_000, "milliseconds 1-600000") },
  maxConcurrency: { file: "maxConcurrency", env: "HALO_MAX_CONCURRENCY", parser: v.positiveInt(32, "a number 1-32") },
  replyMaxBytes: { file: "replyMaxBytes", env: "HALO_REPLY_MAX_BYTES", parser: v.positiveInt(1024 * MB, "a byte count up to 1 GB") },
  timezone: { file: "timezone", env: "HALO_TIMEZONE", parser: v.timezone },
  readOnly: { file: "readOnly", env: "HALO_READ_ONLY", flag: "readOnly", parser: v.bool },
  uploadRoots: { file: "uploadRoots", env: "HALO_UPLOAD_ROOTS", parser: v.list(delimiter, `folders separated by "${delimiter}"`), path: "list" },
  uploadMaxBytes: { file: "uploadMaxBytes", env: "HALO_UPLOAD_MAX_BYTES", parser: v.positiveInt(4096 * MB, "a byte count") },
  downloadsDir: { file: "downloadsDir", env: "HALO_DOWNLOADS_DIR", parser: v.text, path: "one" },
  downloadMaxBytes: { file: "downloadMaxBytes", env: "HALO_DOWNLOAD_MAX_BYTES", parser: v.positiveInt(4096 * MB, "a byte count") },
  inlineTextMaxBytes: { file: "inlineTextMaxBytes", env: "HALO_INLINE_TEXT_MAX_BYTES", parser: v.positiveInt(64 * MB, "a byte count") },
  toolDeadlineMs: { file: "toolDeadlineMs", env: "HALO_TOOL_DEADLINE_MS", parser: v.positiveInt(600_000, "milliseconds 1-600000") },
  transport: { file: "mcpTransport", env: "MCP_TRANSPORT", flag: "transport", parser: v.oneOf(["stdio", "http"] as const) },
  host: { file: "mcpHost", env: "MCP_HOST", flag: "host", parser: v.text },
  port: { file: "mcpPort", env: "MCP_PORT", flag: "port", parser: v.port },
  mcpAuthToken: { file: "mcpAuthToken", env: "MCP_AUTH_TOKEN", parser: v.secret },
  allowedOrigins: { file: "mcpAllowedOrigins", env: "MCP_ALLOWED_ORIGINS", parser: v.list(",", "a comma-separated list of origins") },
  allowedHosts: { file: "mcpAllowedHosts", env: "MCP_ALLOWED_HOSTS", parser: v.list(",", "a comma-separated list of host names") },
  publicUrl: { file: "mcpPublicUrl", env: "MCP_PUBLIC_URL", parser: v.httpUrl },
  logLevel: { file: "logLevel", env: "LOG_LEVEL", flag: "logLevel", parser: v.oneOf(["debug", "info", "warn", "error"] as const) },
  // A path or a command name on PATH; `login` resolves it (a bare name must not become a path under cwd).
  browser: { file: "browser", env: "HALO_BROWSER", flag: "browser", parser: v.text },
} satisfies Record<string, Field<unknown>>;

type Fields = typeof fields;
type Values = { [K in keyof Fields]?: Fields[K] extends Field<infer T> ? T : never };

/** Keys the file may hold besides the settings: written by us, or harmless. */
const extraFileKeys = new Set(["session", "$schema", "comment", "_comment"]);
export const knownFileKeys: ReadonlySet<string> = new Set([...Object.values(fields).map((f) => f.file), ...extraFileKeys]);

function layer(into: Values, pick: (f: Field<unknown>) => { raw: unknown; label: string; base: string } | undefined): void {
  for (const [name, f] of Object.entries(fields) as [keyof Fields, Field<unknown>][]) {
    const got = pick(f);
    if (!got) continue;
    let value = v.parseValue(f.parser, got.raw, got.label);
    if (f.path === "one") value = resolve(got.base, value as string);
    if (f.path === "list") value = (value as string[]).map((p) => resolve(got.base, p));
    (into as Record<string, unknown>)[name] = value;
  }
}

export function resolveConfigPath(input: ResolveInput): string {
  const { flags } = parseFlags(input.argv);
  const p = flags.config || input.env.HALO_CONFIG || "config.json";
  return isAbsolute(p) ? p : resolve(input.cwd, p);
}

export function resolveConfig(input: ResolveInput): { config: AppConfig; warnings: string[] } {
  const warnings: string[] = [];
  const { flags } = parseFlags(input.argv);
  if (flags.config === "") throw new ConfigError("--config: expected a file path, got nothing", { key: "--config" });
  const configPath = resolveConfigPath(input);
  const configDir = dirname(configPath);
  const explicit = Boolean(flags.config || input.env.HALO_CONFIG);

  const file: ConfigObject | undefined = readConfigFileSync(configPath);
  if (!file && explicit) warnings.push(`config file ${configPath} does not exist yet; using environment and defaults`);
  const values: Values = {};
  if (file) {
    layer(values, (f) => (file[f.file] === undefined || file[f.file] === null ? undefined : { raw: file[f.file], label: `${f.file} (in ${configPath})`, base: configDir }));
    const unknown = Object.keys(file).filter((k) => !knownFileKeys.has(k));
    if (unknown.length) warnings.push(`config file has keys this version does not use (kept as they are): ${unknown.join(", ")}`);
    warnings.push(...permissionWarning(configPath, file));
  }
  layer(values, (f) => {
    const raw = f.env ? input.env[f.env] : undefined;
    return raw === undefined || raw.trim() === "" ? undefined : { raw, label: f.env as string, base: input.cwd };
  });
  layer(values, (f) => {
    const raw = f.flag ? flags[f.flag] : undefined;
    return raw === undefined ? undefined : { raw, label: `--${f.flag === "readOnly" ? "read-only" : f.flag === "logLevel" ? "log-level" : f.flag}`, base: input.cwd };
  });

  const uploadRoots = values.uploadRoots ?? [defaultUploadRoot(homeOf(input.env)), ...(existsSync("/uploads") ? ["/uploads"] : [])];
  const config: AppConfig = {
    configPath,
    halo: {
      baseUrl: (values.baseUrl ?? "https://halo.gcu.edu").replace(/\/+$/, ""),
      gatewayUrl: values.gatewayUrl ?? "https://gateway.halo.gcu.edu/",
      orchestrationUrl: (values.orchestrationUrl ?? "https://orchestration.halo.gcu.edu").replace(/\/+$/, ""),
      discoverOrchestration: values.orchestrationUrl === undefined,
      authToken: values.authToken,
      contextToken: values.contextToken,
      transactionId: values.transactionId,
      cookie: values.cookie,
      requestTimeoutMs: values.requestTimeoutMs ?? 30_000,
      maxConcurrency: values.maxConcurrency ?? 6,
      replyMaxBytes: values.replyMaxBytes ?? REPLY_MAX_BYTES_DEFAULT,
    },
    timezone: values.timezone ?? "America/Phoenix",
    readOnly: values.readOnly ?? false,
    uploadRoots,
    uploadMaxBytes: values.uploadMaxBytes ?? 512 * MB,
    downloadsDir: values.downloadsDir ?? resolve(configDir, "downloads"),
    downloadMaxBytes: values.downloadMaxBytes ?? 50 * MB,
    inlineTextMaxBytes: values.inlineTextMaxBytes ?? 256 * 1024,
    toolDeadlineMs: values.toolDeadlineMs ?? TOOL_DEADLINE_MS_DEFAULT,
    transport: values.transport ?? "stdio",
    http: {
      host: values.host ?? "127.0.0.1",
      port: values.port ?? 8000,
      authToken: values.mcpAuthToken,
      allowedOrigins: values.allowedOrigins ?? [],
      allowedHosts: values.allowedHosts ?? [],
      publicUrl: values.publicUrl,
    },
    logLevel: values.logLevel ?? "info",
    browser: values.browser,
  };
  if (Boolean(config.halo.authToken) !== Boolean(config.halo.contextToken)) {
    warnings.push("only one of authToken/contextToken is set; both are needed to use raw tokens");
  }
  registerConfigSecrets(config, file);
  return { config: deepFreeze(config), warnings };
}

function permissionWarning(path: string, file: ConfigObject): string[] {
  if (process.platform === "win32") return [];
  const hasSecret = ["authToken", "contextToken", "cookie", "session", "mcpAuthToken"].some((k) => file[k] !== undefined && file[k] !== null && file[k] !== "");
  try {
    const mode = statSync(path).mode & 0o777;
    if (hasSecret && mode & 0o077) return [`${path} holds tokens but is readable by other users (mode ${mode.toString(8)}); run: chmod 600 "${path}"`];
  } catch {
    /* vanished between read and stat: nothing to warn about */
  }
  return [];
}

/** Every credential is registered for redaction the moment it is known. */
export function registerConfigSecrets(config: AppConfig, file?: ConfigObject): void {
  registerSecret(config.halo.authToken);
  registerSecret(config.halo.contextToken);
  registerSecret(config.http.authToken);
  registerCookieSecrets(config.halo.cookie);
  const session = file?.session;
  if (session && typeof session === "object") {
    for (const value of Object.values(session as Record<string, unknown>)) {
      if (typeof value === "string") registerSecret(value);
      else if (value && typeof value === "object") for (const c of Object.values(value)) if (typeof c === "string") registerSecret(c);
    }
  }
}

export function registerCookieSecrets(header: string | undefined): void {
  if (!header) return;
  registerSecret(header);
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) registerSecret(part.slice(eq + 1).trim());
  }
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
