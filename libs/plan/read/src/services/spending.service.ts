import type { EntityManager } from '@mikro-orm/postgresql';
import { computeSpending, SpendingRow, type SpendingAmounts } from '@dup/domain';

export interface SpendingData {
  computation: ReturnType<typeof computeSpending>;
}

/** Spending rows of one period, with mission totals, grand total and ratios computed exactly. */
export async function loadSpending(em: EntityManager, periodId: string) {
  const rows = await em.find(SpendingRow, { period: periodId });
  return computeSpending(
    rows.map((r) => {
      const [mission, programme] = r.programme.id.split('.');
      const amounts: SpendingAmounts = {
        assestato: r.assestato,
        impegnato: r.impegnato,
        liquidatoCompetenza: r.liquidatoCompetenza,
        residuiPassivi: r.residuiPassivi,
        liquidatoResidui: r.liquidatoResidui,
      };
      return { mission, programme, amounts };
    }),
  );
}
