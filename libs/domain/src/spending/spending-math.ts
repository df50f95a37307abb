import Decimal from 'decimal.js';

/** The five amounts of the spending table, as exact decimal strings. */
export interface SpendingAmounts {
  assestato: string;
  impegnato: string;
  liquidatoCompetenza: string;
  residuiPassivi: string;
  liquidatoResidui: string;
}

export const AMOUNT_KEYS = ['assestato', 'impegnato', 'liquidatoCompetenza', 'residuiPassivi', 'liquidatoResidui'] as const;

/** The three ratios, in percent with two decimals; null when the denominator is zero. */
export interface SpendingRatios {
  impegnatoSuAssestato: string | null;
  liquidatoSuImpegnato: string | null;
  liquidatoResiduiSuResidui: string | null;
}

export interface SpendingLine {
  mission: string;
  programme: string;
  amounts: SpendingAmounts;
}

export interface SpendingMissionTotal {
  mission: string;
  programmes: (SpendingLine & { ratios: SpendingRatios })[];
  total: SpendingAmounts;
  ratios: SpendingRatios;
}

export interface SpendingComputation {
  missions: SpendingMissionTotal[];
  grandTotal: SpendingAmounts;
  grandRatios: SpendingRatios;
}

/**
 * Percentage num/den rounded half-up to two decimals, as the council documents print it.
 * A zero denominator is "not computable", which is different from a true 0%.
 */
export function percentage(numerator: string, denominator: string): string | null {
  const den = new Decimal(denominator);
  if (den.isZero()) return null;
  return new Decimal(numerator).times(100).dividedBy(den).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function ratiosOf(a: SpendingAmounts): SpendingRatios {
  return {
    impegnatoSuAssestato: percentage(a.impegnato, a.assestato),
    liquidatoSuImpegnato: percentage(a.liquidatoCompetenza, a.impegnato),
    liquidatoResiduiSuResidui: percentage(a.liquidatoResidui, a.residuiPassivi),
  };
}

export function sumAmounts(items: readonly SpendingAmounts[]): SpendingAmounts {
  const total = Object.fromEntries(AMOUNT_KEYS.map((k) => [k, new Decimal(0)])) as Record<(typeof AMOUNT_KEYS)[number], Decimal>;
  for (const item of items) for (const k of AMOUNT_KEYS) total[k] = total[k].plus(item[k]);
  return Object.fromEntries(AMOUNT_KEYS.map((k) => [k, total[k].toFixed(2)])) as unknown as SpendingAmounts;
}

/** Mission totals, grand total and every ratio, recomputed from programme rows in exact decimals. */
export function computeSpending(lines: readonly SpendingLine[]): SpendingComputation {
  const byMission = new Map<string, SpendingLine[]>();
  const sorted = [...lines].sort((a, b) => Number(a.mission) - Number(b.mission) || Number(a.programme) - Number(b.programme));
  for (const line of sorted) {
    const list = byMission.get(line.mission) ?? [];
    list.push(line);
    byMission.set(line.mission, list);
  }
  const missions = [...byMission.entries()].map(([mission, programmes]) => {
    const total = sumAmounts(programmes.map((p) => p.amounts));
    return {
      mission,
      programmes: programmes.map((p) => ({ ...p, ratios: ratiosOf(p.amounts) })),
      total,
      ratios: ratiosOf(total),
    };
  });
  const grandTotal = sumAmounts(missions.map((m) => m.total));
  return { missions, grandTotal, grandRatios: ratiosOf(grandTotal) };
}
