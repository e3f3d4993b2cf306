import type { RawGrade } from "../../src/assistant/raw.js";
import type { ClassRef } from "../../src/assistant/raw.js";

/** Wed Nov 18 2026, 12:00 PM in Arizona. */
export const NOW = new Date("2026-11-18T19:00:00Z");
export const BASE = "https://halo.gcu.edu";
export const CLS: ClassRef = { id: "c-1", slugId: "CST-323-O500-20261029", courseCode: "CST-323", name: "Cloud Computing" };

let n = 0;
export function grade(p: Omit<Partial<RawGrade>, "assessment"> & { assessment?: Partial<RawGrade["assessment"]> | null } = {}): RawGrade {
  n++;
  const { assessment, ...rest } = p;
  return {
    id: `g-${n}`,
    status: "ACTIVE",
    dueDate: "2026-11-21 06:59:00",
    ...rest,
    assessment: { id: `a-${n}`, title: `Item ${n}`, type: "ASSIGNMENT", points: 100, dueDate: "2026-11-21 06:59:00", ...assessment },
  } as RawGrade;
}
