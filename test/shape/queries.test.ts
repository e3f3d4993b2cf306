/**
 * Every document the read layer sends must validate against the simulated gateway's schema in all its
 * variants: unknown fields, unused variables or wrong argument types would fail the whole request in Halo.
 */
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildSdl, type SchemaVariant } from "../../src/sandbox/schema.graphql.js";
import * as gb from "../../src/queries/gradebook.js";
import * as cd from "../../src/queries/class-detail.js";
import * as as from "../../src/queries/assessment.js";
import * as fo from "../../src/queries/forums.js";
import * as ib from "../../src/queries/inbox.js";
import * as po from "../../src/queries/posts.js";

const docs: Record<string, string> = {
  grades: gb.CLASS_GRADES_QUERY,
  classDetail: cd.CLASS_DETAIL_QUERY,
  assessment: as.ASSESSMENT_QUERY,
  submission: as.SUBMISSION_QUERY,
  grade: as.GRADE_QUERY,
  quizResult: as.QUIZ_RESULT_QUERY,
  user: as.USER_QUERY,
  dqForums: fo.DQ_FORUMS_QUERY,
  forumNotifications: fo.FORUM_NOTIFICATIONS_QUERY,
  inboxPanel: ib.INBOX_PANEL_QUERY,
  inboxPosts: ib.INBOX_POSTS_QUERY,
  inboxNotifications: ib.INBOX_NOTIFICATIONS_QUERY,
  alerts: ib.USER_ALERTS_QUERY,
  alertCount: ib.ALERT_COUNT_QUERY,
  posts0: po.forumPostsQuery(0),
  posts4: po.forumPostsQuery(po.REPLY_LEVELS),
};

const variants: SchemaVariant[] = [
  { notificationsShape: "list", countsAsStrings: false, announcements: "object" },
  { notificationsShape: "object", countsAsStrings: true, announcements: "list" },
  { notificationsShape: "list", countsAsStrings: true, announcements: "missing" },
];

describe("read-layer GraphQL documents", () => {
  for (const v of variants) {
    const schema = buildSchema(buildSdl(v));
    it(`validate against the ${v.notificationsShape}/${v.announcements} schema`, () => {
      for (const [name, doc] of Object.entries(docs)) {
        expect({ name, errors: validate(schema, parse(doc)).map((e) => e.message) }).toEqual({ name, errors: [] });
      }
      const ann = validate(schema, parse(fo.ANNOUNCEMENTS_QUERY)).map((e) => e.message);
      if (v.announcements === "missing") expect(ann.join(" ")).toMatch(/Cannot query field/);
      else expect(ann).toEqual([]);
    });
  }

  it("documents are named in PascalCase like Halo's", () => {
    for (const doc of [...Object.values(docs), fo.ANNOUNCEMENTS_QUERY]) expect(doc).toMatch(/^query [A-Z][A-Za-z]+[ ({]/);
  });
});
