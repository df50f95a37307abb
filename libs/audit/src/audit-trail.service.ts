import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { AuditEntry, ReportingPeriod } from '@dup/domain';
import { badUserInput, decodeCursor, encodeCursor } from '@dup/graphql-kit';

export interface AuditTrailFilter {
  /** Username of the actor (or `system` name). */
  user?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** Cut-off date of a reporting period of the ente; with `edition` when several editions share it. */
  period?: string | null;
  edition?: string | null;
  operation?: string | null;
  /** Inclusive lower bound of occurredAt. */
  from?: Date | null;
  /** Exclusive upper bound of occurredAt. */
  to?: Date | null;
}

export interface AuditTrailPage {
  rows: { cursor: string; entry: AuditEntry }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

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
    if (periods.length === 0) return { rows: [], hasNextPage: false, hasPreviousPage: Boolean(after), totalCount: 0 };
    where.periodId = { $in: periods.map((p) => p.id) };
  }
  const keyed: FilterQuery<AuditEntry> = after ? { ...where, id: { [newestFirst ? '$lt' : '$gt']: cursorId(after) } } : where;
  const [entries, totalCount] = await Promise.all([
    em.find(AuditEntry, keyed, { orderBy: { id: newestFirst ? 'desc' : 'asc' }, limit: first + 1 }),
    em.count(AuditEntry, where),
  ]);
  const page = entries.slice(0, first);
  return {
    rows: page.map((entry) => ({ cursor: encodeCursor([entry.id]), entry })),
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
