import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DRAFT_READERS, requireRole, type AuthContext } from '@dup/auth';
import { LocalDateScalar, type RequestContextBase } from '@dup/graphql-kit';
import { PlanTypes } from '@dup/plan-read';

/**
 * `Goal.previousStatus(period)`: the narrative a writer sees for reference while filling in a
 * period. Computed from the goal's statuses already in the read model (no statement per goal).
 * Limited to the roles that read drafts: the previous period may not be public yet.
 */
@Resolver(() => PlanTypes.GoalType)
export class GoalPreviousStatusResolver {
  @ResolveField(() => PlanTypes.GoalStatusType, {
    nullable: true,
    description: 'Stato di attuazione del periodo più recente anteriore alla scadenza indicata, come riferimento per la compilazione.',
  })
  previousStatus(
    @Parent() goal: PlanTypes.GoalType,
    @Context() ctx: RequestContextBase & AuthContext,
    @Args('period', { type: () => LocalDateScalar, description: 'Scadenza del periodo in compilazione.' }) period: string,
  ): PlanTypes.GoalStatusType | null {
    requireRole(ctx, DRAFT_READERS);
    return goal.statusList.filter((s) => s.period < period).at(-1) ?? null;
  }
}
