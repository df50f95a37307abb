import { Goal, Indicator, IndicatorKind, IndicatorTarget, Polarity } from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { badUserInput, checkId, notFound } from '@dup/graphql-kit';
import { PlanMappers } from '@dup/plan-read';
import { type IndicatorTargetInput, validTarget } from '../indicator-targets.service';
import { MAX_LABEL, optionalLabel, text } from '../validation';
import type { WriteContext } from '../write-context';
import { amendmentSnapshot } from './amendments.service';
import type { StructureChange } from './objectives.service';
import { assertNotRetired, findOperational, loadAmendment } from './structure-checks';

export interface IndicatorInput {
  name: string;
  kind: IndicatorKind;
  polarity?: Polarity | null;
  unit?: string | null;
  groupLabel?: string | null;
  /** The goal of the same objective the indicator is printed with, if any. */
  goalId?: string | null;
  targets?: IndicatorTargetInput[] | null;
}

/** Adds an indicator, with its targets, at the end of an operational objective in force at the amendment's date. */
export async function addIndicator(ctx: WriteContext, amendmentId: string, objectiveCode: string, input: IndicatorInput): Promise<StructureChange> {
  const { viewer } = ctx;
  const name = text('name', input.name, MAX_LABEL * 5);
  return ctx.em.transactional(async (tx) => {
    const amendment = await loadAmendment(tx, viewer, amendmentId);
    const edition = amendment.edition.getEntity();
    const objective = await findOperational(tx, amendment, objectiveCode, 'objectiveCode');
    assertNotRetired(objective, amendment, 'objectiveCode');
    assertNotRetired(objective.strategicObjective.getEntity(), amendment, 'objectiveCode');
    let goal: Goal | null = null;
    if (input.goalId) {
      checkId(input.goalId, 'Finalità');
      goal = await tx.findOne(Goal, { id: input.goalId, objective });
      if (!goal) throw notFound('Finalità', `${input.goalId} (obiettivo ${objective.code})`);
    }
    const targets = (input.targets ?? []).map((t, i) => validTarget(t, `targets.${i}`, edition));
    const years = targets.map((t) => t.year);
    const repeated = years.find((y, i) => years.indexOf(y) !== i);
    if (repeated !== undefined) throw badUserInput('targets', `Anno ripetuto: ${repeated}. Indicare un valore atteso per anno.`);
    const [{ max }] = await tx
      .getConnection()
      .execute<{ max: number | null }[]>(
        'select max(position) as max from indicator where objective_id = ?',
        [objective.id],
        'all',
        tx.getTransactionContext(),
      );
    const indicator = tx.create(Indicator, {
      ente: viewer.enteId,
      objective,
      goal: goal ?? undefined,
      position: (max ?? 0) + 1,
      name,
      kind: input.kind,
      polarity: input.polarity ?? Polarity.NONE,
      unit: optionalLabel('unit', input.unit) ?? undefined,
      groupLabel: optionalLabel('groupLabel', input.groupLabel) ?? undefined,
    });
    await tx.flush();
    const created = targets.map((t) => tx.create(IndicatorTarget, { ente: viewer.enteId, indicator, ...t }));
    await tx.flush();
    await recordAudit(tx, viewer, {
      operation: 'ADD_INDICATOR',
      entityType: 'Indicator',
      entityId: indicator.id,
      after: {
        objective: objective.code,
        name,
        kind: input.kind,
        goalId: goal?.id ?? null,
        targets: created.map(PlanMappers.toTarget),
        ...amendmentSnapshot(amendment),
      },
      requestId: ctx.requestId,
    });
    return { editionId: edition.id, mandateId: edition.mandate.id, operationalId: objective.id };
  });
}
