import { uid } from "../util.js";
import { addDays, azMidnight, bare, dueAz, dueJustAfterUtcMidnight, iso, parseBare, startAz, ymd } from "./dates.js";
import { SEED } from "./ids.js";
import { classmateIds } from "./seed-people.js";
import { SLIDES, STYLE_GUIDE, TRACKER, addResource, resourceGroup, scheduleText, syllabusText } from "./seed-resources.js";
import { buildGrade } from "./seed-grades.js";
import { classSpecs, type ClassSpec, type ItemSpec } from "./seed-specs.js";
import type { AssessmentRec, ClassRec, RubricRec, UnitRec, World } from "./types.js";

const scale: [string, number, number][] = [
  ["A", 94, 100], ["A-", 90, 93.99], ["B+", 87, 89.99], ["B", 84, 86.99], ["B-", 80, 83.99], ["C+", 77, 79.99],
  ["C", 74, 76.99], ["C-", 70, 73.99], ["D+", 67, 69.99], ["D", 64, 66.99], ["D-", 60, 63.99], ["F", 0, 59.99],
];

export const letterFor = (pct: number): string => scale.find(([, min]) => pct >= min)?.[0] ?? "F";

function rubric(id: string, points: number): RubricRec {
  const parts: [string, string, number][] = [
    ["Content and Analysis", "Addresses every part of the prompt with accurate, well-supported analysis.", 0.5],
    ["Organization", "Logical structure with a clear thesis and transitions.", 0.25],
    ["Mechanics and APA", "Grammar, spelling and APA formatting.", 0.25],
  ];
  const levels: [string, number][] = [["Insufficient", 0.69], ["Approaching", 0.79], ["Acceptable", 0.89], ["Target", 1]];
  return {
    id,
    name: "Assignment Rubric",
    criteria: parts.map(([name, description, share], ci) => ({
      id: uid(`${id}:crit:${ci}`),
      name,
      description,
      points: points * share,
      sequence: ci + 1,
      achievementLevels: levels.map(([lname, f], li) => ({
        cellId: uid(`${id}:cell:${ci}:${li}`),
        name: lname,
        description: `${lname}: ${description.toLowerCase()}`,
        points: Math.round(points * share * f * 100) / 100,
        sequence: li + 1,
      })),
    })),
  };
}

function defaultItems(spec: ClassSpec, seq: number): ItemSpec[] {
  const items: ItemSpec[] = [
    { key: "dq1", type: "DISCUSSION_QUESTION", title: `Topic ${seq} DQ 1`, points: 10 },
    { key: `essay`, type: "ASSIGNMENT", title: `Topic ${seq} Assignment`, points: 100, lopesWrite: true },
    { key: "participation", type: "PARTICIPATION", title: "Participation", points: 5 },
  ];
  if (seq % 2 === 0) items.push({ key: "quiz", type: "QUIZ", title: `Topic ${seq} Quiz`, points: 20, tags: ["TIMED"] });
  return spec.units[seq] ?? items;
}

export function seedClasses(world: World): void {
  const now = world.now;
  for (const spec of classSpecs) {
    const meta = SEED.classes[spec.key];
    const instructorId = SEED.instructors[spec.key];
    const start = startAz(now, spec.startDay);
    const end = dueAz(now, spec.startDay + spec.weeks * 7 - 1);
    const nowMs = now.getTime();
    const units: UnitRec[] = [];
    for (let seq = 1; seq <= spec.weeks; seq++) {
      const unitId = uid(`unit:${spec.key}:${seq}`);
      const firstDay = spec.startDay + (seq - 1) * 7;
      const uStart = startAz(now, firstDay);
      const uEnd = dueAz(now, firstDay + 6);
      const current = parseBare(uStart).getTime() <= nowMs && nowMs <= parseBare(uEnd).getTime() + 60_000;
      const notes = addResource(world, { id: uid(`res:${spec.key}:${seq}:notes`), name: `Topic ${seq} Lecture Notes.pdf`, courseClassId: meta.id, createdBy: instructorId });
      const assessments: AssessmentRec[] = defaultItems(spec, seq).map((item, i) => {
        const id = uid(`asmt:${spec.key}:${seq}:${item.key}`);
        const dueDate = item.due === "utcEdge" ? dueJustAfterUtcMidnight(now) : dueAz(now, item.due ?? firstDay + 6);
        return {
          id,
          courseClassId: meta.id,
          unitId,
          sequence: i + 1,
          title: item.title,
          description: `<p>${item.title}: complete the activity described in the Topic ${seq} materials.</p><ul><li>Use at least two scholarly sources.</li><li>Follow APA&nbsp;7 style.</li></ul>`,
          startDate: item.type === "DISCUSSION_QUESTION" || item.type === "QUIZ" ? uStart : null,
          dueDate,
          points: item.points,
          type: item.type,
          tags: item.tags ?? [],
          requiresLopesWrite: item.lopesWrite ?? false,
          isGroupEnabled: item.group ?? false,
          inPerson: item.inPerson ?? false,
          exemptAccommodations: item.type === "PARTICIPATION",
          showAccommodatedTrait: item.accommodatedDays !== undefined,
          rubric: item.type === "ASSIGNMENT" ? rubric(uid(`rubric:${id}`), item.points) : null,
          attachments: [],
          ltiParameters: item.type === "LTI" ? [{ id: uid(`lti:${id}:1`), key: "resource_link_id", value: `lopescloud-${spec.key}-${seq}` }, { id: uid(`lti:${id}:2`), key: "custom_lab", value: item.title }] : [],
          forumId: item.type === "DISCUSSION_QUESTION" ? uid(`forum:asmt:${spec.key}:${seq}:${item.key}`) : null,
        };
      });
      units.push({
        id: unitId,
        title: `Topic ${seq}: ${spec.unitTitles[seq - 1] ?? "Unit"}`,
        sequence: seq,
        startDate: uStart,
        endDate: uEnd,
        current,
        points: assessments.reduce((s, a) => s + a.points, 0),
        description: `<p>Objectives for topic ${seq}.</p>`,
        assessments,
        resources: [resourceGroup(uid(`crg:${spec.key}:${seq}`), `Topic ${seq} Readings`, 1, [notes.id])],
      });
      if (spec.enrolled) {
        units[units.length - 1]?.assessments.forEach((a) => {
          const item = defaultItems(spec, seq).find((it) => uid(`asmt:${spec.key}:${seq}:${it.key}`) === a.id);
          if (item) buildGrade(world, spec, a, item, current);
        });
      }
    }
    const r = spec.key === "cloud" ? SEED.resources : { syllabus: uid(`res:${spec.key}:syllabus`), schedulePdf: uid(`res:${spec.key}:schedule`), styleGuideDocx: uid(`res:${spec.key}:styleguide`), instructorOnly: uid(`res:${spec.key}:answerkey`) };
    const instructor = world.users[instructorId];
    if (spec.key === "cloud") {
      addResource(world, { id: SEED.resources.slidesPptx, name: "Topic 1 Slides.pptx", courseClassId: meta.id, createdBy: instructorId, text: SLIDES });
      addResource(world, { id: SEED.resources.trackerXlsx, name: "Grade Tracker.xlsx", courseClassId: meta.id, createdBy: instructorId, text: TRACKER });
    }
    addResource(world, { id: r.syllabus, name: `${meta.courseCode} Syllabus.md`, courseClassId: meta.id, createdBy: instructorId, text: syllabusText(meta.courseCode, meta.name, `${instructor?.firstName} ${instructor?.lastName}`) });
    addResource(world, { id: r.schedulePdf, name: "Course Schedule.pdf", courseClassId: meta.id, createdBy: instructorId, text: scheduleText(meta.name) });
    addResource(world, { id: r.styleGuideDocx, name: "Writing Style Guide.docx", courseClassId: meta.id, createdBy: instructorId, text: STYLE_GUIDE });
    addResource(world, { id: r.instructorOnly, name: "Answer Key.pdf", courseClassId: meta.id, createdBy: instructorId, instructorOnly: true, text: "INSTRUCTOR ONLY" });
    const cls: ClassRec = {
      id: meta.id,
      slugId: `${meta.classCode}-${ymd(start)}`,
      classCode: meta.classCode,
      courseCode: meta.courseCode,
      sectionId: spec.sectionId,
      name: meta.name,
      description: spec.description,
      version: "2",
      startDate: start,
      endDate: end,
      modifiedDate: iso(addDays(now, spec.startDay - 20)),
      lastPublishedDate: iso(addDays(now, spec.startDay - 14)),
      credits: spec.credits,
      degreeLevel: "UNDERGRADUATE",
      stage: spec.stage,
      modality: spec.modality,
      units,
      holidays: [{ id: uid(`hol:${spec.key}`), title: "Spring Break", description: "No assignments due.", startDate: bare(azMidnight(now, spec.startDay + 35)), duration: 7, active: true }],
      participationPolicy: { id: uid(`pp:${spec.key}`), description: "<p>Post substantively on at least 3 separate days, 4 posts total, each topic.</p>", numDays: 3, numPosts: 4 },
      gradeScale: { id: uid(`gs:${spec.key}`), entries: [] },
      resources: [
        resourceGroup(uid(`crg:${spec.key}:syllabus`), "Syllabus and Course Information", 1, [r.syllabus, r.schedulePdf]),
        resourceGroup(uid(`crg:${spec.key}:materials`), "Course Materials", 2, [r.styleGuideDocx, ...(spec.key === "cloud" ? [SEED.resources.slidesPptx, SEED.resources.trackerXlsx] : [])]),
        resourceGroup(uid(`crg:${spec.key}:instructor`), "Instructor Resources", 3, [r.instructorOnly], true),
      ],
    };
    const total = units.reduce((s, u) => s + u.points, 0);
    cls.gradeScale.entries = scale.map(([label, min, max]) => ({ id: uid(`gse:${spec.key}:${label}`), label, minPercent: min, maxPercent: max, minPoints: Math.round((total * min) / 100 * 100) / 100, maxPoints: Math.round((total * max) / 100 * 100) / 100, type: "LETTER" }));
    if (spec.key === "cloud") {
      const proposal = units[3]?.assessments.find((a) => a.id === SEED.assessments.upload);
      const tmpl = addResource(world, { id: SEED.resources.proposalTemplate, name: "Proposal Template.docx", courseClassId: meta.id, createdBy: instructorId, text: "Proposal template: Executive summary, Architecture, Cost, Risks." });
      proposal?.attachments.push({ id: uid("att:proposal:template"), resourceId: tmpl.id, title: "Proposal Template" });
    }
    world.classes.push(cls);
    enroll(world, spec, cls, instructorId);
  }
}

function enroll(world: World, spec: ClassSpec, cls: ClassRec, instructorId: string): void {
  const when = iso(addDays(world.now, spec.startDay - 30));
  const add = (userId: string, role: "STUDENT" | "INSTRUCTOR", extra: { isAccommodated?: boolean; isHonors?: boolean } = {}) =>
    world.enrollments.push({
      id: uid(`ccu:${cls.id}:${userId}`),
      userId,
      courseClassId: cls.id,
      roleName: role === "STUDENT" ? "Student" : "Instructor",
      baseRoleName: role,
      status: spec.stage === "POST" ? "COMPLETED" : "ACTIVE",
      isHonors: extra.isHonors ?? false,
      isAccommodated: extra.isAccommodated ?? false,
      createdDate: when,
      modifiedDate: when,
    });
  add(instructorId, "INSTRUCTOR");
  if (spec.enrolled) add(world.studentId, "STUDENT", { isAccommodated: true });
  classmateIds.slice(spec.classmates[0], spec.classmates[1]).forEach((id, i) => add(id, "STUDENT", { isHonors: i === 2 }));
}
