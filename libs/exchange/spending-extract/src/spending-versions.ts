import type { EntityManager } from '@mikro-orm/postgresql';
import { PlanEdition, ReportingPeriod, SpendingExtract } from '@dup/domain';
import { notFound } from '@dup/graphql-kit';
import { italianDate } from '@dup/plan-write';

/** The period of an edition of the viewer's ente, or NOT_FOUND in Italian. */
export async function findPeriod(em: EntityManager, enteId: string, editionCode: string, cutoffDate: string): Promise<ReportingPeriod> {
  const edition = await em.findOne(PlanEdition, { ente: enteId, code: editionCode });
  if (!edition) throw notFound('Edizione del DUP', editionCode);
  const period = await em.findOne(ReportingPeriod, { edition, cutoffDate });
  if (!period) throw notFound('Periodo di rendicontazione', italianDate(cutoffDate));
  return period;
}

/** Every load of a period's spending table, newest first. */
export async function spendingVersionsOf(em: EntityManager, period: ReportingPeriod): Promise<SpendingExtract[]> {
  return em.find(SpendingExtract, { period }, { orderBy: { version: 'desc' } });
}
