import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { VoteChoice } from '@dup/domain';
import { listOf } from '@dup/graphql-kit';
import type { PlanReadContext } from '../context';
import { loadCouncilSessions } from '../services/council-session.service';
import * as T from '../types';

type SessionContext = PlanReadContext & { councilSessionLoader?: DataLoader<string, T.CouncilSessionType | null> };

/** One batch per request for every act whose session is asked for (periods, edition acts, amendments). */
const sessionLoader = (ctx: SessionContext) =>
  (ctx.councilSessionLoader ??= new DataLoader<string, T.CouncilSessionType | null>(async (actIds) => {
    const sessions = await loadCouncilSessions(ctx.em, actIds);
    return actIds.map((id) => sessions.get(id) ?? null);
  }));

@Resolver(() => T.ActType)
export class ActCouncilSessionResolver {
  @ResolveField(() => T.CouncilSessionType, {
    nullable: true,
    description: "Verbale della seduta del Consiglio che ha adottato l'atto (presenze, votazioni nominali, firme), se registrato.",
  })
  councilSession(@Parent() act: T.ActType, @Context() ctx: SessionContext): Promise<T.CouncilSessionType | null> {
    return sessionLoader(ctx).load(act.id);
  }
}

@Resolver(() => T.CouncilMotionType)
export class CouncilMotionResolver {
  @ResolveField(() => [T.CouncilVoteType], {
    description: 'Voti nominativi in ordine di appello; filtrabili per voto (es. i nomi degli astenuti).',
    complexity: listOf(40),
  })
  votes(
    @Parent() motion: T.CouncilMotionType,
    @Args('choice', { type: () => VoteChoice, nullable: true, description: 'Solo i voti di questo tipo.' }) choice?: VoteChoice,
  ): T.CouncilVoteType[] {
    return choice ? motion.voteList.filter((v) => v.choice === choice) : motion.voteList;
  }
}
