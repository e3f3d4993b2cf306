import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Read once from package.json so --version, serverInfo and the User-Agent never disagree. The file sits
// one level up from src/ (tests, tsx) or two from dist/src/ and dist/bin/ (the builds).
function findVersion(): `${number}.${number}.${number}` {
  for (const rel of ["../package.json", "../../package.json"]) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "halo-lms-mcp" && pkg.version) return pkg.version as `${number}.${number}.${number}`;
    }
  }
  return "0.0.0";
}
export const VERSION = findVersion();
