import { classResolvers } from "./classes.js";
import { forumResolvers } from "./forums.js";
import { notificationResolvers } from "./notifications.js";
import { submissionResolvers } from "./submissions.js";

/** graphql-js root value: Query and Mutation root fields share one object. */
export const rootValue: Record<string, unknown> = { ...classResolvers, ...forumResolvers, ...notificationResolvers, ...submissionResolvers };
