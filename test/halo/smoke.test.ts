import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHalo } from "../../src/halo/index.js";
import { startFake } from "./fake-halo.js";
import { instant, testConfig } from "./helpers.js";

const env = startFake();
beforeAll(() => undefined);
afterAll(() => env.close());

describe("createHalo smoke", () => {
  it("cookie bootstrap → query", async () => {
    const { fake } = env;
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }), fetchHooks: instant });
    const data = await halo.api.query<{ ok: boolean }>({ operationName: "Q", query: "query Q { x }" });
    expect(data).toEqual({ ok: true, op: "Q" });
    expect((await halo.api.session()).userId).toBe(fake.userId);
  });
});
