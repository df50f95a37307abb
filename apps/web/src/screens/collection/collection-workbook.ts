import { postForm, type UploadRefusal } from '../../graphql/upload';

/** One problem of a refused workbook, located as the API reports it (docs/collection-workbook.md). */
export interface WorkbookProblem {
  sheet: string | null;
  cell: string | null;
  field: string | null;
  code: string;
  message: string;
}

export type WorkbookUploadAnswer = { ok: true; department: string; period: string; written: number; unchanged: number } | UploadRefusal<WorkbookProblem>;

/** Address of one department's workbook, or of every department's as a zip (planning office). */
export const workbookUrl = (edition: string, period: string, departmentCode?: string) =>
  departmentCode
    ? `/collection/${encodeURIComponent(edition)}/${encodeURIComponent(period)}.xlsx?settore=${encodeURIComponent(departmentCode)}`
    : `/collection/${encodeURIComponent(edition)}/${encodeURIComponent(period)}.zip`;

/**
 * Sends a filled workbook as the API expects it: multipart field "file". The period is sent too, so a workbook of another period is refused with its own message.
 */
export async function uploadWorkbook(period: string, file: File): Promise<WorkbookUploadAnswer> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('period', period);
  const answer = await postForm<{ department: string; period: string; written: number; unchanged: number }, WorkbookProblem>('/imports/collection', form);
  return answer.ok ? { ok: true, ...answer.body } : answer;
}
