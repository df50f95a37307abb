import type { Mission, Programme, SpendingComputation, SpendingAmounts, SpendingRatios } from '@dup/domain';
import * as M from '../mappers';
import type * as T from '../types';

const amountsOf = (a: SpendingAmounts, r: SpendingRatios): T.SpendingAmountsType => ({ ...a, ...r });

export function toSpendingReport(
  period: string,
  computation: SpendingComputation,
  programmes: Programme[],
  missions: Mission[],
): T.SpendingReportType {
  const programmeById = new Map(programmes.map((p) => [p.id, p]));
  const missionByCode = new Map(missions.map((m) => [m.code, m]));
  return {
    period,
    missions: computation.missions.map((m) => {
      const mission = missionByCode.get(m.mission)!;
      return {
        mission: M.toMission(mission),
        programmes: m.programmes.map((p) => ({
          programme: M.toProgramme(programmeById.get(`${p.mission}.${p.programme}`)!, mission),
          amounts: amountsOf(p.amounts, p.ratios),
        })),
        total: amountsOf(m.total, m.ratios),
      };
    }),
    grandTotal: amountsOf(computation.grandTotal, computation.grandRatios),
  };
}
