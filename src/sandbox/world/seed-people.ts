import { uid } from "../util.js";
import { addDays, iso } from "./dates.js";
import { SEED } from "./ids.js";
import type { UserRec } from "./types.js";

function user(id: string, first: string, last: string, now: Date, extra: Partial<UserRec> = {}): UserRec {
  const username = `${first[0] ?? "x"}${last}`.toLowerCase().replace(/[^a-z]/g, "");
  return {
    id,
    username,
    email: `${username}@gcu.edu`,
    firstName: first,
    lastName: last,
    preferredFirstName: null,
    userImgUrl: null,
    sourceId: String(20_000_000 + (parseInt(id.slice(0, 6), 16) % 9_000_000)),
    lastLogin: iso(addDays(now, -1)),
    userStatus: "ACTIVE",
    isAccommodated: false,
    socialContacts: [],
    userAccessGroups: [{ accessGroup: "STUDENT" }],
    ...extra,
  };
}

const classmateNames: [string, string][] = [
  ["Aaliyah", "Brooks"], ["Mateo", "Gonzalez"], ["Priya", "Shah"], ["Ethan", "Nguyen"], ["Hannah", "Kowalski"],
  ["Diego", "Ramirez"], ["Grace", "O'Connor"], ["Noah", "Whitehorse"], ["Sofia", "Delgado"], ["Liam", "Becker"],
  ["Zoe", "Tanaka"], ["Caleb", "Johnson"], ["Maya", "Patel"], ["Isaiah", "Freeman"], ["Chloe", "Martin"],
  ["Jamal", "Washington"], ["Emma", "Schultz"], ["Lucas", "Moreau"], ["Ava", "Lindqvist"], ["Omar", "Haddad"],
];

export const classmateIds = classmateNames.map((_, i) => uid(`user:classmate:${i}`));

export function seedPeople(now: Date): Record<string, UserRec> {
  const s = SEED.student;
  const users: UserRec[] = [
    user(s.userId, s.firstName, s.lastName, now, {
      username: s.username,
      email: s.email,
      preferredFirstName: s.preferredFirstName,
      isAccommodated: true,
      lastLogin: iso(now),
      socialContacts: [{ id: uid("sc:student:linkedin"), value: "https://www.linkedin.com/in/jordan-rivera-example", socialContactType: "LINKEDIN" }],
    }),
    user(SEED.instructors.cloud, "Priya", "Natarajan", now, { userAccessGroups: [{ accessGroup: "FACULTY" }], userImgUrl: "https://halo.sandbox.test/img/natarajan.png" }),
    user(SEED.instructors.english, "Marcus", "Bell", now, { userAccessGroups: [{ accessGroup: "FACULTY" }] }),
    user(SEED.instructors.psych, "Elena", "Vasquez", now, { userAccessGroups: [{ accessGroup: "FACULTY" }] }),
    user(SEED.instructors.success, "Tom", "Harrington", now, { userAccessGroups: [{ accessGroup: "FACULTY" }] }),
    user(SEED.instructors.database, "Wei", "Zhang", now, { userAccessGroups: [{ accessGroup: "FACULTY" }] }),
    ...classmateNames.map(([f, l], i) => user(classmateIds[i] as string, f, l, now)),
  ];
  return Object.fromEntries(users.map((u) => [u.id, u]));
}
