import { buildSchema, parse, validate, type GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { pruneDocument } from "../../src/halo/prune.js";
import { nullSubtree, optionalPrefixOf } from "../../src/halo/partial.js";
import { classify } from "../../src/halo/classify.js";

// What Halo serves: the document below asks for three things it lacks (modifiedDate, count, an argument).
const halo = buildSchema(`
  type Query { getAllClassGrades(courseClassSlugId: String!): [Row] notes(classId: String!): Notes }
  type Row { grades: [Grade] }
  type Grade { id: ID, status: String, dueDate: String, assessment: Assessment, summary: Summary }
  type Assessment { id: ID, title: String, accommodatedDueDate: String }
  type Summary { total: Int }
  type Notes { classes: [Int] }
`);
const DOC = `query G($slug: String!, $isStudent: Boolean!, $classId: String!, $page: Int) {
  getAllClassGrades(courseClassSlugId: $slug) {
    grades {
      id status dueDate modifiedDate
      assessment { id title accommodatedDueDate @skip(if: $isStudent) }
      summary { allPosts }
    }
  }
  notes(classId: $classId, pgSize: $page) { count classes }
}`;

/** Validation errors exactly as graphql-js (and so Apollo) reports them, all in one reply. */
const issuesFor = (query: string, withLocations = true) =>
  validate(halo, parse(query)).map((e: GraphQLError) => ({ message: e.message, ...(withLocations ? { locations: e.locations } : {}) }));

describe("pruneDocument", () => {
  it("removes every rejected field and argument, empty parents and unused variables; the result validates", () => {
    const issues = issuesFor(DOC);
    expect(issues.map((i) => i.message)).toEqual([
      'Cannot query field "modifiedDate" on type "Grade".',
      'Cannot query field "allPosts" on type "Summary".',
      'Unknown argument "pgSize" on field "Query.notes".',
      'Cannot query field "count" on type "Notes".',
    ]);
    const r = pruneDocument(DOC, issues, ["getAllClassGrades.grades.id", "getAllClassGrades.grades.dueDate"]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.removed).toEqual([
      "getAllClassGrades.grades.modifiedDate",
      "getAllClassGrades.grades.summary.allPosts",
      "getAllClassGrades.grades.summary",
      "notes(pgSize)",
      "notes.count",
    ]);
    expect(r.droppedVariables).toEqual(["page"]);
    expect(validate(halo, parse(r.query))).toEqual([]);
    expect(r.query).toContain("accommodatedDueDate @skip(if: $isStudent)");
    expect(r.query).toMatch(/^query G\(\$slug: String!, \$isStudent: Boolean!, \$classId: String!\) \{/);
  });

  it("matches by name when Halo sends no locations", () => {
    const r = pruneDocument(DOC, issuesFor(DOC, false), []);
    expect(r.ok && validate(halo, parse(r.query))).toEqual([]);
  });

  it("never removes a required field or an ancestor of one", () => {
    const doc = "query G($slug: String!) { getAllClassGrades(courseClassSlugId: $slug) { grades { id summary { allPosts } } } }";
    const r = pruneDocument(doc, issuesFor(doc), ["getAllClassGrades.grades.summary.allPosts"]);
    expect(r).toEqual({ ok: false, required: ["getAllClassGrades.grades.summary.allPosts", "getAllClassGrades.grades.summary"], unhealable: [] });
    const parent = pruneDocument(doc, issuesFor(doc), ["getAllClassGrades.grades.summary"]);
    expect(parent).toEqual({ ok: false, required: ["getAllClassGrades.grades.summary"], unhealable: [] });
  });

  it("gives up on what it cannot fix, and on a document with nothing left", () => {
    const doc = "query G($slug: String!) { getAllClassGrades(courseClassSlugId: $slug) { grades { id assessment } } }";
    expect(pruneDocument(doc, issuesFor(doc), [])).toMatchObject({ ok: false, unhealable: [expect.stringMatching(/must have a selection of subfields/)] });
    const gone = "query A { announcements { id } }";
    expect(pruneDocument(gone, [{ message: 'Cannot query field "announcements" on type "Query".' }], [])).toMatchObject({ ok: false, required: [] });
  });
});

describe("partial data helpers", () => {
  const optional = ["getAllClassGrades.grades.assessment"];
  it("finds the optional prefix of a field error, never for a root error", () => {
    expect(optionalPrefixOf({ path: ["getAllClassGrades", 0, "grades", 3, "assessment", "accommodatedDueDate"] }, optional)).toBe(optional[0]);
    expect(optionalPrefixOf({ path: ["getAllClassGrades", 0, "grades", 3, "status"] }, optional)).toBeUndefined();
    expect(optionalPrefixOf({ path: ["getAllClassGrades"] }, ["getAllClassGrades"])).toBeUndefined();
  });

  it("nulls just that row's subtree, and refuses when the null climbed above it", () => {
    const data = { getAllClassGrades: [{ grades: [{ id: "a", assessment: { id: "x", accommodatedDueDate: null } }, { id: "b", assessment: { id: "y" } }] }] };
    expect(nullSubtree(data, ["getAllClassGrades", 0, "grades", 0, "assessment", "accommodatedDueDate"], optional[0]!)).toBe(true);
    expect(data.getAllClassGrades[0]!.grades).toEqual([{ id: "a", assessment: null }, { id: "b", assessment: { id: "y" } }]);
    const climbed = { getAllClassGrades: [{ grades: [null] }] };
    expect(nullSubtree(climbed, ["getAllClassGrades", 0, "grades", 0, "assessment", "id"], optional[0]!)).toBe(false);
  });
});

describe("classifier: only the root speaks for the session and for access", () => {
  const reply = (data: unknown, ...errors: unknown[]) => ({ statusCode: 200, headers: {}, body: JSON.stringify({ data, errors }) });
  const deep = ["getAllClassGrades", 0, "grades", 2, "assessment", "accommodatedDueDate"];
  it("a field-level 401 or Permission Evaluator error is a data problem", () => {
    expect(classify(reply({ getAllClassGrades: [] }, { message: "401: Unauthorized", path: deep }), "Op")?.kind).toBe("upstream");
    expect(classify(reply({ getAllClassGrades: [] }, { message: "Permission Evaluator exception on Class : 1", path: deep }), "Op")?.kind).toBe("upstream");
  });
  it("a root auth error counts only when that root gave no data", () => {
    expect(classify(reply({ getAllClassGrades: null }, { message: "401: Unauthorized", path: ["getAllClassGrades"] }), "Op")?.kind).toBe("auth");
    expect(classify(reply(null, { message: "jwt expired" }), "Op")?.kind).toBe("auth");
    expect(classify(reply({ getAllClassGrades: [] }, { message: "401: Unauthorized", path: ["getAllClassGrades"] }), "Op")?.kind).toBe("upstream");
    expect(classify(reply({ a: null }, { message: "Permission Evaluator exception on Class : 1", path: ["a"] }), "Op")?.kind).toBe("access");
  });
  it("tolerated errors beside data are success; the rest still decide", () => {
    const tolerate = (e: { path?: unknown }) => Array.isArray(e.path) && e.path.includes("assessment");
    expect(classify(reply({ g: [] }, { message: "boom", path: deep }), "Op", 0, { tolerate })).toBeNull();
    expect(classify(reply({ g: [] }, { message: "boom", path: deep }, { message: "bad", path: ["g", 0, "status"] }), "Op", 0, { tolerate })?.kind).toBe("upstream");
    expect(classify(reply(null, { message: "boom", path: deep }), "Op", 0, { tolerate })?.kind).toBe("upstream");
  });
  it("keeps every validation issue with its location for healing", () => {
    const e = classify({ statusCode: 400, headers: {}, body: JSON.stringify({ errors: [
      { message: 'Cannot query field "a" on type "T".', locations: [{ line: 2, column: 3 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
      { message: 'Cannot query field "b" on type "T".', locations: [{ line: 3, column: 3 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
    ] }) }, "Op");
    expect(e?.kind).toBe("validation");
    expect(e?.issues).toEqual([
      { message: 'Cannot query field "a" on type "T".', locations: [{ line: 2, column: 3 }] },
      { message: 'Cannot query field "b" on type "T".', locations: [{ line: 3, column: 3 }] },
    ]);
  });
});
