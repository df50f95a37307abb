/**
 * Which objectives make up the plan at a date. An amendment (an act with an effective date)
 * can add an objective (`introducedBy`) or retire it (`retiredBy`); neither deletes rows, so the
 * plan "as it stood" at any date is the set of objectives introduced on or before it and not yet
 * retired. Reports at a cut-off, the plan summary and `asOf` queries all ask this one rule
 * (Livorno: 1.06 and 1.06.01, added with effect from 30/09/2020, are not part of the report at
 * 30/06/2020, which counts 20 strategic and 68 operational objectives).
 */
export interface EffectiveDated {
  introducedBy: { effectiveDate: string } | null;
  /** Optional so that sources written before retirements existed still fit. */
  retiredBy?: { effectiveDate: string } | null;
}

/** Whether one objective is in force at `date` (ISO yyyy-mm-dd); with no date, every objective not retired is. */
export function inForceAt(objective: EffectiveDated, date: string | null | undefined): boolean {
  const retired = objective.retiredBy ?? null;
  if (date == null) return retired === null;
  if (objective.introducedBy && objective.introducedBy.effectiveDate > date) return false;
  return retired === null || retired.effectiveDate > date;
}

/** An operational objective counts only while its strategic objective is in force too. */
export function operationalInForceAt(strategic: EffectiveDated, operational: EffectiveDated, date: string | null | undefined): boolean {
  return inForceAt(strategic, date) && inForceAt(operational, date);
}

/** The lines' objectives in force at `date`, with their operational objectives filtered the same way. */
export function planInForceAt<O extends EffectiveDated, S extends EffectiveDated & { operationalObjectives: O[] }, L extends { strategicObjectives: S[] }>(
  lines: readonly L[],
  date: string | null | undefined,
): L[] {
  return lines.map((line) => ({
    ...line,
    strategicObjectives: line.strategicObjectives
      .filter((so) => inForceAt(so, date))
      .map((so) => ({ ...so, operationalObjectives: so.operationalObjectives.filter((op) => inForceAt(op, date)) })),
  }));
}
