import type { ReportModel, Table } from '../../model/report-model';

export const DELIBERATION_SHEET_NAME = 'Deliberazione';

/**
 * The first sheet of a report that opens with the council's deliberation: one row per council
 * member (presence and vote on each motion), the session and each vote's totals, abstainers and
 * outcome as notes under the table. Null when the report has no such section.
 */
export function deliberationSheet(model: ReportModel): { name: string; title: string; table: Table } | null {
  const table = model.datasets.deliberation;
  if (!table) return null;
  const opening = model.chapters.find((c) => c.id === 'deliberazione');
  return { name: DELIBERATION_SHEET_NAME, title: opening ? `${opening.tocLabel ?? opening.title} – ${table.caption}` : table.caption, table };
}
