/**
 * Discussion-question deadlines and participation progress.
 *
 * Halo stores one due date per DQ and a class participation policy { numDays, numPosts }; it has no field
 * for the initial-post deadline. GCU syllabi set the initial post due by Day 3 of the topic week and the
 * replies by the DQ's due date. We derive the initial-post deadline as 11:59 PM (student's zone) on Day 3
 * counted from the DQ's start date; without a start date, the topic week is taken as the seven days ending
 * on the due date (Day 3 = due − 4 days, same clock time). When Day 3 is not before the due date there is no
 * separate initial-post deadline. Every place that shows it says "derived". Without a policy (both numbers
 * 0 or absent) no extra deadline is claimed. */
import { endOfLocalDay, localDateKey } from "../format/zoned.js";
import type { RawPolicy } from "./raw.js";

const DAY = 86_400_000;

export interface Policy {
  numDays: number;
  numPosts: number;
}

export function normalisePolicy(p: RawPolicy | null | undefined): Policy | undefined {
  const numDays = Math.max(0, Number(p?.numDays ?? 0) || 0);
  const numPosts = Math.max(0, Number(p?.numPosts ?? 0) || 0);
  return numDays > 0 || numPosts > 0 ? { numDays, numPosts } : undefined;
}

export interface DqDeadlines {
  /** Absent when Day 3 falls on or after the due date. */
  initialPost?: Date;
  replies: Date;
}

export function dqDeadlines(due: Date, policy: Policy | undefined, start: Date | undefined, tz: string): DqDeadlines | undefined {
  if (!policy) return undefined;
  let initial: Date;
  if (start && start.getTime() < due.getTime()) initial = new Date(endOfLocalDay(new Date(start.getTime() + 2 * DAY), tz).getTime() - 59_999);
  else initial = new Date(due.getTime() - 4 * DAY);
  return initial.getTime() < due.getTime() ? { initialPost: initial, replies: due } : { replies: due };
}

export function policyText(p: Policy): string {
  const parts: string[] = [];
  if (p.numPosts > 0) parts.push(`${p.numPosts} post${p.numPosts === 1 ? "" : "s"}`);
  if (p.numDays > 0) parts.push(`on ${p.numDays} different day${p.numDays === 1 ? "" : "s"}`);
  return parts.join(" ");
}

export interface OwnPost {
  publishDate?: Date;
  /** Top-level (answers the question) vs a reply to someone. */
  isReply: boolean;
}

export interface Participation {
  hasInitialPost: boolean;
  initialPostAt?: Date;
  replies: number;
  totalPosts: number;
  /** Distinct calendar days (student's zone) with at least one post. */
  days: number;
  /** What the policy still asks for; undefined without a policy. */
  postsStillNeeded?: number;
  daysStillNeeded?: number;
}

export function participation(posts: OwnPost[], policy: Policy | undefined, tz: string): Participation {
  const tops = posts.filter((p) => !p.isReply).sort((a, b) => (a.publishDate?.getTime() ?? 0) - (b.publishDate?.getTime() ?? 0));
  const days = new Set(posts.flatMap((p) => (p.publishDate ? [localDateKey(p.publishDate, tz)] : []))).size;
  const out: Participation = { hasInitialPost: tops.length > 0, replies: posts.length - tops.length, totalPosts: posts.length, days };
  if (tops[0]?.publishDate) out.initialPostAt = tops[0].publishDate;
  if (policy) {
    out.postsStillNeeded = Math.max(0, policy.numPosts - posts.length);
    out.daysStillNeeded = Math.max(0, policy.numDays - days);
  }
  return out;
}
