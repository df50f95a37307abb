import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { IndicatorResult, IndicatorResultVersion, ResultStatus } from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { badUserInput } from '@dup/graphql-kit';
import { PlanMappers, type PlanTypes } from '@dup/plan-read';
import { findIndicator, requireObjectiveLead } from './department-access';
import { decimal, deferral, MAX_TEXT, optionalLabel, text } from './validation';
import {
  assertDepartmentsOpen,
  assertPeriodWritable,
  checkExpectedVersion,
  conflict,
  lockPeriodForWrite,
  runVersionedWrite,
  type WriteContext,
} from './write-context';

export interface RecordIndicatorResult {
  indicatorId: string;
  period: string;
  expectedVersion?: number | null;
  /** Verbatim, as reported: stored without rewording (only surrounding blanks are trimmed). */
  text: string;
  value?: string | null;
  unit?: string | null;
  status: ResultStatus;
  deferredTo?: string | null;
}

const WHAT = "Il risultato dell'indicatore";
const show = (r: IndicatorResult) => PlanMappers.toResult(r);

/** Records an indicator's result for a period, with the same locking, history and audit as statuses. */
export async function recordIndicatorResult(ctx: WriteContext, input: RecordIndicatorResult): Promise<PlanTypes.IndicatorResultType> {
  // Only a REPORTED result must say something; EMPTY, DEFERRED and the others may be blank.
  const resultText = text('text', input.text, MAX_TEXT, input.status !== ResultStatus.REPORTED);
  const value = decimal('value', input.value);
  const unit = optionalLabel('unit', input.unit);
  if (unit && value == null) throw badUserInput('unit', "L'unità di misura accompagna un valore: indicare anche il valore.");
  const { viewer } = ctx;
  return runVersionedWrite(
    ctx.em,
    async (tx) => {
      const { indicator, objective, editionId } = await findIndicator(tx, viewer, input.indicatorId);
      const leadDepartments = await requireObjectiveLead(tx, viewer, objective);
      const period = await lockPeriodForWrite(tx, editionId, input.period);
      assertPeriodWritable(period, viewer);
      await assertDepartmentsOpen(tx, viewer, period, leadDepartments);
      const deferredTo = deferral('deferredTo', input.deferredTo, period.cutoffDate, input.status === ResultStatus.DEFERRED, 'status');

      const current = await tx.findOne(IndicatorResult, { indicator, period }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      checkExpectedVersion(current, input.expectedVersion, WHAT, show);
      const before = current ? show(current) : null;
      if (current) await keepVersionInHistory(tx, current.id);
      const result = current ?? tx.create(IndicatorResult, { ente: viewer.enteId, indicator, period, status: input.status });
      result.text = resultText;
      result.value = value ?? undefined;
      result.unit = unit ?? undefined;
      result.status = input.status;
      result.deferredTo = deferredTo ?? undefined;
      result.author = viewer.username;
      result.version = current ? current.version + 1 : 1;
      tx.create(IndicatorResultVersion, {
        ente: viewer.enteId,
        result,
        version: result.version,
        text: result.text,
        value: result.value,
        unit: result.unit,
        status: result.status,
        deferredTo: result.deferredTo,
        author: result.author,
      });
      await tx.flush();
      const after = show(result);
      await recordAudit(tx, viewer, {
        operation: 'RECORD_INDICATOR_RESULT',
        entityType: 'IndicatorResult',
        entityId: result.id,
        periodId: period.id,
        before: before && { indicatorId: indicator.id, ...before },
        after: { indicatorId: indicator.id, ...after },
        requestId: ctx.requestId,
      });
      return after;
    },
    async (fresh) => {
      const { indicator, editionId } = await findIndicator(fresh, viewer, input.indicatorId);
      const current = await fresh.findOne(IndicatorResult, { indicator, period: { edition: editionId, cutoffDate: input.period } }, { populate: ['period'] });
      return conflict(WHAT, current, show);
    },
  );
}

/** As for statuses: results written before the history existed keep their current version. */
async function keepVersionInHistory(tx: EntityManager, resultId: string): Promise<void> {
  await tx.getConnection().execute(
    `insert into indicator_result_version (id, ente_id, result_id, version, text, value, unit, status, deferred_to, author, created_at)
     select ?, ente_id, id, version, text, value, unit, status, deferred_to, author, updated_at
     from indicator_result where id = ? on conflict (result_id, version) do nothing`,
    [randomUUID(), resultId],
    'run',
    tx.getTransactionContext(),
  );
}
