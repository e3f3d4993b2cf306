import { classResolvers } from "./classes.js";

/** graphql-js root value: Query and Mutation root fields share one object. */
export const rootValue: Record<string, unknown> = { ...classResolvers };
