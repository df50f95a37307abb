import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import {
  Act,
  ActBody,
  ActKind,
  DepartmentReview,
  EditionAct,
  EditionActRole,
  PERIOD_TRANSITIONS,
  PeriodKind,
  PeriodReopening,
  PeriodState,
  PlanEdition,
  REOPENABLE_STATES,
  ReportingPeriod,
  ReviewState,
} from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { badUserInput, DomainError, notFound } from '@dup/graphql-kit';
import { PlanMappers, type PlanTypes } from '@dup/plan-read';
import { italianDate, lockPeriodForWrite, PERIOD_STATE_LABELS, runVersionedWrite, type WriteContext } from './write-context';

/** The states reached through a formal act, with the body that adopts it. */
const ACT_OF_STATE: Partial<Record<PeriodState, { body: ActBody; role: EditionActRole; subject: string }>> = {
  [PeriodState.NOTED_BY_GIUNTA]: { body: ActBody.GIUNTA, role: EditionActRole.STATUS_REPORT_NOTE, subject: "Presa d'atto dello stato di attuazione del DUP" },
  [PeriodState.APPROVED_BY_COUNCIL]: {
    body: ActBody.CONSIGLIO,
    role: EditionActRole.STATUS_REPORT_APPROVAL,
    subject: 'Approvazione dello stato di attuazione del DUP',
  },
};

export interface PeriodAct {
  actNumber?: string | null;
  actDate?: string | null;
  actKind?: ActKind | null;
}

const toPeriodView = (p: ReportingPeriod) => PlanMappers.toPeriod(p);
const snapshot = (p: ReportingPeriod) => ({
  cutoffDate: p.cutoffDate,
  kind: p.kind,
  state: p.state,
  revision: p.revision,
  notedBy: p.notedBy?.id ?? null,
  approvedBy: p.approvedBy?.id ?? null,
});

async function findEdition(em: EntityManager, enteId: string, code: string): Promise<PlanEdition> {
  const edition = await em.findOne(PlanEdition, { ente: enteId, code });
  if (!edition) throw notFound('Edizione del DUP', code);
  return edition;
}

/** Opens the 30/06 or 31/12 reporting period of an edition year for data entry. */
export async function openReportingPeriod(ctx: WriteContext, editionCode: string, cutoffDate: string): Promise<PlanTypes.ReportingPeriodType> {
  const kind = cutoffDate.endsWith('-06-30') ? PeriodKind.MID_YEAR : cutoffDate.endsWith('-12-31') ? PeriodKind.YEAR_END : null;
  if (!kind) throw badUserInput('cutoffDate', 'La scadenza di rendicontazione è il 30/06 o il 31/12.');
  const { viewer } = ctx;
  const exists = () =>
    new DomainError('CONFLICT', `Il periodo al ${italianDate(cutoffDate)} esiste già per l'edizione ${editionCode}.`, { field: 'cutoffDate' });
  return runVersionedWrite(
    ctx.em,
    async (tx) => {
      const edition = await findEdition(tx, viewer.enteId, editionCode);
      const year = Number(cutoffDate.slice(0, 4));
      if (year < edition.startYear || year > edition.endYear) {
        throw badUserInput('cutoffDate', `La scadenza deve cadere negli anni dell'edizione (${edition.startYear}-${edition.endYear}).`);
      }
      if (await tx.count(ReportingPeriod, { edition, cutoffDate })) throw exists();
      const period = tx.create(ReportingPeriod, { ente: viewer.enteId, edition, cutoffDate, kind, state: PeriodState.OPEN });
      await tx.flush();
      await recordAudit(tx, viewer, {
        operation: 'OPEN_PERIOD',
        entityType: 'ReportingPeriod',
        entityId: period.id,
        periodId: period.id,
        after: snapshot(period),
        requestId: ctx.requestId,
      });
      return toPeriodView(period);
    },
    async () => exists(),
  );
}

/** Moves a period along its life cycle (see PERIOD_TRANSITIONS); act-bearing states record the act. */
export async function setReportingPeriodState(
  ctx: WriteContext,
  editionCode: string,
  cutoffDate: string,
  state: PeriodState,
  act: PeriodAct,
): Promise<PlanTypes.ReportingPeriodType> {
  const { viewer } = ctx;
  const needed = ACT_OF_STATE[state];
  if (!needed && (act.actNumber || act.actDate || act.actKind)) {
    throw badUserInput('actNumber', "L'atto si indica solo per la presa d'atto della Giunta e per l'approvazione del Consiglio.");
  }
  if (needed && !act.actNumber?.trim())
    throw badUserInput('actNumber', `Indicare il numero dell'atto (${needed.body === ActBody.GIUNTA ? 'Giunta' : 'Consiglio'}).`);
  if (needed && !act.actDate) throw badUserInput('actDate', "Indicare la data dell'atto.");
  return ctx.em.transactional(async (tx) => {
    const edition = await findEdition(tx, viewer.enteId, editionCode);
    // Taken for update: in-flight data-entry writes (which share-lock the period) finish first.
    const period = await lockPeriodForWrite(tx, edition.id, cutoffDate, LockMode.PESSIMISTIC_WRITE);
    if (!PERIOD_TRANSITIONS[period.state].includes(state)) {
      const allowed = PERIOD_TRANSITIONS[period.state].map((s) => PERIOD_STATE_LABELS[s]).join(', ') || 'nessuno';
      throw badUserInput(
        'state',
        `Il periodo è ${PERIOD_STATE_LABELS[period.state]}: non può passare a ${PERIOD_STATE_LABELS[state]} (stati consentiti: ${allowed}).`,
      );
    }
    const before = snapshot(period);
    if (needed) {
      if (act.actDate! < cutoffDate) throw badUserInput('actDate', `L'atto non può precedere la scadenza del ${italianDate(cutoffDate)}.`);
      const adopted = await findOrCreateAct(
        tx,
        ctx,
        needed.body,
        act.actKind ?? ActKind.DELIBERAZIONE,
        act.actNumber!.trim(),
        act.actDate!,
        `${needed.subject} ${edition.code} al ${italianDate(cutoffDate)}`,
      );
      if (!(await tx.count(EditionAct, { edition, act: adopted, role: needed.role }))) {
        tx.create(EditionAct, { ente: viewer.enteId, edition, act: adopted, role: needed.role });
      }
      if (state === PeriodState.NOTED_BY_GIUNTA) period.notedBy = tx.getReference(Act, adopted.id, { wrapped: true });
      else period.approvedBy = tx.getReference(Act, adopted.id, { wrapped: true });
    }
    period.state = state;
    await tx.flush();
    await tx.populate(period, ['notedBy', 'approvedBy']);
    await recordAudit(tx, viewer, {
      operation: 'SET_PERIOD_STATE',
      entityType: 'ReportingPeriod',
      entityId: period.id,
      periodId: period.id,
      before,
      after: snapshot(period),
      requestId: ctx.requestId,
    });
    return toPeriodView(period);
  });
}

async function findOrCreateAct(
  tx: EntityManager,
  ctx: WriteContext,
  body: ActBody,
  kind: ActKind,
  number: string,
  date: string,
  subject: string,
): Promise<Act> {
  const existing = await tx.findOne(Act, { ente: ctx.viewer.enteId, body, kind, number, date });
  if (existing) return existing;
  const act = tx.create(Act, { ente: ctx.viewer.enteId, body, kind, number, date, subject });
  await tx.flush();
  await recordAudit(tx, ctx.viewer, {
    operation: 'CREATE_ACT',
    entityType: 'Act',
    entityId: act.id,
    after: { body, kind, number, date, subject },
    requestId: ctx.requestId,
  });
  return act;
}

/**
 * An administrator's reopening (with a reason) of a period whose collection was closed: it goes
 * back to OPEN as a new revision. The closed revision's state, acts and reason are kept in
 * `period_reopening`, and its frozen reports stay served under its revision number. Department
 * submissions are returned (with the reason as comment), so heads can write again.
 */
export async function reopenReportingPeriod(
  ctx: WriteContext,
  editionCode: string,
  cutoffDate: string,
  reason: string,
): Promise<PlanTypes.ReportingPeriodType> {
  const { viewer } = ctx;
  const why = reason.trim();
  if (why.length < 10) throw badUserInput('reason', 'Indicare il motivo della riapertura (almeno 10 caratteri).');
  return ctx.em.transactional(async (tx) => {
    const edition = await findEdition(tx, viewer.enteId, editionCode);
    const period = await lockPeriodForWrite(tx, edition.id, cutoffDate, LockMode.PESSIMISTIC_WRITE);
    if (!REOPENABLE_STATES.includes(period.state)) {
      throw badUserInput(
        'state',
        `Il periodo è ${PERIOD_STATE_LABELS[period.state]}: si riapre solo un periodo con la raccolta dei dati chiusa, in revisione, preso d'atto o approvato.`,
      );
    }
    const before = snapshot(period);
    tx.create(PeriodReopening, {
      ente: viewer.enteId,
      period,
      closedRevision: period.revision,
      previousState: period.state,
      notedBy: period.notedBy ?? null,
      approvedBy: period.approvedBy ?? null,
      reason: why,
      reopenedBy: viewer.username,
    });
    const reviews = await tx.find(DepartmentReview, { period, state: { $in: [ReviewState.SUBMITTED, ReviewState.ACCEPTED] } });
    for (const review of reviews) {
      review.state = ReviewState.RETURNED;
      review.comment = `Periodo riaperto: ${why}`;
    }
    period.state = PeriodState.OPEN;
    period.revision += 1;
    period.notedBy = undefined;
    period.approvedBy = undefined;
    await tx.flush();
    await recordAudit(tx, viewer, {
      operation: 'REOPEN_PERIOD',
      entityType: 'ReportingPeriod',
      entityId: period.id,
      periodId: period.id,
      before,
      after: { ...snapshot(period), reason: why, returnedReviews: reviews.length },
      requestId: ctx.requestId,
    });
    return toPeriodView(period);
  });
}
