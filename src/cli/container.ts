/**
 * What differs when the CLI runs inside the Docker image: the config folder must be writable by the
 * container's user (else rotated logins are lost), and paths and commands are shown as the host sees them.
 */
import { constants, existsSync } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import type { CliIo } from "./io.js";

/** A start-up refusal whose message is already the paragraph the student needs: printed as is, not logged. */
export class StartupProblem extends Error {}

/**
 * Our Docker image (its Dockerfile and docker-compose.yml set HALO_HOST_CONFIG): paths and commands are shown
 * as the host sees them. Not mere container detection: a developer's own container is a host of its own.
 */
export function inImage(env: CliIo["env"]): boolean {
  return Boolean(env.HALO_HOST_CONFIG?.trim());
}

export function inContainer(env: CliIo["env"]): boolean {
  return existsSync("/.dockerenv") || existsSync("/run/.containerenv") || Boolean(env.container);
}

/** The errno code that keeps this process from writing the config file (folder or file), or undefined. */
export async function configWriteProblem(configPath: string, create = true): Promise<string | undefined> {
  const dir = path.dirname(configPath);
  const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? "EACCES";
  try {
    if (create) await mkdir(dir, { recursive: true, mode: 0o700 });
    await access(dir, constants.W_OK);
  } catch (e) {
    return code(e);
  }
  try {
    await access(configPath, constants.W_OK);
  } catch (e) {
    if (code(e) !== "ENOENT") return code(e);
  }
  return undefined;
}

/** One paragraph a student can act on from the host, naming the owner fix and the HALO_UID/HALO_GID setting. */
export function unwritableConfigHelp(configPath: string, problem: string): string {
  const ids = typeof process.getuid === "function" ? ` (it runs as uid ${process.getuid()}, gid ${process.getgid?.()})` : "";
  return [
    `halo-lms-mcp cannot write ${path.dirname(configPath)}${ids}: ${problem}. It keeps your login there, and Halo rotates it, so nothing could be saved.`,
    "Fix, on the host, in the folder with docker-compose.yml:  sudo chown -R \"$(id -u):$(id -g)\" ./config",
    "and if your user is not 1000:1000, add HALO_UID=<your id -u> and HALO_GID=<your id -g> to a .env file there; then start it again.",
  ].join("\n");
}

/** The config file as the host sees it (compose mounts ./config at /config). */
export function hostConfigPath(env: CliIo["env"], configPath: string): string {
  const shown = env.HALO_HOST_CONFIG?.trim();
  return shown || configPath;
}
