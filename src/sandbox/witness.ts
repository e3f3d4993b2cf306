/**
 * Witness-derived deviations from the reference (audit §8.7) and the "minimal witnessed schema" mode: a
 * gateway that knows only the field paths some public caller of the real Halo sent on that root (the audit's
 * Appendix A CONFIRMED lists, nested `replies` collapsed to one level). Anything else is answered the way
 * graphql-js answers an unknown field, so documents that lean on a guess fail here as they would in Halo.
 */
import { getNamedType, GraphQLError, isObjectType, Kind, type DocumentNode, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode } from "graphql";
import { CONFIRMED_PATHS } from "./witness-paths.js";

/** Switchable one by one (switches.witness); each mirrors one witness observation. */
export const WITNESS_VARIANTS = [
  /** `count` only on INBOX (InboxGQL) and GROUP; ANNOUNCEMENTS/CQ/DQ/IDQ carry classes only (S1, S7). */
  "forumTypeCounts",
  /** UserCourseClassAssessmentGrade.modifiedDate gone (last witnessed Sept 2022). */
  "noGradeModifiedDate",
  /** AnnouncementForum.countUnreadPosts gone (last witnessed 2023). */
  "noCountUnreadPosts",
  /** CourseClassAssessment.accommodatedDueDate resolves to "Permission Evaluator exception" for a student. */
  "accommodatedPermission",
  /** The inbox panel's last post is its own narrow type with only S1's fields. */
  "narrowInboxPost",
  /** Resource-group items carry contentType and no id (S2's bundle notes). */
  "resourceItemContentType",
] as const;
export type WitnessVariant = (typeof WITNESS_VARIANTS)[number];

const allowed = new Map(Object.entries(CONFIRMED_PATHS).map(([root, paths]) => [root, new Set(paths.split(/\s+/).filter(Boolean))] as const));

/** Every selected field whose root-relative path no witness sent, as graphql-js would word an unknown field. */
export function unwitnessedFields(schema: GraphQLSchema, doc: DocumentNode): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const fragments = new Map(doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const walk = (set: SelectionSetNode, type: GraphQLNamedType, root: string | undefined, path: string[]): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, type, root, path);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        if (f) walk(f.selectionSet, type, root, path);
        continue;
      }
      const name = sel.name.value;
      if (name === "__typename" || !isObjectType(type)) continue;
      const next = root === undefined ? [] : name === "replies" && path[path.length - 1] === "replies" ? path : [...path, name];
      const ok = root === undefined ? allowed.has(name) : allowed.get(root)?.has(next.join(".")) === true;
      if (!ok) {
        errors.push(new GraphQLError(`Cannot query field "${name}" on type "${type.name}".`, { nodes: sel }));
        continue;
      }
      const def = type.getFields()[name];
      if (def && sel.selectionSet) walk(sel.selectionSet, getNamedType(def.type), root ?? name, next);
    }
  };
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const type = d.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
    if (type) walk(d.selectionSet, type, undefined, []);
  }
  return errors;
}
