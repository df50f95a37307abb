import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LocalDateScalar, listOf } from '@dup/graphql-kit';
import type { PlanReadContext } from '../context';
import { visibleToViewer } from '../read-access';
import { countPlan } from '../services/plan-summary.service';
import * as T from '../types';

/** Summaries cached per tree (one per requested period), bounded against arbitrary dates. */
const MAX_CACHED_SUMMARIES = 16;

/**
 * Only the edition's fields and the two period-filtered lists are resolvers: every other level of
 * the tree is a plain property of the DTOs the edition's read model carries (see
 * read-model/edition-tree.ts), so graphql-js reads it without a resolver call per object.
 */
@Resolver(() => T.PlanEditionType)
export class PlanEditionResolver {
  @ResolveField(() => T.EnteType, { description: "Ente titolare dell'edizione." })
  async ente(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.editionTree(e)).ente;
  }

  @ResolveField(() => T.MandateType, { description: 'Mandato amministrativo di riferimento.' })
  async mandate(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.editionTree(e)).mandate;
  }

  @ResolveField(() => [T.EditionActType], { description: "Atti della storia dell'edizione, in ordine di data.", complexity: listOf(10) })
  async acts(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.editionTree(e)).acts;
  }

  @ResolveField(() => [T.AmendmentType], { description: "Variazioni dell'edizione in corso d'anno.", complexity: listOf(5) })
  async amendments(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.editionTree(e)).amendments;
  }

  @ResolveField(() => [T.ReportingPeriodType], { description: 'Periodi di rendicontazione, in ordine di scadenza.', complexity: listOf(6) })
  async periods(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.editionTree(e)).periods;
  }

  @ResolveField(() => T.PlanSummaryType, {
    description:
      'Consistenza della programmazione alla scadenza indicata (predefinita: la più recente), esclusi gli obiettivi introdotti da variazioni successive.',
  })
  async summary(
    @Parent() e: T.PlanEditionType,
    @Context() ctx: PlanReadContext,
    @Args('period', { type: () => LocalDateScalar, nullable: true, description: 'Scadenza di riferimento.' }) period?: string,
  ) {
    const tree = await ctx.loaders.editionTree(e);
    const key = period ?? '';
    const cached = tree.summaries.get(key);
    if (cached) return cached;
    const summary = await countPlan(ctx.em, e.id, period);
    if (tree.summaries.size < MAX_CACHED_SUMMARIES) tree.summaries.set(key, summary);
    return summary;
  }

  @ResolveField(() => [T.MandateLineType], { description: 'Linee di mandato, in ordine di numero.', complexity: listOf(10) })
  async mandateLines(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.editionTree(e)).mandateLines;
  }

  @ResolveField(() => [T.StrategicObjectiveType], { description: "Tutti gli obiettivi strategici dell'edizione.", complexity: listOf(20) })
  async strategicObjectives(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.editionTree(e)).strategicObjectives;
  }
}

@Resolver(() => T.GoalType)
export class GoalResolver {
  @ResolveField(() => [T.GoalStatusType], { description: 'Stati di attuazione, in ordine di scadenza; filtrabili per scadenza.', complexity: listOf(2) })
  statuses(
    @Parent() g: T.GoalType,
    @Context() ctx: PlanReadContext,
    @Args('period', { type: () => LocalDateScalar, nullable: true, description: 'Solo lo stato a questa scadenza.' }) period?: string,
  ): T.GoalStatusType[] {
    return visibleToViewer(ctx, period ? g.statusList.filter((s) => s.period === period) : g.statusList);
  }
}

@Resolver(() => T.IndicatorType)
export class IndicatorResolver {
  @ResolveField(() => [T.IndicatorResultType], { description: 'Risultati, in ordine di scadenza; filtrabili per scadenza.', complexity: listOf(2) })
  results(
    @Parent() i: T.IndicatorType,
    @Context() ctx: PlanReadContext,
    @Args('period', { type: () => LocalDateScalar, nullable: true, description: 'Solo il risultato a questa scadenza.' }) period?: string,
  ): T.IndicatorResultType[] {
    return visibleToViewer(ctx, period ? i.resultList.filter((r) => r.period === period) : i.resultList);
  }
}
