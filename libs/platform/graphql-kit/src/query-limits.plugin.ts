import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { operationDepth } from './operation-depth';

/**
 * Rejects an operation that is too deep or too costly once it is parsed and validated, before
 * any resolver runs. List fields declare their multiplier through `@Field({ complexity })`;
 * paginated fields use `first`.
 */
export function queryLimitsPlugin(options: { schema: () => GraphQLSchema; maxDepth: number; maxCost: number }): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation({ request, document, operation }) {
          const depth = operation ? operationDepth(document, operation) : 0;
          if (depth > options.maxDepth) {
            throw new GraphQLError(`La richiesta è troppo annidata: profondità ${depth}, massimo consentito ${options.maxDepth}.`, {
              extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth: options.maxDepth },
            });
          }
          let cost: number;
          try {
            cost = getComplexity({
              schema: options.schema(),
              operationName: request.operationName,
              query: document,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Costing coerces the variables first: wrong variables are the caller's error, not ours.
            if (error instanceof GraphQLError) {
              throw new GraphQLError(`Variabili non valide: ${error.message}`, { extensions: { code: 'BAD_USER_INPUT' } });
            }
            throw error;
          }
          if (cost > options.maxCost) {
            throw new GraphQLError(
              `La richiesta è troppo onerosa: costo stimato ${cost}, massimo consentito ${options.maxCost}. Ridurre i campi o usare la paginazione.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: options.maxCost } },
            );
          }
        },
      };
    },
  };
}

/** Cost multiplier for a list whose expected length is known from the domain. */
export const listOf =
  (expected: number) =>
  ({ childComplexity }: { childComplexity: number }) =>
    1 + expected * childComplexity;

/** Cost of a cursor-paginated list: `first` items (or the maximum page). */
export const pageOf =
  (maxPage: number) =>
  ({ args, childComplexity }: { args: { first?: number | null }; childComplexity: number }) =>
    1 + Math.min(args.first ?? maxPage, maxPage) * childComplexity;
