import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { computeObjectiveSignals, Goal, GoalStatus, Indicator, IndicatorResult, OperationalObjective, type GoalSignals, type ObjectiveSignals } from '@dup/domain';

/** A goal's signals with what a reader needs to recognise and link to the goal. */
export interface LoadedGoalSignals extends GoalSignals {
  goalPosition: number;
  goalTitle: string;
}

export interface LoadedObjectiveSignals extends Omit<ObjectiveSignals, 'byGoal'> {
  objectiveId: string;
  objectiveCode: string;
  objectiveTitle: string;
  byGoal: LoadedGoalSignals[];
}

/**
 * Signals of many operational objectives for one period in a fixed number of statements
 * (objectives, goals, statuses, indicators, results), keyed by `objectiveId|cutoffDate`.
 */
export function createSignalsLoader(em: EntityManager) {
  return new DataLoader<string, LoadedObjectiveSignals | null>(async (keys) => {
    const byPeriod = new Map<string, string[]>();
    for (const key of keys) {
      const [objectiveId, period] = key.split('|');
      byPeriod.set(period, [...(byPeriod.get(period) ?? []), objectiveId]);
    }
    const results = new Map<string, LoadedObjectiveSignals>();
    for (const [period, objectiveIds] of byPeriod) {
      const [objectives, goals, statuses, indicators, indicatorResults] = await Promise.all([
        em.find(OperationalObjective, { id: { $in: objectiveIds } }),
        em.find(Goal, { objective: { $in: objectiveIds } }),
        em.find(GoalStatus, { goal: { objective: { $in: objectiveIds } }, period: { cutoffDate: period } }),
        em.find(Indicator, { objective: { $in: objectiveIds } }),
        em.find(IndicatorResult, { indicator: { objective: { $in: objectiveIds } }, period: { cutoffDate: period } }),
      ]);
      for (const objective of objectives) {
        const own = <T extends { objective: { id: string } }>(rows: T[]) => rows.filter((r) => r.objective.id === objective.id);
        const ownGoals = own(goals);
        const goalIds = new Set(ownGoals.map((g) => g.id));
        const ownIndicators = own(indicators);
        const indicatorIds = new Set(ownIndicators.map((i) => i.id));
        const signals = computeObjectiveSignals(
          ownGoals.map((g) => ({ id: g.id, position: g.position })),
          statuses
            .filter((s) => goalIds.has(s.goal.id))
            .map((s) => ({ goalId: s.goal.id, declaredState: s.declaredState, percentComplete: s.percentComplete, deferredTo: s.deferredTo, narrative: s.narrative })),
          ownIndicators.map((i) => ({ id: i.id, position: i.position, goalId: i.goal?.id ?? null })),
          indicatorResults.filter((r) => indicatorIds.has(r.indicator.id)).map((r) => ({ indicatorId: r.indicator.id, status: r.status })),
        );
        const goalById = new Map(ownGoals.map((g) => [g.id, g]));
        results.set(`${objective.id}|${period}`, {
          ...signals,
          byGoal: signals.byGoal.map((g) => ({ ...g, goalPosition: goalById.get(g.goalId)!.position, goalTitle: goalById.get(g.goalId)!.title })),
          objectiveId: objective.id,
          objectiveCode: objective.code,
          objectiveTitle: objective.title,
        });
      }
    }
    return keys.map((k) => results.get(k) ?? null);
  });
}
