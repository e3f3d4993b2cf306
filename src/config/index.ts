export type { AppConfig } from "./types.js";
export { ConfigError, isConfigError } from "./errors.js";
export { resolveConfig, resolveConfigPath, knownFileKeys, deepFreeze, type ResolveInput } from "./resolve.js";
export { createConfigStore, type ConfigStore, type ConfigPatch, type StoreWriter } from "./store.js";
export { writeFileAtomic, nodeWriterFs, type WriterFs } from "./atomic.js";
export { parseFlags, type ConfigFlags, type ParsedArgs } from "./args.js";
export { parseConfigText, type ConfigObject } from "./file.js";
