/**
 * The GraphQL gateway. Real graphql-js parse/validate/execute against the reference schema, so unknown
 * fields, unused or missing variables and wrong argument types fail exactly as a spec-compliant server does.
 */
import { buildSchema, defaultFieldResolver, execute, getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema, Kind, type ValidationRule } from "graphql";
import { gatewayFailure, randomFailure } from "./failures.js";
import { rootValue } from "./resolvers/index.js";
import { buildSdl, type SchemaVariant } from "./schema.graphql.js";
import { nowMs, type CallRecord, type State } from "./state.js";
import { json } from "./util.js";
import { unwitnessedFields } from "./witness.js";

const schemas = new Map<string, GraphQLSchema>();

export function schemaFor(v: SchemaVariant): GraphQLSchema {
  const key = `${v.notificationsShape}|${v.countsAsStrings}|${v.announcements}|${[...(v.witness ?? [])].sort().join(",")}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = buildSchema(buildSdl(v));
    schemas.set(key, schema);
  }
  return schema;
}

function formatError(e: GraphQLError, fallbackCode: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...e.toJSON() };
  out.extensions = { code: fallbackCode, ...(e.extensions ?? {}) };
  return out;
}

function rejected(s: State, errors: readonly GraphQLError[], code: string): Response {
  const shaped = errors.map((e) => formatError(e, code));
  if (!s.switches.validationLocations) for (const e of shaped) delete e.locations;
  return json({ errors: shaped }, s.switches.validationStatus);
}

/** Reports `rejectFields` the way graphql-js reports a field the schema lacks (same message, same location). */
function rejectFieldsRule(names: readonly string[]): ValidationRule {
  return (ctx) => ({
    Field(node) {
      const parent = ctx.getParentType();
      if (parent && names.includes(`${parent.name}.${node.name.value}`)) {
        ctx.reportError(new GraphQLError(`Cannot query field "${node.name.value}" on type "${parent.name}".`, { nodes: node }));
      }
    },
  });
}

/** Every field resolves as usual unless `fieldErrors` names it: then its resolver throws, as a failing one would. */
function injectingResolver(s: State): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const message = s.switches.fieldErrors[`${info.parentType.name}.${info.fieldName}`];
    if (message !== undefined) throw new GraphQLError(message);
    return defaultFieldResolver(source, args, context, info);
  };
}

function rootFields(doc: DocumentNode, operationName: string | undefined): string[] {
  const op = getOperationAST(doc, operationName);
  return op ? op.selectionSet.selections.flatMap((sel) => (sel.kind === Kind.FIELD ? [sel.name.value] : [])) : [];
}

export async function gateway(s: State, req: Request, rec: CallRecord): Promise<Response> {
  if (req.method !== "POST") return json({ errors: [{ message: "GET query missing." }] }, 400);
  const auth = s.tokens.check(req.headers.get("authorization"), req.headers.get("contexttoken"), nowMs(s), s.switches.expireTokensAfterCalls);
  if (!auth.ok) return gatewayFailure(s, s.switches.authFailureMode);
  const random = randomFailure(s);
  if (random) return random;
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    return json({ errors: [{ message: "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight", extensions: { code: "BAD_REQUEST" } }] }, 400);
  }
  let body: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    body = (await req.json()) as typeof body;
  } catch {
    return json({ errors: [{ message: "POST body missing, invalid Content-Type, or JSON object has no keys.", extensions: { code: "BAD_REQUEST" } }] }, 400);
  }
  if (typeof body?.query !== "string") return json({ errors: [{ message: "GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.", extensions: { code: "BAD_REQUEST" } }] }, 400);
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
  rec.operationName = operationName;
  const pgSize = (body.variables as { pgSize?: unknown } | null | undefined)?.pgSize;
  if (typeof pgSize === "number") rec.pgSize = pgSize;
  const variables = body.variables ?? undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) {
    return json({ errors: [{ message: "`variables` in a POST body should be an object if provided.", extensions: { code: "BAD_REQUEST" } }] }, 400);
  }
  const schema = schemaFor(s.switches);
  let doc: DocumentNode;
  try {
    doc = parse(body.query);
  } catch (e) {
    return rejected(s, [e as GraphQLError], "GRAPHQL_PARSE_FAILED");
  }
  const rules = s.switches.rejectFields.length ? [...specifiedRules, rejectFieldsRule(s.switches.rejectFields)] : specifiedRules;
  const invalid = validate(schema, doc, rules);
  const errors = invalid.length || !s.switches.minimalSchema ? invalid : unwitnessedFields(schema, doc);
  if (errors.length) return rejected(s, errors, "GRAPHQL_VALIDATION_FAILED");
  const fields = rootFields(doc, operationName);
  for (const key of [operationName, ...fields]) {
    const failure = key ? s.switches.failOperations[key] : undefined;
    if (failure) return gatewayFailure(s, failure, fields[0]);
  }
  const attachFailure = s.switches.failRest.attach;
  if (attachFailure && fields.includes("bulkAddAssignmentSubmissionResource")) return gatewayFailure(s, attachFailure, "bulkAddAssignmentSubmissionResource");
  const result = await execute({
    schema,
    document: doc,
    rootValue,
    fieldResolver: Object.keys(s.switches.fieldErrors).length ? injectingResolver(s) : undefined,
    contextValue: { s, w: s.world, userId: auth.grant.userId, now: nowMs(s) },
    variableValues: (variables as Record<string, unknown> | null | undefined) ?? undefined,
    operationName,
  });
  const out: Record<string, unknown> = {};
  if (result.errors?.length) out.errors = result.errors.map((e) => formatError(e, "data" in result && result.data !== undefined ? "INTERNAL_SERVER_ERROR" : "BAD_USER_INPUT"));
  if (result.data !== undefined) out.data = result.data;
  return json(out);
}
