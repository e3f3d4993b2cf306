/** Healing a document Halo rejected: each kind of rejection, aliases, fragments on unknown types, and when not to heal. */
import { buildSchema, parse, validate, type GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { parseRejection, pruneDocument } from "../../src/halo/prune.js";

const schema = buildSchema(`
  type Query { feed(first: Int): [Item] me: User }
  interface Item { id: ID }
  type Post implements Item { id: ID, title: String }
  type User { id: ID, name: String }
`);
const issuesFor = (query: string, withLocations = true) =>
  validate(schema, parse(query)).map((e: GraphQLError) => ({ message: e.message, ...(withLocations ? { locations: e.locations } : {}) }));

const DOC = `query F($n: Int, $unused: Int) {
  feed(first: $n, limit: 3) { id ... on Post { title } ... on Video { id } ... on Post { oldField } }
  me { key: id nick: name extra }
}`;

describe("parseRejection", () => {
  it("reads the four messages graphql-js gives for what a schema lacks", () => {
    expect(parseRejection('Cannot query field "extra" on type "User".')).toEqual({ what: "field", name: "extra", type: "User" });
    expect(parseRejection('Unknown argument "limit" on field "Query.feed".')).toEqual({ what: "argument", name: "limit", field: "feed" });
    expect(parseRejection('Unknown argument "limit" on field "feed".')).toEqual({ what: "argument", name: "limit", field: "feed" });
    expect(parseRejection('Unknown type "Video". Did you mean "Post"?')).toEqual({ what: "type", name: "Video" });
    expect(parseRejection('Variable "$unused" is never used in operation "F".')).toEqual({ what: "variable", name: "unused" });
    expect(parseRejection('Field "me" must have a selection of subfields.')).toBeUndefined();
    expect(parseRejection('Oh: Cannot query field "x" on type "T".')).toBeUndefined(); // anchored at the start
  });
});

describe("pruneDocument, every kind at once", () => {
  for (const located of [true, false]) {
    it(`removes the argument, the fragment on an unknown type, emptied fragments, aliased fields and the unused variable (${located ? "by location" : "by name"})`, () => {
      const issues = issuesFor(DOC, located);
      expect(issues.map((i) => i.message)).toEqual([
        'Unknown argument "limit" on field "Query.feed". Did you mean "first"?',
        'Unknown type "Video". Did you mean "ID" or "Item"?',
        'Cannot query field "oldField" on type "Post".',
        'Cannot query field "extra" on type "User".',
        'Variable "$unused" is never used in operation "F".',
      ]);
      const r = pruneDocument(DOC, issues);
      expect(r).toEqual({
        ok: true,
        query: expect.any(String),
        removed: ["feed(limit)", "feed(on Video)", "feed.oldField", "me.extra"],
        droppedVariables: ["unused"],
      });
      if (!r.ok) return;
      expect(validate(schema, parse(r.query))).toEqual([]);
      expect(r.query).toBe(`query F($n: Int) {\n  feed(first: $n) {\n    id\n    ... on Post {\n      title\n    }\n  }\n  me {\n    key: id\n    nick: name\n  }\n}`);
    });
  }

  it("a required aliased field is never removed; the path uses the alias", () => {
    const doc = "query M { me { who: name extra } }";
    const r = pruneDocument(doc, [{ message: 'Cannot query field "name" on type "User".' }], ["me.who"]);
    expect(r).toEqual({ ok: false, required: ["me.who"], unhealable: [] });
  });

  it("a directive's argument is not a field argument and stays", () => {
    const doc = "query D($s: Boolean!) { me { id name @skip(if: $s) } }";
    const r = pruneDocument(doc, [{ message: 'Unknown argument "if" on field "User.name".' }]);
    expect(r).toMatchObject({ ok: false, unhealable: ['Unknown argument "if" on field "User.name".'] });
  });

  it("only the named field's argument goes, not one of the same name elsewhere", () => {
    const doc = "query A($n: Int) { feed(first: $n) { id } other: feed(first: 2) { id } }";
    const r = pruneDocument(doc, [{ message: 'Unknown argument "first" on field "Query.feeds".' }]);
    expect(r.ok).toBe(false);
  });

  it("gives up when the root field itself is rejected, or when nothing named is in the document", () => {
    const root = 'Cannot query field "feed" on type "Query".';
    expect(pruneDocument("query R { feed { id } me { id } }", [{ message: root }])).toEqual({ ok: false, required: [], unhealable: [root] });
    const absent = 'Cannot query field "nothere" on type "User".';
    expect(pruneDocument("query R { me { id } }", [{ message: absent }])).toEqual({ ok: false, required: [], unhealable: [absent] });
  });

  it("an issue at a location that is not a field or argument changes nothing, and one it cannot read stops it", () => {
    expect(pruneDocument("query R { me { id } }", [{ message: 'Cannot query field "x" on type "User".', locations: [{ line: 9, column: 9 }] }]).ok).toBe(false);
    const r = pruneDocument("query R { me { id x } }", [{ message: 'Cannot query field "x" on type "User".' }, { message: "Syntax Error: unexpected" }]);
    expect(r).toEqual({ ok: false, required: [], unhealable: ["Syntax Error: unexpected"] });
  });

  it("a variable still used is kept unless Halo named it unused", () => {
    const doc = "query V($a: Int, $b: Int) { feed(first: $a) { id } }";
    const r = pruneDocument(doc, [{ message: 'Variable "$b" is never used in operation "V".' }]);
    expect(r).toEqual({ ok: true, query: "query V($a: Int) {\n  feed(first: $a) {\n    id\n  }\n}", removed: [], droppedVariables: ["b"] });
  });
});
