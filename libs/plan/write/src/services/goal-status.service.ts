import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { DeclaredState, GoalStatus, GoalStatusVersion } from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { PlanMappers, type PlanTypes } from '@dup/plan-read';
import { findGoal, requireGoalLead } from './department-access';
import { deferral, MAX_NARRATIVE, optionalLabel, percent, text } from './validation';
import {
  assertDepartmentsOpen,
  assertPeriodWritable,
  checkExpectedVersion,
  conflict,
  italianDate,
  lockPeriodForWrite,
  runVersionedWrite,
  type WriteContext,
} from './write-context';

export interface SetGoalStatus {
  goalId: string;
  /** Cut-off date of a period of the goal's edition. */
  period: string;
  /** The version the writer read; null when creating the status. */
  expectedVersion?: number | null;
  narrative: string;
  declaredState: DeclaredState;
  percentComplete?: string | null;
  asOfLabel?: string | null;
  deferredTo?: string | null;
  deferralText?: string | null;
}

const WHAT = 'Lo stato di attuazione della finalità';
const show = (s: GoalStatus) => PlanMappers.toGoalStatus(s);

/**
 * Sets a goal's status for a period: a full replacement of the fields, checked against the
 * version the writer read, with the history row and the audit row in the same transaction.
 */
export async function setGoalStatus(ctx: WriteContext, input: SetGoalStatus): Promise<PlanTypes.GoalStatusType> {
  const narrative = text('narrative', input.narrative, MAX_NARRATIVE, input.declaredState === DeclaredState.DEFERRED);
  const percentComplete = percent('percentComplete', input.percentComplete);
  const asOfLabel = optionalLabel('asOfLabel', input.asOfLabel);
  const deferralText = optionalLabel('deferralText', input.deferralText);
  const { viewer } = ctx;
  return runVersionedWrite(
    ctx.em,
    async (tx) => {
      const { goal, editionId } = await findGoal(tx, viewer, input.goalId);
      const leadDepartments = await requireGoalLead(tx, viewer, goal);
      const period = await lockPeriodForWrite(tx, editionId, input.period);
      assertPeriodWritable(period, viewer);
      await assertDepartmentsOpen(tx, viewer, period, leadDepartments);
      const deferredTo = deferral('deferredTo', input.deferredTo, period.cutoffDate, input.declaredState === DeclaredState.DEFERRED, 'declaredState');

      const current = await tx.findOne(GoalStatus, { goal, period }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      checkExpectedVersion(current, input.expectedVersion, WHAT, show);
      const before = current ? show(current) : null;
      if (current) await keepVersionInHistory(tx, current.id);
      const status = current ?? tx.create(GoalStatus, { ente: viewer.enteId, goal, period, asOfLabel: '' });
      status.narrative = narrative;
      status.declaredState = input.declaredState;
      status.percentComplete = percentComplete ?? undefined;
      status.asOfLabel = asOfLabel ?? `al ${italianDate(period.cutoffDate)}`;
      status.deferredTo = deferredTo ?? undefined;
      status.deferralText = deferralText ?? undefined;
      status.author = viewer.username;
      status.version = current ? current.version + 1 : 1;
      tx.create(GoalStatusVersion, {
        ente: viewer.enteId,
        status,
        version: status.version,
        narrative: status.narrative,
        asOfLabel: status.asOfLabel,
        declaredState: status.declaredState,
        percentComplete: status.percentComplete,
        deferredTo: status.deferredTo,
        deferralText: status.deferralText,
        author: status.author,
      });
      await tx.flush();
      const after = show(status);
      await recordAudit(tx, viewer, {
        operation: 'SET_GOAL_STATUS',
        entityType: 'GoalStatus',
        entityId: status.id,
        periodId: period.id,
        before: before && { goalId: goal.id, ...before },
        after: { goalId: goal.id, ...after },
        requestId: ctx.requestId,
      });
      return after;
    },
    async (fresh) => {
      const { goal, editionId } = await findGoal(fresh, viewer, input.goalId);
      const current = await fresh.findOne(GoalStatus, { goal, period: { edition: editionId, cutoffDate: input.period } }, { populate: ['period'] });
      return conflict(WHAT, current, show);
    },
  );
}

/**
 * Statuses written before the history existed (the import, the seed) have no history row for
 * their current version: copy it before overwriting, so every version stays retrievable.
 */
async function keepVersionInHistory(tx: EntityManager, statusId: string): Promise<void> {
  await tx.getConnection().execute(
    `insert into goal_status_version (id, ente_id, status_id, version, narrative, as_of_label, declared_state, percent_complete, deferred_to, deferral_text, author, created_at)
     select ?, ente_id, id, version, narrative, as_of_label, declared_state, percent_complete, deferred_to, deferral_text, author, updated_at
     from goal_status where id = ? on conflict (status_id, version) do nothing`,
    [randomUUID(), statusId],
    'run',
    tx.getTransactionContext(),
  );
}
