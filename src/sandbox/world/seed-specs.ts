/** What each seeded class contains. Day offsets are Arizona calendar days relative to `now`. */
import type { AssessmentType, GradeStatus } from "./types.js";
import type { ClassKey } from "./ids.js";

export interface ItemSpec {
  key: string;
  type: AssessmentType;
  title: string;
  points: number;
  /** Arizona day offset of the 11:59 PM due date, or the UTC-midnight edge case. Default: unit's last day. */
  due?: number | "utcEdge";
  status?: GradeStatus;
  finalPoints?: number;
  tags?: string[];
  accommodatedDays?: number;
  lopesWrite?: boolean;
  group?: boolean;
  inPerson?: boolean;
}

export interface ClassSpec {
  key: ClassKey;
  sectionId: string;
  description: string;
  stage: "PRE_START" | "CURRENT" | "POST";
  modality: "ONLINE" | "ONGROUND";
  startDay: number;
  weeks: number;
  credits: number;
  enrolled: boolean;
  classmates: [number, number];
  /** Explicit items per unit (1-based sequence); other units get a default DQ + assignment + participation. */
  units: Record<number, ItemSpec[]>;
  unitTitles: string[];
}

const dq = (key: string, title: string, extra: Partial<ItemSpec> = {}): ItemSpec => ({ key, type: "DISCUSSION_QUESTION", title, points: 10, ...extra });
const part = (extra: Partial<ItemSpec> = {}): ItemSpec => ({ key: "participation", type: "PARTICIPATION", title: "Participation", points: 5, ...extra });

export const classSpecs: ClassSpec[] = [
  {
    key: "cloud", sectionId: "O500", stage: "CURRENT", modality: "ONLINE", startDay: -24, weeks: 8, credits: 4, enrolled: true, classmates: [0, 20],
    description: "<p>This course introduces <strong>cloud computing</strong> service and deployment models, virtualization, containers and serverless design.</p>",
    unitTitles: ["Cloud Fundamentals", "Infrastructure as a Service", "Serverless Computing", "Cloud Architecture", "Containers and Orchestration", "Cloud Security", "DevOps in the Cloud", "Capstone Review"],
    units: {
      1: [
        dq("dq1", "Topic 1 DQ 1", { status: "PUBLISHED", finalPoints: 9 }),
        dq("dq2", "Topic 1 DQ 2", { status: "PUBLISHED", finalPoints: 10 }),
        { key: "models", type: "ASSIGNMENT", title: "Cloud Service Models Comparison", points: 100, status: "PUBLISHED", finalPoints: 88, lopesWrite: true },
        { key: "quiz", type: "QUIZ", title: "Topic 1 Quiz", points: 20, status: "PUBLISHED", finalPoints: 18, tags: ["TIMED"] },
        part({ status: "PUBLISHED", finalPoints: 5 }),
      ],
      2: [
        dq("dq1", "Topic 2 DQ 1", { status: "PUBLISHED", finalPoints: 8 }),
        { key: "iaas", type: "ASSIGNMENT", title: "IaaS Deployment Lab", points: 100, status: "REASSIGNED", tags: ["USES_LOPES_CLOUD"] },
        { key: "quiz", type: "QUIZ", title: "Topic 2 Quiz", points: 20, status: "LATE", tags: ["TIMED"] },
        part({ status: "PUBLISHED", finalPoints: 5 }),
      ],
      3: [
        dq("dq1", "Topic 3 DQ 1", { status: "SUBMITTED", finalPoints: 7 }),
        { key: "serverless", type: "ASSIGNMENT", title: "Serverless Function Design", points: 120, status: "OVERDUE", lopesWrite: true },
        { key: "lab3", type: "LTI", title: "LopesCloud Lab 3", points: 30, status: "SUBMITTED", tags: ["USES_LOPES_CLOUD"] },
        { key: "practice", type: "QUIZ", title: "Topic 3 Practice Quiz", points: 0, status: "PUBLISHED", finalPoints: 0, tags: ["PRACTICE"] },
        part({ status: "PUBLISHED", finalPoints: 4 }),
      ],
      4: [
        dq("dq1", "Topic 4 DQ 1", { status: "ACTIVE", due: "utcEdge" }),
        dq("dq2", "Topic 4 DQ 2", { status: "IN_PROGRESS", due: 2 }),
        { key: "reflection", type: "ASSIGNMENT", title: "Architecture Reading Reflection", points: 40, status: "SUBMITTED", due: 1 },
        { key: "proposal", type: "ASSIGNMENT", title: "Cloud Architecture Proposal", points: 150, status: "ACTIVE", due: 3, lopesWrite: true, tags: ["BENCHMARK"] },
        { key: "quiz", type: "QUIZ", title: "Topic 4 Quiz", points: 20, status: "ACTIVE", due: 3, accommodatedDays: 2, tags: ["TIMED"] },
        { key: "lab4", type: "LTI", title: "LopesCloud Lab 4", points: 30, status: "ACTIVE", due: 3, tags: ["USES_LOPES_CLOUD"] },
        part({ status: "IN_PROGRESS", due: 3 }),
      ],
      5: [
        dq("dq1", "Topic 5 DQ 1", { status: "UPCOMING", due: 6 }),
        { key: "k8s", type: "ASSIGNMENT", title: "Kubernetes Deployment Plan", points: 100, status: "UPCOMING", due: 10 },
        part({ status: "UPCOMING", due: 10 }),
      ],
    },
  },
  {
    key: "english", sectionId: "M300A", stage: "CURRENT", modality: "ONGROUND", startDay: -17, weeks: 8, credits: 4, enrolled: true, classmates: [5, 15],
    description: "<p>Argumentative and research writing. Class meets <em>Mondays &amp; Wednesdays</em> in room 210.</p>",
    unitTitles: ["Rhetorical Situations", "Research Questions", "Collaborative Argument", "Counterarguments", "Synthesis", "Revision", "Portfolio", "Reflection"],
    units: {
      1: [dq("dq1", "Topic 1 DQ 1", { status: "PUBLISHED", finalPoints: 10 }), { key: "essay1", type: "ASSIGNMENT", title: "Rhetorical Analysis Essay", points: 100, status: "PUBLISHED", finalPoints: 91, lopesWrite: true }, part({ status: "PUBLISHED", finalPoints: 5 })],
      2: [dq("dq1", "Topic 2 DQ 1", { status: "PUBLISHED", finalPoints: 9 }), { key: "proposal", type: "ASSIGNMENT", title: "Research Proposal", points: 80, status: "LATE", lopesWrite: true }, part({ status: "PUBLISHED", finalPoints: 5 })],
      3: [
        dq("dq1", "Topic 3 DQ 1", { status: "ACTIVE", due: 1 }),
        { key: "group", type: "ASSIGNMENT", title: "Collaborative Argument Project", points: 150, status: "ACTIVE", due: 4, group: true, inPerson: true, tags: ["IN_PERSON"] },
        part({ status: "ACTIVE", due: 3 }),
      ],
    },
  },
  {
    key: "psych", sectionId: "O501", stage: "PRE_START", modality: "ONLINE", startDay: 10, weeks: 5, credits: 4, enrolled: true, classmates: [0, 5],
    description: "<p>Survey of psychology: methods, biology of behavior, learning, memory and social psychology.</p>",
    unitTitles: ["Foundations", "Biopsychology", "Learning and Memory", "Development", "Social Psychology"],
    units: {},
  },
  {
    key: "success", sectionId: "O502", stage: "POST", modality: "ONLINE", startDay: -70, weeks: 7, credits: 2, enrolled: true, classmates: [10, 20],
    description: "<p>Strategies for academic success at GCU: time management, information literacy, Christian worldview.</p>",
    unitTitles: ["Welcome to GCU", "Time Management", "Information Literacy", "Academic Integrity", "Worldview", "Career Planning", "Final Reflection"],
    units: {},
  },
  {
    key: "database", sectionId: "O500", stage: "CURRENT", modality: "ONLINE", startDay: -24, weeks: 4, credits: 4, enrolled: false, classmates: [0, 10],
    description: "<p>Relational modelling, normalization and SQL.</p>",
    unitTitles: ["ER Modelling", "Normalization", "SQL Queries", "Transactions"],
    units: { 1: [{ key: "er", type: "ASSIGNMENT", title: "ER Diagram", points: 100 }] },
  },
];
