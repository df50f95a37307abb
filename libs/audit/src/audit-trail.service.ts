import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { AuditEntry, Department, ReportingPeriod } from '@dup/domain';
import { badUserInput, decodeCursor, DomainError, encodeCursor } from '@dup/graphql-kit';
import { departmentSubjectsSql, objectiveSubjectsSql } from './audit-subject-filters';

export interface AuditTrailFilter {
  /** Username of the actor (or `system` name). */
  user?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** Cut-off date of a reporting period of the ente; with `edition` when several editions share it. */
  period?: string | null;
  /** Edition code: narrows `period` and `objectiveCode` when several editions share them. */
  edition?: string | null;
  operation?: string | null;
  /** Inclusive lower bound of occurredAt. */
  from?: Date | null;
  /** Exclusive upper bound of occurredAt. */
  to?: Date | null;
  /** Department code: entries about its goals, the indicators of its objectives, its contributions and reviews. */
  department?: string | null;
  /** Strategic (`9.02`) or operational (`9.02.22`) objective code: entries about its goals and indicators. */
  objectiveCode?: string | null;
}

export interface AuditTrailPage {
  rows: { cursor: string; entry: AuditEntry }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

const OBJECTIVE_CODE = /^\d{1,3}\.\d{2}(\.\d{2})?$/;

/**
 * One page of an ente's audit trail, keyset-paginated on the monotonic id (newest first by
 * default): a page costs an index range scan however deep it is, and rows appended while an
 * auditor pages never shift the pages already read.
 */
export async function auditTrailPage(
  em: EntityManager,
  enteId: string,
  filter: AuditTrailFilter,
  first: number,
  after: string | null | undefined,
  newestFirst: boolean,
): Promise<AuditTrailPage> {
  const afterId = after ? cursorId(after) : null;
  const objectiveCode = filter.objectiveCode?.trim() || null;
  if (objectiveCode && !OBJECTIVE_CODE.test(objectiveCode)) {
    throw badUserInput('objectiveCode', `Codice di obiettivo "${objectiveCode}" non valido: indicare un obiettivo strategico (es. 9.02) o operativo (es. 9.02.22).`);
  }
  const empty = { rows: [], hasNextPage: false, hasPreviousPage: Boolean(after), totalCount: 0 };
  const where: FilterQuery<AuditEntry> & Record<string, unknown> = { ente: enteId };
  if (filter.user) where.actor = filter.user;
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.operation) where.operation = filter.operation;
  if (filter.from || filter.to) where.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  if (filter.period) {
    const periods = await em.find(
      ReportingPeriod,
      { ente: enteId, cutoffDate: filter.period, ...(filter.edition ? { edition: { code: filter.edition } } : {}) },
      { fields: ['id'] },
    );
    if (periods.length === 0) return empty;
    where.periodId = { $in: periods.map((p) => p.id) };
  }
  // Entries name their entity by type and id: the plan relations are joined here, at read time,
  // so rows written before these filters existed are found too (the table is append-only).
  const subjects: { sql: string; params: unknown[] }[] = [];
  if (filter.department) {
    const code = filter.department.trim();
    const department = await em.findOne(Department, { ente: enteId, code }, { fields: ['id'] });
    if (!department) throw new DomainError('NOT_FOUND', `Settore "${code}" non trovato.`, { field: 'department', entity: 'Settore', key: code });
    subjects.push(departmentSubjectsSql(department.id));
  }
  if (objectiveCode) subjects.push(objectiveSubjectsSql(enteId, objectiveCode, filter.edition ?? null));

  const query = () => {
    const qb = em.createQueryBuilder(AuditEntry, 'a').where(where);
    for (const s of subjects) qb.andWhere(`(a.entity_type, a.entity_id) in (${s.sql})`, s.params);
    return qb;
  };
  const page = query().orderBy({ id: newestFirst ? 'desc' : 'asc' }).limit(first + 1);
  if (afterId) page.andWhere({ id: { [newestFirst ? '$lt' : '$gt']: afterId } });
  const [entries, totalCount] = await Promise.all([page.getResultList(), query().getCount()]);
  const rows = entries.slice(0, first);
  return {
    rows: rows.map((entry) => ({ cursor: encodeCursor([entry.id]), entry })),
    hasNextPage: entries.length > first,
    hasPreviousPage: Boolean(after),
    totalCount,
  };
}

function cursorId(after: string): string {
  const [id] = decodeCursor(after, 1);
  // A forged cursor must not reach PostgreSQL as a bigint it cannot parse.
  if (typeof id !== 'string' || !/^\d{1,19}$/.test(id)) throw badUserInput('after', 'Cursore di paginazione non valido.');
  return id;
}
