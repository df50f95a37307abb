import { DomainError, badUserInput, type ErrorCode } from '@dup/graphql-kit';
import type { PlanTypes } from '@dup/plan-read';
import { findGoal, findIndicator } from './department-access';
import { setGoalStatus, type SetGoalStatus } from './goal-status.service';
import { recordIndicatorResult, type RecordIndicatorResult } from './indicator-result.service';
import type { WriteContext } from './write-context';

export interface SaveGoalReport {
  goalId: string;
  period: string;
  status?: Omit<SetGoalStatus, 'goalId' | 'period'> | null;
  results?: Omit<RecordIndicatorResult, 'period'>[] | null;
}

export interface SavedGoalReport {
  status: PlanTypes.GoalStatusType | null;
  results: PlanTypes.IndicatorResultType[];
}

/**
 * What a department head saves from the goal form: the goal's status and the results of its
 * indicators, all or nothing. Each part goes through the same service (rules, optimistic
 * locking, history, audit) as its own mutation, inside one transaction; a failing part names
 * itself (`extensions.part`, `extensions.indicatorId`) and nothing is written.
 */
export async function saveGoalReport(ctx: WriteContext, input: SaveGoalReport): Promise<SavedGoalReport> {
  const results = input.results ?? [];
  if (!input.status && results.length === 0) throw badUserInput('status', 'Nulla da salvare: indicare lo stato della finalità o almeno un risultato.');
  const seen = new Set<string>();
  for (const r of results) {
    if (seen.has(r.indicatorId)) throw badUserInput('results', 'Lo stesso indicatore compare due volte: indicare un solo risultato per indicatore.');
    seen.add(r.indicatorId);
  }
  return ctx.em.transactional(async (tx) => {
    const inner: WriteContext = { ...ctx, em: tx };
    const { goal } = await findGoal(tx, ctx.viewer, input.goalId);
    const objectiveId = goal.objective.id;
    for (const r of results) {
      const { indicator, objective } = await findIndicator(tx, ctx.viewer, r.indicatorId);
      const ownGoal = indicator.goal?.id;
      if (objective.id !== objectiveId || (ownGoal && ownGoal !== goal.id)) {
        throw new DomainError('BAD_USER_INPUT', "L'indicatore non appartiene a questa finalità: salvarne il risultato dalla sua finalità.", {
          field: 'results',
          indicatorId: r.indicatorId,
        });
      }
    }
    const status = input.status
      ? await part({ part: 'status' }, () => setGoalStatus(inner, { ...input.status!, goalId: input.goalId, period: input.period }))
      : null;
    const saved: PlanTypes.IndicatorResultType[] = [];
    for (const r of results) {
      saved.push(await part({ part: 'result', indicatorId: r.indicatorId }, () => recordIndicatorResult(inner, { ...r, period: input.period })));
    }
    return { status, results: saved };
  });
}

/** Runs one part of the save; its error keeps code, message and details and says which part it was. */
async function part<T>(which: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) {
      const { code, ...details } = error.extensions as { code: ErrorCode } & Record<string, unknown>;
      throw new DomainError(code, error.message, { ...details, ...which });
    }
    throw error;
  }
}
