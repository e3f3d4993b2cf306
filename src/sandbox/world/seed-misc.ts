import { uid } from "../util.js";
import { addHours, iso } from "./dates.js";
import { SEED } from "./ids.js";
import { letterFor } from "./seed-classes.js";
import type { AlertRec, World } from "./types.js";

export function seedFinalGrades(world: World): void {
  for (const cls of world.classes) {
    const rows = world.grades.filter((g) => g.courseClassId === cls.id && g.userId === world.studentId);
    if (!rows.length) continue;
    const published = rows.filter((g) => g.status === "PUBLISHED");
    const points = (id: string) => cls.units.flatMap((u) => u.assessments).find((a) => a.id === id)?.points ?? 0;
    const finalPoints = published.reduce((s, g) => s + (g.finalPoints ?? 0), 0);
    const maxPoints = published.reduce((s, g) => s + points(g.assessmentId), 0);
    world.finalGrades.push({
      id: uid(`final:${cls.id}`), userId: world.studentId, courseClassId: cls.id,
      gradeValue: maxPoints ? letterFor((finalPoints / maxPoints) * 100) : null,
      finalPoints, maxPoints, isPublished: cls.stage === "POST",
    });
  }
}

/** Alert feed, newest first, across all enrolled classes. */
export function seedAlerts(world: World): void {
  const now = world.now;
  const alerts: AlertRec[] = [];
  const add = (i: number, classId: string, type: string, hoursAgo: number, data: AlertRec["data"], isRead = hoursAgo > 72) =>
    alerts.push({ id: uid(`alert:${i}`), userId: world.studentId, classId, isRead, timestamp: iso(addHours(now, -hoursAgo)), type, data });
  let i = 0;
  const cloud = SEED.classes.cloud.id;
  add(i++, cloud, "INBOX", 5, { senderName: "Priya Natarajan", forumId: SEED.forums.cloudInbox, forumType: "INBOX", postId: uid("post:inbox:cloud:instructor:3") });
  add(i++, cloud, "ANNOUNCEMENT", 24, { announcementTitle: "This week’s reminders", forumId: SEED.forums.cloudAnnouncements, forumType: "ANNOUNCEMENTS", postId: uid("post:ann:cloud:reminder") });
  add(i++, cloud, "ANNOUNCEMENT", 48, { announcementTitle: "Academic integrity acknowledgement required", forumId: SEED.forums.cloudAnnouncements, forumType: "ANNOUNCEMENTS", postId: SEED.posts.mustAcknowledge });
  add(i++, cloud, "ASSIGNMENT_DUE", 30, { assignmentTitle: "Cloud Architecture Proposal", assessmentId: SEED.assessments.upload });
  for (const g of world.grades.filter((x) => x.status === "PUBLISHED" && x.gradedDate)) {
    const a = world.classes.flatMap((c) => c.units.flatMap((u) => u.assessments)).find((x) => x.id === g.assessmentId);
    if (!a) continue;
    const hoursAgo = Math.max(1, Math.round((now.getTime() - new Date(g.gradedDate ?? iso(now)).getTime()) / 3_600_000));
    add(i++, g.courseClassId, "GRADE", hoursAgo, { assignmentTitle: a.title, assessmentId: a.id });
  }
  alerts.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  world.alerts.push(...alerts);
  world.preferences.push(
    { id: uid("pref:tz"), userId: world.studentId, preferenceType: "TIMEZONE", preferenceValue: "America/Phoenix" },
    { id: uid("pref:email"), userId: world.studentId, preferenceType: "EMAIL_NOTIFICATIONS", preferenceValue: "DAILY_DIGEST" },
    { id: uid("pref:theme"), userId: world.studentId, preferenceType: "THEME", preferenceValue: "LIGHT" },
  );
}
