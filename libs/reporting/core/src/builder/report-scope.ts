import { inForceAt } from '@dup/domain/values';
import type { ReportScope } from '../model/report-model';
import type { ReportSource, SourceMandateLine, SourceOperationalObjective } from './report-source';

/** A scope that names something the plan does not have. Carries a stable code and an Italian message. */
export class ReportScopeError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(message: string) {
    super(message);
    this.name = 'ReportScopeError';
  }
}

/** Base file name of a report: "DUP-2020-2022_stato-attuazione_2020-06-30_linea-3". */
export function reportFileBaseName(editionCode: string, period: string, scope: ReportScope): string {
  const suffix = scope.kind === 'mandateLine' ? `_linea-${scope.lineNumber}` : scope.kind === 'department' ? `_settore-${scope.departmentCode}` : '';
  return `DUP-${editionCode}_stato-attuazione_${period}${suffix}`;
}

export interface ScopedPlan {
  lines: SourceMandateLine[];
  /** "Linea di mandato 3 – …" or "Settore …"; null for the full report. */
  label: string | null;
}

/**
 * The part of the plan a report shows: objectives in force at the cut-off (amendments that
 * take effect later are reported in later periods), narrowed to the scope.
 * - mandateLine: that line only;
 * - department: the goals the department takes part in (as lead or involved), with the
 *   objectives above them and those objectives' indicators.
 */
export function scopePlan(source: ReportSource): ScopedPlan {
  const cutoff = source.period.cutoffDate;
  const scope = source.scope;
  const keepOp = (op: SourceOperationalObjective): SourceOperationalObjective | null => {
    if (scope.kind !== 'department') return op;
    const goals = op.goals.filter((g) => g.departments.some((d) => d.department?.code === scope.departmentCode));
    return goals.length ? { ...op, goals } : null;
  };
  let lines = source.plan.mandateLines
    .map((line) => ({
      ...line,
      strategicObjectives: line.strategicObjectives
        .filter((so) => inForceAt(so, cutoff))
        .map((so) => ({
          ...so,
          operationalObjectives: so.operationalObjectives
            .filter((op) => inForceAt(op, cutoff))
            .map(keepOp)
            .filter((op): op is SourceOperationalObjective => op !== null),
        }))
        .filter((so) => scope.kind !== 'department' || so.operationalObjectives.length > 0),
    }))
    .filter((line) => scope.kind !== 'department' || line.strategicObjectives.length > 0);

  switch (scope.kind) {
    case 'full':
      return { lines, label: null };
    case 'mandateLine': {
      lines = lines.filter((l) => l.number === scope.lineNumber);
      if (!lines.length) throw new ReportScopeError(`La linea di mandato ${scope.lineNumber} non esiste in questa edizione.`);
      return { lines, label: `Linea di mandato ${scope.lineNumber} – ${lines[0].alternateTitles[0] ?? lines[0].title}` };
    }
    case 'department': {
      const department = source.departments.find((d) => d.code === scope.departmentCode);
      if (!department) throw new ReportScopeError(`Il settore ${scope.departmentCode} non esiste.`);
      return { lines, label: `Settore ${department.name}` };
    }
  }
}
