/**
 * vitest lifecycles around the harness (kept apart from harness.ts so the bench, which runs outside vitest,
 * can start a harness too).
 */
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { startHarness, type Harness, type HarnessOptions } from "./harness.js";

/** Starts harnesses inside tests and closes every one after each test. */
export function harnessPerTest(): (opts?: HarnessOptions) => Promise<Harness> {
  let open: Harness[] = [];
  afterEach(async () => {
    await Promise.all(open.map((h) => h.close()));
    open = [];
  });
  return async (opts = {}) => {
    const h = await startHarness(opts);
    open.push(h);
    return h;
  };
}

/**
 * One harness for a whole test file (started once: the server, msw and sandbox are not cheap), with switches
 * and caches reset before each test. The returned object forwards to the running harness.
 */
export function sharedHarness(opts: HarnessOptions = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(opts);
  });
  afterAll(() => current?.close());
  beforeEach(() => {
    current?.sandbox.resetSwitches();
    current?.context.cache.invalidate();
  });
  return new Proxy({} as Harness, {
    get: (_target, key) => {
      if (!current) throw new Error("the shared harness is used outside a test");
      return current[key as keyof Harness];
    },
  });
}
