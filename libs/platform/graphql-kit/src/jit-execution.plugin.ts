import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import {
  getNamedType,
  isInputObjectType,
  OperationTypeNode,
  parse,
  typeFromAST,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export interface JitExecutionOptions {
  /** Distinct operations kept (compiled, uncompilable or merely seen); least recently used go first. Default 100. */
  maxOperations?: number;
  /**
   * Executions of an operation by graphql-js before it is compiled (default 1: compiled on its
   * second request), so one-off documents never pay for a compilation.
   */
  compileAfter?: number;
  /** Called once per operation that graphql-jit cannot compile (it then always runs on graphql-js). */
  onUncompilable?: (operationName: string | null, reason: string) => void;
}

/** Process-wide counters of what the plugin did (tests, diagnostics). */
export const jitExecutionStats = {
  /** Operations compiled. */
  compiled: 0,
  /** Operations graphql-jit could not compile. */
  uncompilable: 0,
  /** Requests answered from a compiled query. */
  executed: 0,
  /** Requests whose compiled execution reported errors and were handed back to graphql-js. */
  handedBack: 0,
};

type Entry = { seen: number } | { compiled: CompiledQuery } | { graphqlJsOnly: true };

/**
 * Documents left to graphql-js, found in the source text (a match inside a string literal only
 * means graphql-js runs the operation): introspection (`__schema`, `__type`, not `__typename`),
 * and `@skip`/`@include`, which graphql-jit 0.8 gets wrong on fragment spreads (a fragment spread
 * twice with different conditions, in either of its two modes).
 */
const GRAPHQL_JS_ONLY = /\b__(schema|type)\b|@\s*(skip|include)\b/;

/**
 * Runs query operations with a graphql-jit compiled query instead of graphql-js: same schema,
 * same resolvers (Nest's guards and interceptors live inside the root resolvers, so they run
 * too), same context, a fraction of graphql-js's per-field overhead on large answers.
 *
 * Only the happy path is answered here. Anything else returns null from `responseForOperation`,
 * so Apollo executes the operation with graphql-js as usual:
 * - mutations and subscriptions (never executed twice, never by jit);
 * - introspection (any `__schema` or `__type` field) and documents using `@skip`/`@include`;
 * - variables of a recursive input type (graphql-jit 0.8 loops forever compiling them:
 *   zalando-incubator/graphql-jit#81);
 * - operations not yet seen `compileAfter` times, or that graphql-jit cannot compile;
 * - any execution that reports an error (variables that do not coerce, a resolver that throws,
 *   a null in a non-null field): the answer is discarded and graphql-js runs the operation again,
 *   so errors are produced and formatted (`formatError`, `extensions.code`) exactly as without
 *   the plugin. Queries have no side effects, so running one twice only costs time.
 *
 * Every `didResolveOperation` hook (authentication, query limits) has already run when
 * `responseForOperation` is called. Compilation works on its own parse of the source: graphql-jit
 * annotates the AST it compiles, and the document Apollo caches and executes stays untouched.
 */
export function jitExecutionPlugin(options: JitExecutionOptions = {}): ApolloServerPlugin {
  const maxOperations = options.maxOperations ?? 100;
  const compileAfter = options.compileAfter ?? 1;
  const entries = new Map<string, Entry>();
  let entriesSchema: GraphQLSchema | null = null;
  let recursiveInputs = new Set<string>();

  const entryFor = (schema: GraphQLSchema, key: string): Entry => {
    if (schema !== entriesSchema) {
      entries.clear();
      entriesSchema = schema;
      recursiveInputs = inputTypesReachingACycle(schema);
    }
    const entry = entries.get(key);
    if (entry) {
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    }
    const fresh: Entry = { seen: 0 };
    entries.set(key, fresh);
    if (entries.size > maxOperations) entries.delete(entries.keys().next().value as string);
    return fresh;
  };

  const compile = (schema: GraphQLSchema, operation: OperationDefinitionNode, source: string, operationName: string | null, key: string): Entry => {
    let entry: Entry = { graphqlJsOnly: true };
    if (GRAPHQL_JS_ONLY.test(source) || hasVariableOf(schema, operation, recursiveInputs)) {
      entries.set(key, entry);
      return entry;
    }
    try {
      const compiled = compileQuery(schema, parse(source), operationName ?? undefined, { disablingCapturingStackErrors: true });
      if (isCompiledQuery(compiled)) {
        jitExecutionStats.compiled += 1;
        entry = { compiled };
      } else {
        jitExecutionStats.uncompilable += 1;
        options.onUncompilable?.(operationName, (compiled.errors ?? []).map((e) => e.message).join('; '));
      }
    } catch (error) {
      jitExecutionStats.uncompilable += 1;
      options.onUncompilable?.(operationName, error instanceof Error ? error.message : String(error));
    }
    entries.set(key, entry);
    return entry;
  };

  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async responseForOperation(requestContext): Promise<GraphQLResponse | null> {
          const { operation, source, schema, operationName, request } = requestContext;
          // Apollo calls this hook even when no operation was resolved (several operations and no
          // operationName): graphql-js then reports the client's error.
          if (!operation || operation.operation !== OperationTypeNode.QUERY) return null;
          const key = `${operationName ?? ''}\n${requestContext.queryHash ?? source}`;
          let entry = entryFor(schema, key);
          if ('seen' in entry) {
            entry.seen += 1;
            if (entry.seen <= compileAfter) return null;
            entry = compile(schema, operation, source, operationName, key);
          }
          if (!('compiled' in entry)) return null;
          let result: Awaited<ReturnType<CompiledQuery['query']>>;
          try {
            result = await entry.compiled.query(undefined, requestContext.contextValue, request.variables ?? {});
          } catch {
            jitExecutionStats.handedBack += 1;
            return null;
          }
          if (result.errors?.length || !result.data) {
            jitExecutionStats.handedBack += 1;
            return null;
          }
          jitExecutionStats.executed += 1;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data } } };
        },
      };
    },
  };
}

/** Whether a variable of the operation has (or nests) an input object type named in `types`. */
function hasVariableOf(schema: GraphQLSchema, operation: OperationDefinitionNode, types: Set<string>): boolean {
  if (types.size === 0) return false;
  return (operation.variableDefinitions ?? []).some((v) => {
    const type = typeFromAST(schema, v.type);
    return type !== undefined && types.has(getNamedType(type).name);
  });
}

/** Names of the input object types from which a cycle of input object types can be reached. */
function inputTypesReachingACycle(schema: GraphQLSchema): Set<string> {
  const reaching = new Set<string>();
  const done = new Set<string>();
  const visit = (type: GraphQLInputObjectType, path: string[]): boolean => {
    if (path.includes(type.name)) return true;
    if (done.has(type.name)) return reaching.has(type.name);
    let found = false;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isInputObjectType(named) && visit(named, [...path, type.name])) found = true;
    }
    done.add(type.name);
    if (found) reaching.add(type.name);
    return found;
  };
  for (const type of Object.values(schema.getTypeMap())) if (isInputObjectType(type)) visit(type, []);
  return reaching;
}
