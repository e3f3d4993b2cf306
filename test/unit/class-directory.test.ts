import { describe, expect, it } from "vitest";
import { createClassDirectory, matchClass, type ClassSummary } from "../../src/queries/class-directory.js";
import { Cache } from "../../src/queries/cache.js";
import type { HaloApi } from "../../src/halo/types.js";
import { ToolError } from "../../src/queries/tool-error.js";

const mk = (over: Partial<ClassSummary>): ClassSummary => ({
  id: "00000000-0000-4000-8000-000000000000", slugId: "X-1", classCode: "X-1", courseCode: "X-1", name: "X", stage: "CURRENT", ...over,
});
const classes = [
  mk({ id: "11111111-1111-4111-8111-111111111111", slugId: "CST-323-O500-20261102", classCode: "CST-323-O500", courseCode: "CST-323", name: "Cloud Computing" }),
  mk({ id: "22222222-2222-4222-8222-222222222222", slugId: "ENG-106-M101-20261102", classCode: "ENG-106-M101", courseCode: "ENG-106", name: "English Composition II" }),
  mk({ id: "33333333-3333-4333-8333-333333333333", slugId: "CST-323-O100-20250901", classCode: "CST-323-O100", courseCode: "CST-323", name: "Cloud Computing", stage: "POST" }),
  mk({ id: "44444444-4444-4444-8444-444444444444", slugId: "PSY-102-O200-20261102", classCode: "PSY-102-O200", courseCode: "PSY-102", name: "General Psychology" }),
  mk({ id: "55555555-5555-4555-8555-555555555555", slugId: "PSY-255-O200-20261102", classCode: "PSY-255-O200", courseCode: "PSY-255", name: "Psychology of Learning" }),
];

describe("matchClass", () => {
  it("matches a UUID, slug, class code and course code", () => {
    expect(matchClass(classes, "22222222-2222-4222-8222-222222222222").courseCode).toBe("ENG-106");
    expect(matchClass(classes, "eng-106-m101-20261102").courseCode).toBe("ENG-106");
    expect(matchClass(classes, "ENG-106-M101").courseCode).toBe("ENG-106");
    expect(matchClass(classes, "eng 106").courseCode).toBe("ENG-106");
  });

  it("prefers the current offering when a course was taken twice", () => {
    expect(matchClass(classes, "CST-323").stage).toBe("CURRENT");
    expect(matchClass(classes, "CST-323-O100").stage).toBe("POST");
  });

  it("matches a name fragment", () => {
    expect(matchClass(classes, "composition").courseCode).toBe("ENG-106");
  });

  it("lists candidates when the reference is ambiguous", () => {
    expect(() => matchClass(classes, "psychology")).toThrowError(/several classes.*PSY-102.*PSY-255/);
  });

  it("lists the student's classes when nothing matches", () => {
    try {
      matchClass(classes, "biology");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ToolError);
      expect((e as Error).message).toMatch(/No class of yours matches "biology".*CST-323 Cloud Computing \(current/);
    }
  });
});

describe("class list loading", () => {
  it("a malformed class-list reply is an error and is not cached: the next call asks Halo again", async () => {
    const replies: unknown[] = [
      { getCourseClassesForUser: null },
      { getCourseClassesForUser: { courseClasses: [{ ...classes[0], name: null }] } },
      { getCourseClassesForUser: { courseClasses: classes } },
    ];
    let calls = 0;
    const halo = { query: async () => replies[calls++] } as unknown as HaloApi;
    const dir = createClassDirectory(halo, new Cache(() => 0));
    await expect(dir.resolve("CST-323")).rejects.toThrow("Halo's class list came back malformed (it holds no class list); try again in a minute.");
    await expect(dir.resolve("CST-323")).rejects.toThrow("Halo's class list came back malformed (1 of 1 classes lack their id, codes or name); try again in a minute.");
    expect((await dir.resolve("CST-323")).slugId).toBe("CST-323-O500-20261102");
    expect(await dir.resolve("ENG-106")).toMatchObject({ courseCode: "ENG-106" });
    expect(calls).toBe(3); // the good list is cached
  });
});
