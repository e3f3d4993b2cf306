import { describe, expect, it } from "vitest";
import { renderSyllabus } from "../../src/assistant/syllabus.js";
import type { RawClassDetail } from "../../src/queries/class-detail.js";

const TZ = "America/Phoenix";
const detail = (p: Partial<RawClassDetail> = {}): RawClassDetail => ({
  id: "c-1",
  slugId: "CST-323-O500",
  courseCode: "CST-323",
  name: "Cloud Computing",
  description: null,
  startDate: "2026-10-29 07:00:00",
  endDate: "2026-12-24 06:59:00",
  stage: "CURRENT",
  modality: "ONLINE",
  credits: 4,
  units: [],
  instructors: [],
  holidays: [],
  participationPolicy: null,
  gradeScale: [],
  resources: [],
  ...p,
});
const section = (text: string, name: string) => text.split(`## ${name}\n`)[1]?.split("\n## ")[0];

describe("syllabus resource", () => {
  it("heads with the class, its stage, modality, credits and dates in the student's zone", () => {
    const s = renderSyllabus(detail({ stage: "PRE_START" }), TZ);
    expect(s.split("\n").slice(0, 2)).toEqual(["# CST-323 Cloud Computing (class_ref CST-323-O500)", "pre-start · online · 4 credits · Oct 29 2026 – Dec 23 2026"]);
  });
  it("unknown header facts show as gaps, never as 'undefined'", () => {
    const s = renderSyllabus(detail({ courseCode: null, name: null, stage: null, modality: null, credits: null, startDate: null, endDate: "x" }), TZ);
    expect(s.split("\n").slice(0, 2)).toEqual(["# (class_ref CST-323-O500)", " ·  · ? credits · ? – ?"]);
  });
  it("quotes the description and says there is none of the rest", () => {
    const s = renderSyllabus(detail({ description: "<p>Learn <b>clouds</b>.</p>" }), TZ);
    expect(section(s, "Description")).toBe("Course description:\n> Learn **clouds**.");
    const none = renderSyllabus(detail(), TZ);
    expect(none).not.toContain("## Description");
    expect(section(none, "Grade scale")).toBe("Halo has no grade scale for this class.");
    expect(section(none, "Participation policy")).toBe("No participation policy in Halo.");
    expect(section(none, "Holidays")).toBe("None listed.");
    expect(section(none, "Instructors")).toBe("None listed.");
  });
  it("clips a long description with a pointer to Halo", () => {
    const s = renderSyllabus(detail({ description: `<p>${"word ".repeat(1000)}</p>` }), TZ);
    expect(section(s, "Description")).toMatch(/^Course description:\n> word word[\s\S]*\[… truncated: showed \d+ of 4999 characters\. Open the class in Halo for the rest\.\]$/);
  });
  it("the grade scale highest first, as percentage ranges", () => {
    const s = renderSyllabus(detail({ gradeScale: [{ label: "B", minPercent: 0.83, maxPercent: 0.86995 }, { label: "A", minPercent: 0.93, maxPercent: 1 }] }), TZ);
    expect(section(s, "Grade scale")).toBe("A 93–100% · B 83–87%");
  });
  it("the policy in Halo's numbers with the Day-3 convention, and its own text quoted", () => {
    const s = renderSyllabus(detail({ participationPolicy: { numDays: 3, numPosts: 4, description: "<p>Post on <i>three</i> days.</p>" } }), TZ);
    expect(section(s, "Participation policy")).toBe(
      "Halo's numbers: 4 posts on 3 different days. By GCU convention the initial discussion post is due by Day 3 of the topic week and replies by the due date (a convention, not a Halo field).\nParticipation policy:\n> Post on _three_ days.",
    );
  });
  it("active holidays with their first day and length", () => {
    const s = renderSyllabus(detail({ holidays: [
      { title: "Thanksgiving", startDate: "2026-11-26 07:00:00", duration: 2, active: true },
      { title: "Cancelled", startDate: "2026-11-30 07:00:00", duration: 1, active: false },
      { title: null, startDate: null, duration: 1, active: null },
      { title: "Day off", startDate: "2026-12-01 07:00:00", duration: null },
    ] }), TZ);
    expect(section(s, "Holidays")).toBe("- Thanksgiving: Nov 26 2026, 2 days\n- Holiday: ?, 1 day\n- Day off: Dec 1 2026");
  });
  it("instructors only (not TAs), with an email when Halo has one", () => {
    const s = renderSyllabus(detail({ instructors: [
      { baseRoleName: "INSTRUCTOR", user: { firstName: "Ada", lastName: "Lovelace", socialContacts: [null, { socialContactType: "PHONE", value: "555" }, { socialContactType: "Email", value: "" }, { socialContactType: "EMAIL", value: "ada@gcu.edu" }] } },
      { baseRoleName: "TEACHING_ASSISTANT", user: { firstName: "Tom", lastName: "Aide" } },
      { baseRoleName: null, user: { firstName: "Grace", lastName: "Hopper", socialContacts: null } },
      { baseRoleName: "INSTRUCTOR", user: null },
    ] }), TZ);
    expect(section(s, "Instructors")).toBe("- Ada Lovelace <ada@gcu.edu> (message them with message_teacher)\n- Grace Hopper (message them with message_teacher)\n- someone (message them with message_teacher)");
  });
});
