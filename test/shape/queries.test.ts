/**
 * Every document the read layer sends must validate against the simulated gateway's schema in all its
 * variants: unknown fields, unused variables or wrong argument types would fail the whole request in Halo.
 * Core documents must also pass the minimal witnessed schema (only paths a live public caller sent); the
 * companions are exactly the parts allowed to fail there.
 */
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildSdl, type SchemaVariant } from "../../src/sandbox/schema.graphql.js";
import { unwitnessedFields, WITNESS_VARIANTS } from "../../src/sandbox/witness.js";
import * as gb from "../../src/queries/gradebook.js";
import * as cd from "../../src/queries/class-detail.js";
import * as as from "../../src/queries/assessment.js";
import * as fo from "../../src/queries/forums.js";
import * as ib from "../../src/queries/inbox.js";
import * as po from "../../src/queries/posts.js";
import * as dq from "../../src/assistant/dq-queries.js";
import { CLASS_INSTRUCTORS_QUERY, CLASSES_QUERY } from "../../src/queries/class-directory.js";
import * as wr from "../../src/writes/queries.js";

const core: Record<string, string> = {
  classes: CLASSES_QUERY,
  grades: gb.CLASS_GRADES_QUERY,
  classDetail: cd.CLASS_DETAIL_QUERY,
  assessment: as.ASSESSMENT_QUERY,
  submission: as.SUBMISSION_QUERY,
  grade: as.GRADE_QUERY,
  quizResult: as.QUIZ_RESULT_QUERY,
  user: as.USER_QUERY,
  dqForums: fo.DQ_FORUMS_QUERY,
  dqList: dq.DQ_FORUM_LIST_QUERY,
  dqAuthors: dq.DQ_POST_AUTHORS_QUERY,
  forumNotifications: fo.FORUM_NOTIFICATIONS_QUERY,
  inboxPanel: ib.INBOX_PANEL_QUERY,
  inboxPosts: ib.INBOX_POSTS_QUERY,
  inboxNotifications: ib.INBOX_NOTIFICATIONS_QUERY,
  alerts: ib.USER_ALERTS_QUERY,
  alertCount: ib.ALERT_COUNT_QUERY,
  posts0: po.forumPostsQuery(0),
  posts4: po.forumPostsQuery(po.REPLY_LEVELS),
  attach: wr.ATTACH_MUTATION,
  gradeSeen: wr.GRADE_SEEN_MUTATION,
  markRead: wr.MARK_READ_MUTATION,
};
const companions: Record<string, string> = {
  // Instructors on the class list: witnessed on class detail only, so fetched apart and soft (list_classes notes a gap).
  classInstructors: CLASS_INSTRUCTORS_QUERY,
  gradeDetails: gb.GRADE_DETAILS_QUERY,
  gradeGroups: gb.GRADE_GROUPS_QUERY,
  assessmentExtras: as.ASSESSMENT_EXTRAS_QUERY,
  submissionExtras: as.SUBMISSION_EXTRAS_QUERY,
  userExtras: as.USER_EXTRAS_QUERY,
  inboxPanelExtras: ib.INBOX_PANEL_EXTRAS_QUERY,
  inboxPostExtras: ib.INBOX_POST_EXTRAS_QUERY,
  postExtras0: po.forumPostExtrasQuery(0),
  postExtras4: po.forumPostExtrasQuery(po.REPLY_LEVELS),
};
const announcementDocs = [fo.ANNOUNCEMENTS_QUERY, fo.ANNOUNCEMENT_EXTRAS_QUERY];

const variants: SchemaVariant[] = [
  { notificationsShape: "list", countsAsStrings: false, announcements: "object" },
  { notificationsShape: "object", countsAsStrings: true, announcements: "list" },
  { notificationsShape: "list", countsAsStrings: true, announcements: "missing" },
  { notificationsShape: "list", countsAsStrings: false, announcements: "object", witness: [...WITNESS_VARIANTS] },
];
const errorsOf = (schema: ReturnType<typeof buildSchema>, doc: string) => validate(schema, parse(doc)).map((e) => e.message);

describe("read-layer GraphQL documents", () => {
  for (const v of variants) {
    const schema = buildSchema(buildSdl(v));
    it(`validate against the ${v.notificationsShape}/${v.announcements}${v.witness ? "/witness" : ""} schema`, () => {
      const docs = v.witness ? core : { ...core, ...companions };
      for (const [name, doc] of Object.entries(docs)) expect({ name, errors: errorsOf(schema, doc) }).toEqual({ name, errors: [] });
      for (const doc of announcementDocs) {
        if (v.announcements === "missing") expect(errorsOf(schema, doc).join(" ")).toMatch(/Cannot query field "announcements"/);
        else expect(errorsOf(schema, doc)).toEqual([]);
      }
    });
  }

  it("core documents ask only for witnessed paths; the guesses sit in companions the minimal schema rejects", () => {
    const schema = buildSchema(buildSdl(variants[0]!));
    for (const [name, doc] of Object.entries(core)) expect({ name, errors: unwitnessedFields(schema, parse(doc)).map((e) => e.message) }).toEqual({ name, errors: [] });
    expect(unwitnessedFields(schema, parse(fo.ANNOUNCEMENTS_QUERY))).toEqual([]);
    const rejected = unwitnessedFields(schema, parse(gb.GRADE_GROUPS_QUERY)).map((e) => e.message);
    expect(rejected).toContain('Cannot query field "participationSummary" on type "UserCourseClassAssessmentGrade".');
    expect(unwitnessedFields(schema, parse(fo.ANNOUNCEMENT_EXTRAS_QUERY)).map((e) => e.message).join(" ")).toMatch(/"pinOrder" on type "Post"/);
  });

  it("nothing sends the contradicted or unused fields the audit named", () => {
    const all = [...Object.values(core), ...Object.values(companions), ...announcementDocs].join("\n");
    for (const f of ["modifiedDate userLastSeenDate", "countUnreadPosts", "rootParentId", "hasChildren", "isFinal", "minPoints", "totalPostsCount", "participationPolicy { numDays numPosts }"]) expect(all).not.toContain(f);
    expect(all).not.toMatch(/accommodatedDueDate(?! @skip)[^\n]*\}[^\n]*assessment|assessment \{[^}]*accommodatedDueDate/);
    for (const t of ["ANNOUNCEMENTS", "CQ", "DQ", "IDQ"]) expect(fo.FORUM_NOTIFICATIONS_QUERY).toMatch(new RegExp(`${t} \\{ classes`));
    expect(ib.INBOX_NOTIFICATIONS_QUERY).not.toMatch(/ANNOUNCEMENTS|GROUP|\bDQ\b/);
  });

  it("documents are named in PascalCase like Halo's", () => {
    for (const doc of [...Object.values(core), ...Object.values(companions), ...announcementDocs]) expect(doc).toMatch(/^(query|mutation) [A-Z][A-Za-z]+[ ({]/);
  });
});
