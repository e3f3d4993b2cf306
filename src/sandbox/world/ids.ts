/**
 * Well-known seeded ids, so tests and tools' tests need no magic strings. Ids are stable across runs;
 * slugIds embed the class start date, which moves with SandboxOptions.now, so they live on `sandbox.ids`.
 */
import { uid } from "../util.js";

export const classKeys = ["cloud", "english", "psych", "success", "database"] as const;
export type ClassKey = (typeof classKeys)[number];

export const SEED = {
  tenantId: uid("tenant"),
  student: {
    userId: uid("user:student"),
    username: "jrivera42",
    email: "jrivera42@my.gcu.edu",
    firstName: "Jordan",
    preferredFirstName: "Jo",
    lastName: "Rivera",
  },
  instructors: { cloud: uid("user:inst:cloud"), english: uid("user:inst:english"), psych: uid("user:inst:psych"), success: uid("user:inst:success"), database: uid("user:inst:database") },
  classes: {
    /** CURRENT, online, the richest class. */
    cloud: { id: uid("class:cloud"), classCode: "CST-323-O500", courseCode: "CST-323", name: "Cloud Computing" },
    /** CURRENT, on ground, has group work. */
    english: { id: uid("class:english"), classCode: "ENG-106-M300A", courseCode: "ENG-106", name: "English Composition II" },
    /** PRE_START. */
    psych: { id: uid("class:psych"), classCode: "PSY-102-O501", courseCode: "PSY-102", name: "General Psychology" },
    /** POST (finished, final grade published). */
    success: { id: uid("class:success"), classCode: "UNV-103-O502", courseCode: "UNV-103", name: "University Success" },
    /** Exists, but the student is NOT enrolled: every class-scoped call answers "Permission Evaluator exception". */
    database: { id: uid("class:database"), classCode: "CST-345-O500", courseCode: "CST-345", name: "Database Design" },
  },
  assessments: {
    /** ACTIVE assignment due in 3 days, no submission yet: the upload/submit target. */
    upload: uid("asmt:cloud:4:proposal"),
    /** ACTIVE group assignment (ENG-106) requiring courseClassAssessmentGroupId on presign. */
    groupProject: uid("asmt:english:3:group"),
    /** DQ due at 06:59 UTC on the UTC day after `now` (Arizona and UTC dates differ). */
    dueAtUtcEdge: uid("asmt:cloud:4:dq1"),
    /** OVERDUE, never submitted (missing). */
    missing: uid("asmt:cloud:3:serverless"),
    /** PUBLISHED assignment with rubric scores, comment and a comment resource. */
    publishedWithRubric: uid("asmt:cloud:1:models"),
    /** SUBMITTED, graded but unpublished: finalPoints set, must not be shown. */
    unpublishedGraded: uid("asmt:cloud:3:dq1"),
    /** REASSIGNED with history. */
    reassigned: uid("asmt:cloud:2:iaas"),
    /** PUBLISHED quiz with userQuiz + userQuizResult. */
    quizPublished: uid("asmt:cloud:1:quiz"),
    /** SUBMITTED assignment (already turned in; a second submit must fail). */
    submitted: uid("asmt:cloud:4:reflection"),
    /** In the denied class. */
    denied: uid("asmt:database:1:er"),
  },
  forums: {
    /** 200+ posts, for benchmarks. */
    bigDq: uid("forum:asmt:cloud:2:dq1"),
    /** Hand-written HTML posts (entities, lists, zero-width char, a prompt-injection-looking sentence). */
    htmlDq: uid("forum:asmt:cloud:1:dq1"),
    cloudAnnouncements: uid("forum:ann:cloud"),
    cloudInbox: uid("forum:inbox:cloud:instructor"),
    englishInbox: uid("forum:inbox:english:instructor"),
    deniedAnnouncements: uid("forum:ann:database"),
  },
  posts: {
    /** Announcement that must be acknowledged (not yet). */
    mustAcknowledge: uid("post:ann:cloud:integrity"),
    /** Scheduled announcement (startDate in the future). */
    scheduled: uid("post:ann:cloud:scheduled"),
  },
  resources: {
    syllabus: uid("res:cloud:syllabus"),
    schedulePdf: uid("res:cloud:schedule"),
    styleGuideDocx: uid("res:cloud:styleguide"),
    instructorOnly: uid("res:cloud:answerkey"),
    proposalTemplate: uid("res:cloud:template"),
    feedbackPdf: uid("res:cloud:feedback"),
    slidesPptx: uid("res:cloud:slides"),
    trackerXlsx: uid("res:cloud:tracker"),
  },
  userQuizId: uid(`uquiz:${uid("asmt:cloud:1:quiz")}`),
} as const;

export type SeedIds = typeof SEED & { classes: Record<ClassKey, { id: string; classCode: string; courseCode: string; name: string; slugId: string }> };
