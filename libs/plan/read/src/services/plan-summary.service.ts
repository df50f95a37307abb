import { planInForceAt } from '@dup/domain';
import type { EditionTree } from '../read-model/edition-tree';

export interface PlanSummaryCounts {
  asOf: string | null;
  mandateLines: number;
  strategicDirections: number;
  strategicObjectives: number;
  operationalObjectives: number;
  goals: number;
  indicators: number;
}

/** The date a summary defaults to: the edition's latest cut-off, or none (the current plan). */
export function defaultAsOf(tree: Pick<EditionTree, 'periods'>): string | null {
  return tree.periods.at(-1)?.cutoffDate ?? null;
}

/**
 * Counts an edition's plan as it stood at a date, from its cached tree, with the domain's
 * inForceAt (the rule the reports use): objectives added by an amendment effective after that
 * date, or retired by one effective on or before it, are left out (Livorno's 1.06 was added on
 * 30/09/2020, so the report at 30/06/2020 still says 20 strategic and 68 operational objectives).
 * Without a date, the edition's latest reporting period is used; with no period at all, the
 * current plan.
 */
export function summarizePlan(tree: Pick<EditionTree, 'mandateLines' | 'periods'>, asOf?: string | null): PlanSummaryCounts {
  const date = asOf ?? defaultAsOf(tree);
  const counts: PlanSummaryCounts = {
    asOf: date,
    mandateLines: 0,
    strategicDirections: 0,
    strategicObjectives: 0,
    operationalObjectives: 0,
    goals: 0,
    indicators: 0,
  };
  for (const line of planInForceAt(tree.mandateLines, date)) {
    counts.mandateLines++;
    counts.strategicDirections += line.directions.length;
    for (const so of line.strategicObjectives) {
      counts.strategicObjectives++;
      for (const op of so.operationalObjectives) {
        counts.operationalObjectives++;
        counts.goals += op.goals.length;
        counts.indicators += op.indicators.length;
      }
    }
  }
  return counts;
}
