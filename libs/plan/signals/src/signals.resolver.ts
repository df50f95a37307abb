import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Department, Goal, GoalDepartment, OperationalObjective, ReportingPeriod, Role, type Contradiction, type Viewer } from '@dup/domain';
import { requireRole, requireViewer, visiblePeriodStates, type AuthContext } from '@dup/auth';
import { DomainError, LocalDateScalar, notFound, type RequestContextBase } from '@dup/graphql-kit';
import { PlanTypes } from '@dup/plan-read';
import { createSignalsLoader, type LoadedGoalSignals, type LoadedObjectiveSignals } from './signals.loader';
import { ContradictionKindEnum, type ContradictionType, GoalSignalsType, ObjectiveSignalsType } from './signals.types';

type SignalsContext = RequestContextBase &
  AuthContext & { signalsLoader?: ReturnType<typeof createSignalsLoader>; goalObjectiveLoader?: DataLoader<string, string | null> };

const loaderOf = (ctx: SignalsContext) => (ctx.signalsLoader ??= createSignalsLoader(ctx.em));

/** Goal id → its operational objective id, batched. */
const goalObjectiveOf = (ctx: SignalsContext) =>
  (ctx.goalObjectiveLoader ??= new DataLoader<string, string | null>(async (ids) => {
    const goals = await ctx.em.find(Goal, { id: { $in: [...ids] } }, { fields: ['id', 'objective'] });
    const map = new Map(goals.map((g) => [g.id, g.objective.id]));
    return ids.map((id) => map.get(id) ?? null);
  }));

/** Refuses signals of a period whose statuses the viewer may not read yet. */
async function assertPeriodReadable(em: EntityManager, viewer: Viewer, period: string): Promise<void> {
  const states = visiblePeriodStates(viewer);
  if (!states) return;
  const visible = await em.count(ReportingPeriod, { ente: viewer.enteId, cutoffDate: period, state: { $in: [...states] as never } });
  if (!visible) {
    throw new DomainError('FORBIDDEN', "Gli stati di attuazione di questo periodo non sono ancora stati presi d'atto dalla Giunta.", { period });
  }
}

const toContradictions = (list: Contradiction[]): ContradictionType[] => list.map((c) => ({ ...c, kind: c.kind as ContradictionKindEnum }));

const toGoalSignals = (g: LoadedGoalSignals, period: string): GoalSignalsType => ({ period, ...g, contradictions: toContradictions(g.contradictions) });

const toObjectiveSignals = (s: LoadedObjectiveSignals, period: string): ObjectiveSignalsType => ({
  period,
  objectiveId: s.objectiveId,
  objectiveCode: s.objectiveCode,
  objectiveTitle: s.objectiveTitle,
  goals: s.goals,
  goalsWithoutStatus: s.goalsWithoutStatus,
  deferredGoals: s.deferredGoals,
  indicators: s.indicators,
  indicatorsWithoutResult: s.indicatorsWithoutResult,
  deferredIndicators: s.deferredIndicators,
  contradictions: toContradictions(s.contradictions),
  goalSignals: s.byGoal.map((g) => toGoalSignals(g, period)),
});

/** Ids of the edition's operational objectives in which the department leads or is involved in a goal. */
async function objectivesOfDepartment(em: EntityManager, viewer: Viewer, edition: string, code: string): Promise<Set<string>> {
  const department = await em.findOne(Department, { ente: viewer.enteId, code }, { fields: ['id'] });
  if (!department) throw notFound('Settore', code);
  const rows = await em.find(
    GoalDepartment,
    { department, goal: { objective: { edition: { code: edition, ente: viewer.enteId } } } },
    { populate: ['goal'], fields: ['goal.objective'], strategy: 'joined' },
  );
  return new Set(rows.map((r) => r.goal.getEntity().objective.id));
}

@Resolver(() => PlanTypes.OperationalObjectiveType)
export class ObjectiveSignalsResolver {
  @ResolveField(() => ObjectiveSignalsType, {
    nullable: true,
    description: 'Segnali per la verifica del periodo: finalità senza stato, rinvii, indicatori senza risultato, contraddizioni.',
  })
  async signals(
    @Parent() objective: PlanTypes.OperationalObjectiveType,
    @Context() ctx: SignalsContext,
    @Args('period', { type: () => LocalDateScalar, description: 'Scadenza del periodo.' }) period: string,
  ): Promise<ObjectiveSignalsType | null> {
    await assertPeriodReadable(ctx.em, requireViewer(ctx), period);
    const s = await loaderOf(ctx).load(`${objective.id}|${period}`);
    return s ? toObjectiveSignals(s, period) : null;
  }
}

@Resolver(() => PlanTypes.GoalType)
export class GoalSignalsResolver {
  @ResolveField(() => GoalSignalsType, { nullable: true, description: 'Segnali della finalità per la verifica del periodo.' })
  async signals(
    @Parent() goal: PlanTypes.GoalType,
    @Context() ctx: SignalsContext,
    @Args('period', { type: () => LocalDateScalar, description: 'Scadenza del periodo.' }) period: string,
  ): Promise<GoalSignalsType | null> {
    await assertPeriodReadable(ctx.em, requireViewer(ctx), period);
    const objectiveId = await goalObjectiveOf(ctx).load(goal.id);
    const s = objectiveId ? await loaderOf(ctx).load(`${objectiveId}|${period}`) : null;
    const own = s?.byGoal.find((g) => g.goalId === goal.id);
    return own ? toGoalSignals(own, period) : null;
  }
}

@Resolver()
export class ReviewQueueResolver {
  @Query(() => [ObjectiveSignalsType], {
    description:
      "Obiettivi operativi da verificare per un periodo: con contraddizioni, finalità senza stato o indicatori senza risultato, in ordine di codice; facoltativamente solo quelli di un settore.",
  })
  async reviewQueue(
    @Context() ctx: SignalsContext,
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('period', { type: () => LocalDateScalar, description: 'Scadenza del periodo.' }) period: string,
    @Args('department', {
      nullable: true,
      description: 'Codice di un settore: solo gli obiettivi operativi in cui il settore è capofila o coinvolto in almeno una finalità.',
    })
    department?: string,
  ): Promise<ObjectiveSignalsType[]> {
    const viewer = requireRole(ctx, [Role.PLANNING_OFFICE, Role.AUDITOR, Role.ADMIN, Role.DEPARTMENT_HEAD]);
    const [objectives, concerned] = await Promise.all([
      ctx.em.find(OperationalObjective, { edition: { code: edition, ente: viewer.enteId } }, { fields: ['id', 'code'] }),
      department ? objectivesOfDepartment(ctx.em, viewer, edition, department) : null,
    ]);
    if (objectives.length === 0) throw notFound('Edizione', edition);
    const selected = concerned ? objectives.filter((o) => concerned.has(o.id)) : objectives;
    const all = await loaderOf(ctx).loadMany(selected.map((o) => `${o.id}|${period}`));
    return all
      .filter((s): s is LoadedObjectiveSignals => Boolean(s) && !(s instanceof Error))
      .filter((s) => s.contradictions.length > 0 || s.goalsWithoutStatus > 0 || s.indicatorsWithoutResult > 0)
      .sort((a, b) => compareCodes(a.objectiveCode, b.objectiveCode))
      .map((s) => toObjectiveSignals(s, period));
  }
}

function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
