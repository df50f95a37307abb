import { Module } from '@nestjs/common';
import { GoalSignalsResolver, ObjectiveSignalsResolver, ReviewQueueResolver } from './signals.resolver';

export const PLAN_SIGNALS_RESOLVERS = [ObjectiveSignalsResolver, GoalSignalsResolver, ReviewQueueResolver];

/** Review signals: missing statuses and results, deferrals, contradictions. */
@Module({ providers: PLAN_SIGNALS_RESOLVERS })
export class PlanSignalsModule {}
