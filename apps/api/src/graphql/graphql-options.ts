import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '@dup/config';
import { createFormatError, DATE_TIME_SCALARS, httpStatusPlugin, inputValuesPlugin, jitExecutionPlugin, queryLimitsPlugin } from '@dup/graphql-kit';
import { authenticationPlugin } from './authentication.plugin';
import type { RequestLimits } from '../limits/request-limits';
import { createPlanLoaders, withSynchronousPlanFields, type PlanReadContext } from '@dup/plan-read';
import { resolveRequestCredentials, type AuthContext } from '@dup/auth';
import type { Viewer } from '@dup/domain';
import type { RequestContextBase } from '@dup/graphql-kit';

/** The context every resolver receives. */
export type ApiContext = PlanReadContext & RequestContextBase & AuthContext & { req: Request };

/** Apollo settings shared by the server and by the schema printer. */
export function graphqlOptions(config: AppConfig, orm: MikroORM, logger: Logger, limits: RequestLimits): ApolloDriverConfig {
  let schema: GraphQLSchema | undefined;
  return {
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: DATE_TIME_SCALARS },
    path: '/graphql',
    introspection: config.graphql.introspection,
    playground: false,
    csrfPrevention: true,
    persistedQueries: false,
    // httpStatusPlugin decides the status of every answer (see there).
    preserveHttpStatusForExecutionErrors: false,
    transformSchema: (built: GraphQLSchema) => {
      schema = withSynchronousPlanFields(built);
      return schema;
    },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the built-in cache-control plugin would otherwise wrap every
      // field's resolver (willResolveField), a large share of the whole-tree query's time.
      ApolloServerPluginCacheControlDisabled(),
      httpStatusPlugin(),
      authenticationPlugin(),
      queryLimitsPlugin({ schema: () => schema!, maxDepth: config.graphql.maxDepth, maxCost: config.graphql.maxCost }),
      inputValuesPlugin({ schema: () => schema! }),
      // Queries that pass the hooks above run as compiled queries; mutations and anything that
      // reports an error run on graphql-js (see jitExecutionPlugin). GRAPHQL_JIT=false turns it off.
      ...(config.graphql.jit
        ? [jitExecutionPlugin({ onUncompilable: (operationName, reason) => logger.warn({ operationName, reason }, 'GraphQL query not compilable by graphql-jit: executed by graphql-js') })]
        : []),
    ],
    formatError: createFormatError((errorId, error) => logger.error({ errorId, err: error }, 'GraphQL internal error')),
    context: async ({ req, res }: { req: Request & { id?: string }; res?: Response }): Promise<ApiContext> => {
      // One fork per request: its identity map and loaders never leak into another request.
      const em = orm.em.fork();
      // Credential errors are reported by the authentication plugin (or the first resolver that
      // needs a viewer) as GraphQL errors with their code.
      const { viewer, authError, sessionProblem } = await resolveRequestCredentials(em, req, config.auth.jwtSecret, { requireCsrf: true });
      (req as Request & { viewer?: Viewer | null }).viewer = viewer;
      // One count per HTTP request, whatever the operation selects; TOO_MANY_REQUESTS ends it with 429.
      await limits.count(req, res, viewer);
      return {
        req,
        em,
        viewer,
        authError,
        sessionProblem,
        requestId: String(req.id ?? randomUUID()),
        loaders: createPlanLoaders(em),
        maxPageSize: config.graphql.maxPageSize,
      };
    },
  };
}
