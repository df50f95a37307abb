import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LocalDateScalar, listOf } from '@dup/graphql-kit';
import type { PlanReadContext } from '../context';
import { visibleToViewer } from '../read-access';
import { planInForceAt } from '@dup/domain';
import { summarizePlan } from '../services/plan-summary.service';
import * as T from '../types';

/** Summaries cached per tree (one per requested date), bounded against arbitrary dates. */
const MAX_CACHED_SUMMARIES = 16;

const asOfArg = {
  type: () => LocalDateScalar,
  nullable: true,
  description: 'Data di riferimento: il piano come era a quella data (obiettivi introdotti entro la data e non ancora soppressi).',
};

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
      'Consistenza della programmazione a una data (predefinita: la scadenza più recente), esclusi gli obiettivi introdotti da variazioni successive o soppressi entro la data.',
  })
  async summary(
    @Parent() e: T.PlanEditionType,
    @Context() ctx: PlanReadContext,
    @Args('asOf', asOfArg) asOf?: string,
    @Args('period', { type: () => LocalDateScalar, nullable: true, description: 'Scadenza di riferimento (come asOf; asOf prevale).' }) period?: string,
  ) {
    const tree = await ctx.loaders.editionTree(e);
    const key = asOf ?? period ?? '';
    const cached = tree.summaries.get(key);
    if (cached) return cached;
    const summary = summarizePlan(tree, asOf ?? period);
    if (tree.summaries.size < MAX_CACHED_SUMMARIES) tree.summaries.set(key, summary);
    return summary;
  }

  @ResolveField(() => [T.MandateLineType], {
    description: 'Linee di mandato, in ordine di numero; con asOf, ciascuna con i soli obiettivi in vigore a quella data.',
    complexity: listOf(10),
  })
  async mandateLines(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext, @Args('asOf', asOfArg) asOf?: string) {
    const lines = (await ctx.loaders.editionTree(e)).mandateLines;
    return asOf ? planInForceAt(lines, asOf) : lines;
  }

  @ResolveField(() => [T.StrategicObjectiveType], {
    description: "Obiettivi strategici dell'edizione: tutti quelli registrati (anche soppressi) o, con asOf, quelli in vigore a quella data.",
    complexity: listOf(20),
  })
  async strategicObjectives(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext, @Args('asOf', asOfArg) asOf?: string) {
    const objectives = (await ctx.loaders.editionTree(e)).strategicObjectives;
    return asOf ? planInForceAt([{ strategicObjectives: objectives }], asOf)[0].strategicObjectives : objectives;
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
