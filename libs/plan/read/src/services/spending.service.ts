import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { computeSpending, SpendingExtract, SpendingRow, type ReportingPeriod, type SpendingAmounts } from '@dup/domain';

export interface SpendingData {
  computation: ReturnType<typeof computeSpending>;
}

/** The latest load of a period's spending table (highest version), or null when none was loaded. */
export async function latestSpendingExtract(em: EntityManager, period: FilterQuery<ReportingPeriod>): Promise<SpendingExtract | null> {
  return em.findOne(SpendingExtract, { period }, { orderBy: { version: 'desc' } });
}

/** The rows of the latest version of a period's spending table, with programme and mission. */
export async function latestSpendingRows(em: EntityManager, period: FilterQuery<ReportingPeriod>): Promise<SpendingRow[]> {
  const extract = await latestSpendingExtract(em, period);
  if (!extract) return [];
  return em.find(SpendingRow, { extract }, { populate: ['programme.mission'], strategy: 'joined', orderBy: { programme: 'asc' } });
}

export const amountsOf = (r: SpendingRow): SpendingAmounts => ({
  assestato: r.assestato,
  impegnato: r.impegnato,
  liquidatoCompetenza: r.liquidatoCompetenza,
  residuiPassivi: r.residuiPassivi,
  liquidatoResidui: r.liquidatoResidui,
});

/** Spending rows of one period (latest version), with mission totals, grand total and ratios computed exactly. */
export async function loadSpending(em: EntityManager, periodId: string) {
  const rows = await latestSpendingRows(em, periodId);
  return computeSpending(
    rows.map((r) => {
      const [mission, programme] = r.programme.id.split('.');
      return { mission, programme, amounts: amountsOf(r) };
    }),
  );
}
