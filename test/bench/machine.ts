/** The machine a run happened on, so figures from different runs are compared knowingly. */
import { cpus, loadavg, release, totalmem, type } from "node:os";
import { readFileSync } from "node:fs";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started and ended: a busy machine inflates every timing. */
  loadStart: number;
  loadEnd?: number;
}

/** Cores this process may use (a container's CPU quota counts, not just the host's CPUs). */
function usableCores(): number {
  try {
    const [quota, period] = readFileSync("/sys/fs/cgroup/cpu.max", "utf8").trim().split(/\s+/);
    if (quota && quota !== "max" && period) return Math.max(1, Math.round(Number(quota) / Number(period)));
  } catch {
    /* no cgroup v2 quota */
  }
  return cpus().length;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: (list[0]?.model ?? "unknown").replace(/\s+/g, " ").trim(),
    cores: Math.min(list.length, usableCores()),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()}`,
    loadStart: Math.round(loadavg()[0]! * 100) / 100,
  };
}

export const loadNow = (): number => Math.round(loadavg()[0]! * 100) / 100;
