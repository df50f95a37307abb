import { Module } from '@nestjs/common';
import { PlanQueryResolver } from './resolvers/query.resolver';
import { GoalResolver, IndicatorResolver, PlanEditionResolver } from './resolvers/tree.resolvers';

/** Every resolver of the read API, also used to print the committed schema. */
export const PLAN_READ_RESOLVERS = [
  PlanQueryResolver,
  PlanEditionResolver,
  GoalResolver,
  IndicatorResolver,
];

/** The read side of the plan: the whole tree, spending and the indicator search. */
@Module({ providers: PLAN_READ_RESOLVERS })
export class PlanReadModule {}
