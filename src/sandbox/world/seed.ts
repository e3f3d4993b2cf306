import { SEED, type SeedIds } from "./ids.js";
import { seedClasses } from "./seed-classes.js";
import { seedForums } from "./seed-forums.js";
import { seedAlerts, seedFinalGrades } from "./seed-misc.js";
import { seedPeople } from "./seed-people.js";
import type { World } from "./types.js";

/** Builds the deterministic world; every date is relative to `now`. */
export function seedWorld(now: Date): World {
  const world: World = {
    now, tenantId: SEED.tenantId, studentId: SEED.student.userId, users: seedPeople(now), classes: [], enrollments: [], grades: [],
    finalGrades: [], submissions: [], groups: [], forums: [], posts: [], alerts: [], quizzes: {}, resources: {}, preferences: [],
  };
  seedClasses(world);
  seedForums(world);
  seedFinalGrades(world);
  seedAlerts(world);
  return world;
}

export function seedIds(world: World): SeedIds {
  const classes = Object.fromEntries(
    Object.entries(SEED.classes).map(([k, c]) => [k, { ...c, slugId: world.classes.find((x) => x.id === c.id)?.slugId ?? "" }]),
  ) as SeedIds["classes"];
  return { ...SEED, classes };
}
