import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LocalDateScalar, listOf } from '@dup/graphql-kit';
import type { PlanReadContext } from '../context';
import * as M from '../mappers';
import { countPlan } from '../services/plan-summary.service';
import * as T from '../types';

const present = <V>(values: (V | null | Error)[]): V[] => values.filter((v): v is V => v !== null && !(v instanceof Error));

/** Finds the cut-off date of a period id through the request's loaders. */
async function cutoffOf(ctx: PlanReadContext, periodId: string): Promise<string> {
  const period = await ctx.loaders.period.load(periodId);
  return period!.cutoffDate;
}

@Resolver(() => T.PlanEditionType)
export class PlanEditionResolver {
  @ResolveField(() => T.EnteType, { description: "Ente titolare dell'edizione." })
  async ente(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return M.toEnte((await ctx.loaders.ente.load(e.enteId))!);
  }

  @ResolveField(() => T.MandateType, { description: 'Mandato amministrativo di riferimento.' })
  async mandate(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return M.toMandate((await ctx.loaders.mandate.load(e.mandateId))!);
  }

  @ResolveField(() => [T.EditionActType], { description: "Atti della storia dell'edizione, in ordine di data.", complexity: listOf(10) })
  async acts(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    const rows = await ctx.loaders.actsByEdition.load(e.id);
    const acts = await ctx.loaders.act.loadMany(rows.map((r) => r.act.id));
    return rows.map((r, i) => ({ role: r.role, note: r.note ?? null, act: M.toAct(acts[i] as never) }));
  }

  @ResolveField(() => [T.AmendmentType], { description: "Variazioni dell'edizione in corso d'anno.", complexity: listOf(5) })
  async amendments(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    const rows = await ctx.loaders.amendmentsByEdition.load(e.id);
    const acts = await ctx.loaders.act.loadMany(rows.map((r) => r.act.id));
    return rows.map((r, i) => ({ id: r.id, effectiveDate: r.effectiveDate, description: r.description, act: M.toAct(acts[i] as never) }));
  }

  @ResolveField(() => [T.ReportingPeriodType], { description: 'Periodi di rendicontazione, in ordine di scadenza.', complexity: listOf(6) })
  async periods(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.periodsByEdition.load(e.id)).map(M.toPeriod);
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
    return countPlan(ctx.em, e.id, period);
  }

  @ResolveField(() => [T.MandateLineType], { description: 'Linee di mandato, in ordine di numero.', complexity: listOf(10) })
  async mandateLines(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.linesByMandate.load(e.mandateId)).map((l) => M.toLine(l, e.id));
  }

  @ResolveField(() => [T.StrategicObjectiveType], { description: "Tutti gli obiettivi strategici dell'edizione.", complexity: listOf(20) })
  async strategicObjectives(@Parent() e: T.PlanEditionType, @Context() ctx: PlanReadContext) {
    const rows = await ctx.loaders.strategicByEdition.load(e.id);
    const lines = await ctx.loaders.line.loadMany(rows.map((r) => r.line.id));
    return rows.map((r, i) => M.toStrategic(r, (lines[i] as { number: number }).number));
  }
}

@Resolver(() => T.MandateType)
export class MandateResolver {
  @ResolveField(() => T.ActType, { nullable: true, description: 'Atto di approvazione delle linee programmatiche.' })
  async approvedBy(@Parent() m: T.MandateType, @Context() ctx: PlanReadContext) {
    const act = m.approvedById ? await ctx.loaders.act.load(m.approvedById) : null;
    return act ? M.toAct(act) : null;
  }
}

@Resolver(() => T.ReportingPeriodType)
export class ReportingPeriodResolver {
  @ResolveField(() => T.ActType, { nullable: true, description: 'Atto della Giunta che ha preso atto dello stato di attuazione.' })
  async notedBy(@Parent() p: T.ReportingPeriodType, @Context() ctx: PlanReadContext) {
    const act = p.notedById ? await ctx.loaders.act.load(p.notedById) : null;
    return act ? M.toAct(act) : null;
  }

  @ResolveField(() => T.ActType, { nullable: true, description: 'Atto del Consiglio che ha approvato lo stato di attuazione.' })
  async approvedBy(@Parent() p: T.ReportingPeriodType, @Context() ctx: PlanReadContext) {
    const act = p.approvedById ? await ctx.loaders.act.load(p.approvedById) : null;
    return act ? M.toAct(act) : null;
  }
}

@Resolver(() => T.MandateLineType)
export class MandateLineResolver {
  @ResolveField(() => [T.StrategicDirectionType], { description: 'Indirizzi strategici della linea.', complexity: listOf(7) })
  async directions(@Parent() l: T.MandateLineType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.directionsByLine.load(l.id)).map(M.toDirection);
  }

  @ResolveField(() => [T.StrategicObjectiveType], { description: "Obiettivi strategici della linea nell'edizione.", complexity: listOf(3) })
  async strategicObjectives(@Parent() l: T.MandateLineType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.strategicByEditionLine.load(`${l.editionId}:${l.id}`)).map((s) => M.toStrategic(s, l.number));
  }
}

@Resolver(() => T.StrategicObjectiveType)
export class StrategicObjectiveResolver {
  @ResolveField(() => [T.MissionType], { description: "Missioni di bilancio dell'obiettivo, in ordine di stampa.", complexity: listOf(4) })
  async missions(@Parent() s: T.StrategicObjectiveType, @Context() ctx: PlanReadContext) {
    const rows = await ctx.loaders.missionsByStrategic.load(s.id);
    return present(await ctx.loaders.mission.loadMany(rows.map((r) => r.mission.unwrap().code))).map(M.toMission);
  }

  @ResolveField(() => [T.OperationalObjectiveType], { description: 'Obiettivi operativi.', complexity: listOf(4) })
  async operationalObjectives(@Parent() s: T.StrategicObjectiveType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.operationalByStrategic.load(s.id)).map(M.toOperational);
  }

  @ResolveField(() => T.AmendmentType, { nullable: true, description: "Variazione che ha introdotto l'obiettivo, se successiva all'approvazione." })
  async introducedBy(@Parent() s: T.StrategicObjectiveType, @Context() ctx: PlanReadContext) {
    return amendmentOf(ctx, s.introducedById);
  }
}

async function amendmentOf(ctx: PlanReadContext, id: string | null): Promise<T.AmendmentType | null> {
  if (!id) return null;
  const a = await ctx.loaders.amendment.load(id);
  if (!a) return null;
  const act = await ctx.loaders.act.load(a.act.id);
  return { id: a.id, effectiveDate: a.effectiveDate, description: a.description, act: M.toAct(act!) };
}

@Resolver(() => T.OperationalObjectiveType)
export class OperationalObjectiveResolver {
  @ResolveField(() => [T.PoliticalOwnerType], { description: 'Responsabili politici, in ordine di stampa.', complexity: listOf(1) })
  async owners(@Parent() o: T.OperationalObjectiveType, @Context() ctx: PlanReadContext) {
    const rows = await ctx.loaders.ownersByOperational.load(o.id);
    return present(await ctx.loaders.owner.loadMany(rows.map((r) => r.owner.id))).map(M.toOwner);
  }

  @ResolveField(() => [T.ProgrammeType], { description: 'Coppie Missione/Programma, in ordine di stampa.', complexity: listOf(3) })
  async programmes(@Parent() o: T.OperationalObjectiveType, @Context() ctx: PlanReadContext) {
    const rows = await ctx.loaders.programmesByOperational.load(o.id);
    const programmes = present(await ctx.loaders.programme.loadMany(rows.map((r) => r.programme.id)));
    const missions = await ctx.loaders.mission.loadMany(programmes.map((p) => p.mission.unwrap().code));
    return programmes.map((p, i) => M.toProgramme(p, missions[i] as never));
  }

  @ResolveField(() => [T.GoalType], { description: 'Finalità, in ordine.', complexity: listOf(4) })
  async goals(@Parent() o: T.OperationalObjectiveType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.goalsByOperational.load(o.id)).map(M.toGoal);
  }

  @ResolveField(() => [T.IndicatorType], { description: 'Indicatori, in ordine.', complexity: listOf(4) })
  async indicators(@Parent() o: T.OperationalObjectiveType, @Context() ctx: PlanReadContext) {
    const rows = await ctx.loaders.indicatorsByOperational.load(o.id);
    const goals = await ctx.loaders.goalsByOperational.load(o.id);
    const position = new Map(goals.map((g) => [g.id, g.position]));
    return rows.map((r) => M.toIndicator(r, r.goal ? (position.get(r.goal.id) ?? null) : null));
  }

  @ResolveField(() => T.AmendmentType, { nullable: true, description: "Variazione che ha introdotto l'obiettivo, se successiva all'approvazione." })
  async introducedBy(@Parent() o: T.OperationalObjectiveType, @Context() ctx: PlanReadContext) {
    return amendmentOf(ctx, o.introducedById);
  }
}

@Resolver(() => T.GoalType)
export class GoalResolver {
  @ResolveField(() => [T.GoalDepartmentType], { description: 'Settori coinvolti, con capofila e anni.', complexity: listOf(3) })
  async departments(@Parent() g: T.GoalType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.departmentsByGoal.load(g.id)).map(M.toGoalDepartment);
  }

  @ResolveField(() => [T.GoalStatusType], { description: 'Stati di attuazione, in ordine di scadenza; filtrabili per scadenza.', complexity: listOf(2) })
  async statuses(
    @Parent() g: T.GoalType,
    @Context() ctx: PlanReadContext,
    @Args('period', { type: () => LocalDateScalar, nullable: true, description: 'Solo lo stato a questa scadenza.' }) period?: string,
  ) {
    const rows = await ctx.loaders.statusesByGoal.load(g.id);
    const withCutoff = await Promise.all(rows.map(async (r) => M.toGoalStatus(r, await cutoffOf(ctx, r.period.id))));
    return withCutoff.filter((s) => !period || s.period === period).sort((a, b) => a.period.localeCompare(b.period));
  }
}

@Resolver(() => T.GoalDepartmentType)
export class GoalDepartmentResolver {
  @ResolveField(() => T.DepartmentType, { nullable: true, description: 'Settore; assente per la voce "tutti i settori".' })
  async department(@Parent() r: T.GoalDepartmentType, @Context() ctx: PlanReadContext) {
    const d = r.departmentId ? await ctx.loaders.department.load(r.departmentId) : null;
    return d ? M.toDepartment(d) : null;
  }
}

@Resolver(() => T.IndicatorType)
export class IndicatorResolver {
  @ResolveField(() => [T.IndicatorTargetType], { description: 'Valori attesi per anno.', complexity: listOf(2) })
  async targets(@Parent() i: T.IndicatorType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.targetsByIndicator.load(i.id)).map(M.toTarget);
  }

  @ResolveField(() => [T.IndicatorResultType], { description: 'Risultati, in ordine di scadenza; filtrabili per scadenza.', complexity: listOf(2) })
  async results(
    @Parent() i: T.IndicatorType,
    @Context() ctx: PlanReadContext,
    @Args('period', { type: () => LocalDateScalar, nullable: true, description: 'Solo il risultato a questa scadenza.' }) period?: string,
  ) {
    const rows = await ctx.loaders.resultsByIndicator.load(i.id);
    const mapped = await Promise.all(rows.map(async (r) => M.toResult(r, await cutoffOf(ctx, r.period.id))));
    return mapped.filter((r) => !period || r.period === period).sort((a, b) => a.period.localeCompare(b.period));
  }

  @ResolveField(() => String, { description: "Codice dell'obiettivo operativo a cui appartiene l'indicatore." })
  async objectiveCode(@Parent() i: T.IndicatorType, @Context() ctx: PlanReadContext) {
    return (await ctx.loaders.operational.load(i.objectiveId))!.code;
  }

}
