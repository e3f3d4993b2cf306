import { iso } from "../world/dates.js";
import { assessmentFor, badInput, classById, classBySlug, isEnrolled, page, permission, userView, type Ctx } from "./context.js";
import { assessmentView, classView, gradeView, submissionView } from "./views.js";

type A = Record<string, unknown>;

export const classResolvers = {
  getCourseClassesForUser(args: { pgNum?: number | null; pgSize?: number | null }, c: Ctx) {
    const mine = c.w.classes.filter((x) => isEnrolled(c, x.id)).sort((a, b) => b.startDate.localeCompare(a.startDate));
    return { courseClasses: page(mine, args.pgNum, args.pgSize).map((x) => classView(c, x)) };
  },
  getCourseClassBySlugId(args: { slugId: string }, c: Ctx) {
    return classView(c, classBySlug(c, args.slugId));
  },
  getUserById(args: { id: string }, c: Ctx) {
    const shared = c.w.enrollments.filter((e) => e.userId === c.userId).map((e) => e.courseClassId);
    const visible = args.id === c.userId || c.w.enrollments.some((e) => e.userId === args.id && shared.includes(e.courseClassId));
    return visible ? userView(c.w.users[args.id]) : null;
  },
  getCourseClassAssessmentById(args: { id: string }, c: Ctx) {
    return assessmentView(c, assessmentFor(c, args.id).a);
  },
  getAllClassGrades(args: { courseClassSlugId: string; courseUnitId?: string | null; courseClassUserIds?: (string | null)[] | null }, c: Ctx) {
    const cls = classBySlug(c, args.courseClassSlugId);
    const others = (args.courseClassUserIds ?? []).filter((u): u is string => !!u && u !== c.userId);
    if (others.length) throw permission("CourseClassUser", others[0] ?? "");
    const unit = args.courseUnitId ?? null;
    const inUnit = (assessmentId: string) => unit === null || cls.units.some((u) => u.id === unit && u.assessments.some((a) => a.id === assessmentId));
    const grades = c.w.grades.filter((g) => g.courseClassId === cls.id && g.userId === c.userId && inUnit(g.assessmentId));
    const fg = c.w.finalGrades.find((f) => f.courseClassId === cls.id && f.userId === c.userId);
    return [{ finalGrade: fg ?? null, grades: grades.map((g) => gradeView(c, g)) }];
  },
  getGradeForUserCourseClassAssessment(args: { courseClassAssessmentId: string; userId: string }, c: Ctx) {
    const { a } = assessmentFor(c, args.courseClassAssessmentId);
    if (args.userId !== c.userId) throw permission("User", args.userId);
    const g = c.w.grades.find((x) => x.assessmentId === a.id && x.userId === c.userId);
    return g ? gradeView(c, g) : null;
  },
  getUserAssignmentSubmissionForAssessment(args: { courseClassAssessmentId: string }, c: Ctx) {
    const { a } = assessmentFor(c, args.courseClassAssessmentId);
    return submissionView(c, c.w.submissions.find((x) => x.assessmentId === a.id && x.userId === c.userId));
  },
  getGradingNotifications(args: { slugId: string }, c: Ctx) {
    const cls = classBySlug(c, args.slugId);
    return { count: c.w.grades.filter((g) => g.courseClassId === cls.id && g.userId === c.userId && g.status === "PUBLISHED" && !g.userLastSeenDate).length };
  },
  userQuiz(args: { id: string }, c: Ctx) {
    const q = c.w.quizzes[args.id];
    if (!q) return null;
    const { result: _r, ...rest } = q;
    return rest;
  },
  userQuizResult(args: { id: string }, c: Ctx) {
    return c.w.quizzes[args.id]?.result ?? null;
  },
  getUserPreferenceDetails(_args: A, c: Ctx) {
    return c.w.preferences.filter((p) => p.userId === c.userId);
  },
  getAllClasses(_args: A, c: Ctx) {
    const details = c.w.classes.filter((x) => isEnrolled(c, x.id)).map((x, i) => {
      const e = c.w.enrollments.find((y) => y.courseClassId === x.id && y.userId === c.userId);
      const unit = x.units.find((u) => u.current);
      return {
        courseClassId: x.id, slugId: x.slugId, classCode: x.classCode, className: x.name, courseClassStage: x.stage,
        courseClassStatus: "ACTIVE", courseClassUserStatus: e?.status ?? null, startDate: x.startDate, endDate: x.endDate,
        sequence: i + 1, unitTitle: unit?.title ?? null,
      };
    });
    return [{ role: "STUDENT", classDetails: details }];
  },
  addStudentGradeSeenDateTime(args: { userCourseClassAssessmentGradeId: string }, c: Ctx) {
    const g = c.w.grades.find((x) => x.id === args.userCourseClassAssessmentGradeId);
    if (!g) throw badInput(`Grade not found for id : ${args.userCourseClassAssessmentGradeId}`);
    if (g.userId !== c.userId) throw permission("UserCourseClassAssessmentGrade", g.id);
    classById(c, g.courseClassId);
    g.userLastSeenDate = iso(new Date(c.now));
    return { userLastSeenDate: g.userLastSeenDate };
  },
};
