import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { AppConfig } from '@dup/config';
import { createFormatError, queryLimitsPlugin } from '@dup/graphql-kit';
import { createPlanLoaders, type PlanReadContext } from '@dup/plan-read';

/** Apollo settings shared by the server and by the schema printer. */
export function graphqlOptions(config: AppConfig, orm: MikroORM, logger: Logger): ApolloDriverConfig {
  let schema: GraphQLSchema | undefined;
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    introspection: config.graphql.introspection,
    playground: false,
    csrfPrevention: true,
    persistedQueries: false,
    transformSchema: (built: GraphQLSchema) => {
      schema = built;
      return built;
    },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin({ schema: () => schema!, maxDepth: config.graphql.maxDepth, maxCost: config.graphql.maxCost }),
    ],
    formatError: createFormatError((errorId, error) => logger.error({ errorId, err: error }, 'GraphQL internal error')),
    context: (): PlanReadContext => {
      // One fork per request: its identity map and loaders never leak into another request.
      const em = orm.em.fork();
      return { em, loaders: createPlanLoaders(em), maxPageSize: config.graphql.maxPageSize };
    },
  };
}
