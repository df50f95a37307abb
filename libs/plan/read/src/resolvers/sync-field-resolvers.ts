import { type GraphQLSchema, isObjectType } from 'graphql';
import type { PlanReadContext } from '../context';
import { visibleToViewer } from '../read-access';
import type * as T from '../types';

const byPeriod = <V extends { period: string }>(list: V[], period: unknown): V[] =>
  typeof period === 'string' ? list.filter((v) => v.period === period) : list;

/**
 * `Goal.statuses(period)` and `Indicator.results(period)` only filter a list their DTO already
 * carries, but a Nest field resolver always answers with a promise: graphql-js would then
 * complete every goal and indicator (and each of their ancestors) asynchronously, one of the
 * largest costs of the whole-tree query. This gives those two fields plain synchronous resolvers
 * with the same behaviour as the Nest ones (no guard or interceptor applies to field resolvers).
 * Pass it the built schema (`transformSchema`); the SDL does not change.
 */
export function withSynchronousPlanFields(schema: GraphQLSchema): GraphQLSchema {
  const goal = schema.getType('Goal');
  const indicator = schema.getType('Indicator');
  if (isObjectType(goal)) goal.getFields()['statuses'].resolve = (g: T.GoalType, args: { period?: string | null }, ctx: PlanReadContext) =>
      visibleToViewer(ctx, byPeriod(g.statusList, args.period));
  if (isObjectType(indicator)) {
    indicator.getFields()['results'].resolve = (i: T.IndicatorType, args: { period?: string | null }, ctx: PlanReadContext) =>
      visibleToViewer(ctx, byPeriod(i.resultList, args.period));
  }
  return schema;
}
