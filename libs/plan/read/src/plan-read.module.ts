import { Module } from '@nestjs/common';
import { PlanQueryResolver } from './resolvers/query.resolver';
import {
  GoalDepartmentResolver,
  GoalResolver,
  IndicatorResolver,
  MandateLineResolver,
  MandateResolver,
  OperationalObjectiveResolver,
  PlanEditionResolver,
  ReportingPeriodResolver,
  StrategicObjectiveResolver,
} from './resolvers/tree.resolvers';

/** Every resolver of the read API, also used to print the committed schema. */
export const PLAN_READ_RESOLVERS = [
  PlanQueryResolver,
  PlanEditionResolver,
  MandateResolver,
  ReportingPeriodResolver,
  MandateLineResolver,
  StrategicObjectiveResolver,
  OperationalObjectiveResolver,
  GoalResolver,
  GoalDepartmentResolver,
  IndicatorResolver,
];

/** The read side of the plan: the whole tree, spending and the indicator search. */
@Module({ providers: PLAN_READ_RESOLVERS })
export class PlanReadModule {}
