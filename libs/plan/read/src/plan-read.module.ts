import { Module } from '@nestjs/common';
import { ActCouncilSessionResolver, CouncilMotionResolver } from './resolvers/council-session.resolver';
import { GoalLinksResolver, OperationalObjectiveLinksResolver, StrategicObjectiveLinksResolver } from './resolvers/edition-links.resolvers';
import { GoalQueryResolver } from './resolvers/goal.resolver';
import { GoalContextResolver, OperationalObjectiveContextResolver } from './resolvers/plan-context.resolvers';
import { PlanQueryResolver } from './resolvers/query.resolver';
import { GoalResolver, IndicatorResolver, PlanEditionResolver } from './resolvers/tree.resolvers';
import { ViewerPlanResolver } from './resolvers/viewer.resolver';

/** Every resolver of the read API, also used to print the committed schema. */
export const PLAN_READ_RESOLVERS = [
  PlanQueryResolver,
  GoalQueryResolver,
  PlanEditionResolver,
  GoalResolver,
  IndicatorResolver,
  GoalContextResolver,
  OperationalObjectiveContextResolver,
  ViewerPlanResolver,
  ActCouncilSessionResolver,
  CouncilMotionResolver,
  StrategicObjectiveLinksResolver,
  OperationalObjectiveLinksResolver,
  GoalLinksResolver,
];

/** The read side of the plan: the whole tree, spending and the indicator search. */
@Module({ providers: PLAN_READ_RESOLVERS })
export class PlanReadModule {}
