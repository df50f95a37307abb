/**
 * Reads one finalità: title, departments grid, description and its status at 30/06/2020.
 */
import type { GoalData, GoalStatusData } from '../../dataset/plan-dataset';
import { interpretDepartmentRows, readGridRow, type DepartmentRowsResult } from './departments';
import { toMarkdown } from './markdown';
import { DEFERRED_TO } from './result-classifier';
import type { RawGoal } from './structure-parser';

export const PERIOD = '2020-06-30';
/** The report's own as-of wording, also used for deferred finalità (which print no label). */
export const STANDARD_AS_OF = 'al 30/06/2020';
/** The departments column's usual heading; another wording ("Settore coinvolti") is kept verbatim. */
const STANDARD_DEPARTMENTS_HEADING = 'Settori coinvolti';

export interface ParsedGoal {
  goal: GoalData;
  status: GoalStatusData;
  departments: DepartmentRowsResult;
}

export function parseGoal(raw: RawGoal, opCode: string, order: number): ParsedGoal {
  const grid = raw.gridLines.map((line) => {
    const row = readGridRow(line);
    if (!row) throw new Error(`Line ${line.lineNo}: not a department row`);
    return row;
  });
  if (grid.length === 0) throw new Error(`Line ${raw.lineNo}: finalità without departments`);
  const departments = interpretDepartmentRows(grid);
  const goal: GoalData = {
    opCode,
    order,
    title: raw.header.plain,
    description: toMarkdown(raw.descLines),
    ...(raw.header.groups[0] !== STANDARD_DEPARTMENTS_HEADING ? { departmentsHeading: raw.header.groups[0] } : {}),
    departments: departments.rows,
  };
  const narrative = toMarkdown(raw.narrativeLines, { demoteHeadings: true });
  let status: GoalStatusData;
  if (raw.deferral !== undefined) {
    status = {
      opCode,
      goalOrder: order,
      period: PERIOD,
      narrative,
      asOfLabel: STANDARD_AS_OF,
      declaredState: 'DEFERRED',
      deferredTo: DEFERRED_TO,
      deferralText: raw.deferral,
    };
  } else if (raw.statusLabel !== undefined) {
    // The document prints no declared state for narratives, so none is invented.
    status = { opCode, goalOrder: order, period: PERIOD, narrative, asOfLabel: raw.statusLabel };
  } else {
    throw new Error(`Line ${raw.lineNo}: finalità "${goal.title}" has neither a status nor a deferral`);
  }
  if (goal.description === '') throw new Error(`Line ${raw.lineNo}: finalità "${goal.title}" has no description`);
  return { goal, status, departments };
}
