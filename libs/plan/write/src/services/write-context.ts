import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { DepartmentReview, PERIOD_DATA_WRITERS, PeriodState, ReportingPeriod, ReviewState, Role, type Viewer } from '@dup/domain';
import { DomainError, notFound } from '@dup/graphql-kit';

/** Who writes and through which request: every service call gets one. */
export interface WriteContext {
  /** The request's entity manager; services open their own transaction on it. */
  em: EntityManager;
  viewer: Viewer;
  requestId: string;
}

export { checkId } from '@dup/graphql-kit';

/** 2020-06-30 → 30/06/2020, as the documents print dates. */
export const italianDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export const PERIOD_STATE_LABELS: Record<PeriodState, string> = {
  [PeriodState.PLANNED]: 'pianificato',
  [PeriodState.OPEN]: 'aperto',
  [PeriodState.COLLECTION_CLOSED]: 'con la raccolta dei dati chiusa',
  [PeriodState.IN_REVIEW]: 'in revisione',
  [PeriodState.NOTED_BY_GIUNTA]: "preso d'atto dalla Giunta",
  [PeriodState.APPROVED_BY_COUNCIL]: 'approvato dal Consiglio',
};

/**
 * The period of `editionId` at `cutoffDate`, share-locked until the write commits: a state
 * change (which takes the row for update) waits for in-flight writes and they wait for it, so a
 * write never lands in a period that was closed meanwhile.
 */
export async function lockPeriodForWrite(tx: EntityManager, editionId: string, cutoffDate: string, mode = LockMode.PESSIMISTIC_READ): Promise<ReportingPeriod> {
  const period = await tx.findOne(ReportingPeriod, { edition: editionId, cutoffDate }, { lockMode: mode, refresh: true });
  if (!period) throw notFound('Periodo di rendicontazione', italianDate(cutoffDate));
  return period;
}

/**
 * The period lock of every data write (statuses, results, contributions, submissions), checked
 * here in the write services so that every channel (GraphQL, command line, Excel import) gets
 * the same PERIOD_LOCKED: see PERIOD_DATA_WRITERS for who writes in which state.
 */
export function assertPeriodWritable(period: ReportingPeriod, viewer: Viewer): void {
  if (PERIOD_DATA_WRITERS[period.state].includes(viewer.role)) return;
  const others =
    period.state === PeriodState.COLLECTION_CLOSED || period.state === PeriodState.IN_REVIEW ? " (solo l'ufficio programmazione può ancora correggerli)" : '';
  throw new DomainError(
    'PERIOD_LOCKED',
    `Il periodo al ${italianDate(period.cutoffDate)} è ${PERIOD_STATE_LABELS[period.state]}: non è possibile modificarne i dati${others}.`,
    { periodState: period.state },
  );
}

/**
 * A department head's writes stop once the department's goals are with the planning office
 * (SUBMITTED) or accepted; they resume when the office returns them. `departmentIds` are the
 * viewer's departments that grant the write: the write is locked only when all of them are.
 */
export async function assertDepartmentsOpen(tx: EntityManager, viewer: Viewer, period: ReportingPeriod, departmentIds: readonly string[]): Promise<void> {
  if (viewer.role !== Role.DEPARTMENT_HEAD || departmentIds.length === 0) return;
  const locked = await tx.find(
    DepartmentReview,
    { period, department: { $in: [...departmentIds] }, state: { $in: [ReviewState.SUBMITTED, ReviewState.ACCEPTED] } },
    { populate: ['department'] },
  );
  if (locked.length < new Set(departmentIds).size) return;
  const names = locked.map((r) => r.department.getEntity().name).join(', ');
  const accepted = locked.every((r) => r.state === ReviewState.ACCEPTED);
  throw new DomainError(
    'PERIOD_LOCKED',
    accepted
      ? `Le finalità del settore ${names} sono già state accettate dall'ufficio programmazione: non sono più modificabili.`
      : `Le finalità del settore ${names} sono state inviate in revisione: sono modificabili solo se l'ufficio programmazione le restituisce.`,
    { reviewState: accepted ? ReviewState.ACCEPTED : ReviewState.SUBMITTED },
  );
}

/**
 * The stale-write check of optimistic locking. `current` must have been read FOR UPDATE in the
 * same transaction, so no other writer can move the version between this check and the write.
 */
export function checkExpectedVersion<T extends { version: number }>(
  current: T | null,
  expectedVersion: number | null | undefined,
  what: string,
  show: (row: T) => object,
): void {
  if (current ? current.version === expectedVersion : expectedVersion == null) return;
  throw conflict(what, current, show);
}

/** CONFLICT carrying the current version and content, so the user can merge instead of losing work. */
export function conflict<T extends { version: number }>(what: string, current: T | null, show: (row: T) => object): DomainError {
  return new DomainError(
    'CONFLICT',
    current
      ? `${what} è stato modificato da un altro utente (versione attuale ${current.version}): riprendere le modifiche partendo dalla versione attuale.`
      : `${what} non esiste ancora: inviare la modifica senza versione attesa.`,
    { currentVersion: current?.version ?? null, current: current ? show(current) : null },
  );
}

/**
 * Runs a versioned write in one transaction. Two writers creating the same row both see it
 * missing; PostgreSQL's unique key lets one commit and the other is reported as a CONFLICT
 * with the winner's row (re-read after the rollback), never as an internal error.
 */
export async function runVersionedWrite<R>(
  em: EntityManager,
  write: (tx: EntityManager) => Promise<R>,
  onCreateRace: (fresh: EntityManager) => Promise<DomainError>,
): Promise<R> {
  try {
    return await em.transactional(write);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw await onCreateRace(em.fork({ clear: true }));
    throw error;
  }
}
