import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildSdl } from "../../src/sandbox/schema.graphql.js";
import { ATTACH_MUTATION, GRADE_SEEN_MUTATION, MARK_READ_MUTATION } from "../../src/writes/queries.js";

describe("write documents", () => {
  const schema = buildSchema(buildSdl({ notificationsShape: "list", countsAsStrings: false, announcements: "object" }));
  for (const [name, doc] of Object.entries({ ATTACH_MUTATION, GRADE_SEEN_MUTATION, MARK_READ_MUTATION })) {
    it(`${name} validates against the reference schema and uses every variable`, () => {
      expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
    });
  }
});
