import { uid } from "../util.js";
import { addDays, addHours, bare, dueAz, iso, parseBare } from "./dates.js";
import { SEED } from "./ids.js";
import { classmateIds } from "./seed-people.js";
import { addResource } from "./seed-resources.js";
import type { ClassSpec, ItemSpec } from "./seed-specs.js";
import type { AssessmentRec, GradeRec, GradeStatus, HistoryRec, UserQuizRec, World } from "./types.js";

const submittedStates: GradeStatus[] = ["SUBMITTED", "LATE", "PUBLISHED", "REASSIGNED"];

function autoStatus(spec: ClassSpec, a: AssessmentRec, now: Date, currentUnit: boolean): GradeStatus {
  if (spec.stage === "POST") return "PUBLISHED";
  if (spec.stage === "PRE_START") return "UPCOMING";
  if (parseBare(a.dueDate) < now) return "PUBLISHED";
  return currentUnit ? "ACTIVE" : "UPCOMING";
}

/** Creates the student's grade row plus whatever hangs off it (submission, quiz, own post, group). */
export function buildGrade(world: World, spec: ClassSpec, a: AssessmentRec, item: ItemSpec, currentUnit: boolean): void {
  const now = world.now;
  const sid = world.studentId;
  const status = item.status ?? autoStatus(spec, a, now, currentUnit);
  const due = parseBare(a.dueDate);
  const graded = status === "PUBLISHED" || item.finalPoints !== undefined;
  const finalPoints = item.finalPoints ?? (status === "PUBLISHED" ? Math.round(a.points * (0.84 + ((a.sequence * 7 + a.points) % 15) / 100)) : null);
  const gradedAt = graded ? new Date(Math.min(addDays(due, 2).getTime(), addHours(now, -3).getTime())) : null;
  const id = uid(`grade:${a.id}:${sid}`);
  const g: GradeRec = {
    id,
    userId: sid,
    courseClassId: a.courseClassId,
    assessmentId: a.id,
    status,
    dueDate: status === "REASSIGNED" ? dueAz(now, 5) : a.dueDate,
    accommodatedDueDate: item.accommodatedDays ? bare(addDays(due, item.accommodatedDays)) : null,
    gradedDate: gradedAt ? iso(gradedAt) : null,
    modifiedDate: iso(gradedAt ?? addDays(due, -5)),
    userLastSeenDate: status === "PUBLISHED" && due < addDays(now, -10) ? iso(addDays(due, 3)) : null,
    isEverReassigned: status === "REASSIGNED",
    finalPoints: graded ? finalPoints : null,
    submissionId: null,
    finalComment: null,
    rubricScores: [],
    userQuizAssessment: null,
    postId: null,
    groupId: null,
    participationSummary: null,
    history: [],
  };
  // Work handed in before its due date that is still in the future was handed in before "now", not after.
  const early = addDays(due, -1);
  const submittedAt = status === "LATE" ? addHours(due, 20) : early.getTime() < now.getTime() ? early : addHours(now, -5);
  if (a.type === "ASSIGNMENT" && submittedStates.includes(status)) {
    const subId = uid(`sub:${a.id}:${sid}`);
    const res = addResource(world, { id: uid(`res:sub:${a.id}`), name: `${a.title.replace(/\s+/g, "_")}_Rivera.docx`, courseClassId: null, createdBy: sid, context: "assignment_submission", text: `${a.title}\nJordan Rivera\n\nMy submission text.`, daysAgo: Math.max(1, Math.round((now.getTime() - submittedAt.getTime()) / 86_400_000)) });
    world.submissions.push({
      id: subId,
      userId: sid,
      courseClassId: a.courseClassId,
      assessmentId: a.id,
      status: status === "REASSIGNED" ? "IN_PROGRESS" : "SUBMITTED",
      dueDate: g.dueDate,
      accommodatedDueDate: g.accommodatedDueDate,
      submissionDate: status === "REASSIGNED" ? null : iso(submittedAt),
      resources: [{ id: uid(`subres:${subId}:1`), resourceId: res.id, isFinal: status !== "REASSIGNED", uploadDate: iso(submittedAt), wordCount: 1240, percentQuotedText: 4, similarityScore: a.requiresLopesWrite ? 12 : null, similarityReportStatusEnum: a.requiresLopesWrite ? "COMPLETED" : "NOT_SUBMITTED", uploadedById: sid }],
    });
    g.submissionId = subId;
  }
  if (a.rubric && graded) {
    const pick = [3, 2, 2];
    g.rubricScores = a.rubric.criteria.map((c, i) => ({ criteriaId: c.id, rubricCellId: c.achievementLevels[pick[i] ?? 2]?.cellId ?? "", comment: i === 0 ? "Strong comparison of the models." : null }));
  }
  if (a.type === "ASSIGNMENT" && status === "PUBLISHED") {
    const withFile = a.id === SEED.assessments.publishedWithRubric;
    if (withFile) addResource(world, { id: SEED.resources.feedbackPdf, name: "Annotated Feedback.pdf", courseClassId: a.courseClassId, createdBy: SEED.instructors.cloud, text: "Annotated feedback: see margin notes." });
    g.finalComment = {
      comment: `<p>Nice work, Jo! Your comparison of IaaS&nbsp;/ PaaS&nbsp;/ SaaS was clear.</p><ul><li>Cite the NIST definition directly.</li><li>Watch APA headings &amp; spacing.</li></ul><p>Score: ${finalPoints}/${a.points}</p>`,
      commentResourceIds: withFile ? [SEED.resources.feedbackPdf] : [],
    };
  }
  if (a.type === "QUIZ" && ["PUBLISHED", "SUBMITTED", "LATE"].includes(status)) {
    const qid = uid(`uquiz:${a.id}`);
    world.quizzes[qid] = quiz(qid, iso(submittedAt), status === "LATE" ? null : finalPoints, a.points);
    g.userQuizAssessment = { userQuizId: qid, duration: 60, accommodatedDuration: 90, startTime: iso(addHours(submittedAt, -1)), dueTime: iso(submittedAt), submissionDate: iso(submittedAt) };
  }
  if (a.type === "DISCUSSION_QUESTION" && ["PUBLISHED", "SUBMITTED", "IN_PROGRESS", "LATE"].includes(status) && a.forumId) {
    const postId = uid(`post:own:${a.id}`);
    const when = iso(status === "IN_PROGRESS" ? addHours(now, -20) : addDays(due, -3));
    world.posts.push({
      id: postId, forumId: a.forumId, title: null,
      content: `<p>In my experience, the biggest trade-off in ${a.title.toLowerCase()} is cost versus control. I&#8217;d argue that managed services win for small teams.</p>`,
      postStatus: "PUBLISHED", publishDate: when, startDate: when, modifiedDate: when, expiryDate: null, parentPostId: null, rootParentId: null, pinOrder: null,
      isAcknowledge: false, flagType: null, tags: [], acknowledgements: [], readBy: { [sid]: when }, createdByUserId: sid, resourceIds: [],
    });
    g.postId = postId;
  }
  if (a.type === "PARTICIPATION" && status !== "UPCOMING") {
    g.participationSummary = { allPostsCount: 5, endDate: a.dueDate, substantivePostsSummary: [-6, -4, -2].map((d, i) => ({ date: bare(addDays(due, d)), substantivePostsCount: i === 2 ? 1 : 2, totalPostsCount: 2 })) };
  }
  if (item.group) {
    const gid = uid(`group:${a.id}`);
    const members = [sid, classmateIds[5] ?? "", classmateIds[6] ?? ""];
    world.groups.push({ id: gid, courseClassId: a.courseClassId, assessmentId: a.id, name: "Team Rhetoric", groupStatus: "ACTIVE", status: "ACTIVE", members: members.map((u) => ({ id: uid(`gu:${gid}:${u}`), userId: u, status: "ACTIVE" })) });
    g.groupId = gid;
  }
  g.history = history(g, a, status, submittedAt);
  world.grades.push(g);
}

function history(g: GradeRec, a: AssessmentRec, status: GradeStatus, at: Date): HistoryRec[] {
  const base = { gradeId: g.id, dueDate: a.dueDate, assignmentSubmissionId: g.submissionId, userCourseClassAssessmentId: uid(`ucca:${a.id}:${g.userId}`), reassignAttachments: [] };
  if (status === "PUBLISHED") return [{ ...base, status: "PUBLISHED", points: null, comment: null }];
  if (status !== "REASSIGNED") return [];
  return [
    { ...base, status: "SUBMITTED", points: null, comment: null },
    { ...base, status: "REASSIGNED", points: 55, comment: "<p>Your deployment script is missing the VPC configuration. Please fix and resubmit.</p>", reassignAttachments: [{ modifiedDate: iso(addDays(at, 2)), resourceId: SEED.resources.schedulePdf }] },
  ];
}

function quiz(id: string, submitTime: string, score: number | null, points: number): UserQuizRec {
  const qs = [
    ["Which service model gives you the most control over the operating system?", ["IaaS", "PaaS", "SaaS", "FaaS"], 0],
    ["A function that scales to zero when idle is typical of…", ["Virtual machines", "Serverless", "Bare metal", "Mainframes"], 1],
    ["Which is <em>not</em> an essential NIST cloud characteristic?", ["On-demand self-service", "Resource pooling", "Fixed annual billing", "Rapid elasticity"], 2],
    ["Explain elasticity in one sentence.", [], -1],
  ] as const;
  const answered = qs.length;
  const correct = score === null ? 0 : Math.round((score / (points || 1)) * answered);
  return {
    id, submitTime, quizStatus: score === null ? "SUBMITTED" : "GRADED",
    userQuestions: qs.map(([content, opts, sel], i) => ({
      id: uid(`${id}:uq:${i}`), sortOrder: i + 1,
      question: { id: uid(`${id}:q:${i}`), questionType: opts.length ? "MULTIPLE_CHOICE" : "ESSAY", content: `<p>${content}</p>` },
      userQuestionOptions: opts.length
        ? opts.map((o, j) => ({ id: uid(`${id}:uqo:${i}:${j}`), isSelected: j === sel, response: null, option: { id: uid(`${id}:o:${i}:${j}`), content: `<p>${o}</p>` } }))
        : [{ id: uid(`${id}:uqo:${i}:essay`), isSelected: true, response: "<p>Capacity grows and shrinks automatically with demand.</p>", option: { id: uid(`${id}:o:${i}:essay`), content: "" } }],
    })),
    result: score === null ? null : { finalScore: score, questionsAnswered: answered, totalCorrect: correct, totalIncorrect: answered - correct },
  };
}
