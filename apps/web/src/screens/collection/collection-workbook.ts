import { csrfToken } from '../../graphql/client';

/** One problem of a refused workbook, located as the API reports it (docs/collection-workbook.md). */
export interface WorkbookProblem {
  sheet: string | null;
  cell: string | null;
  field: string | null;
  code: string;
  message: string;
}

export type WorkbookUploadAnswer =
  | { ok: true; department: string; period: string; written: number; unchanged: number }
  | { ok: false; code: string; reason: string | null; message: string; problems: WorkbookProblem[] };

/** Address of one department's workbook, or of every department's as a zip (planning office). */
export const workbookUrl = (edition: string, period: string, departmentCode?: string) =>
  departmentCode
    ? `/collection/${encodeURIComponent(edition)}/${encodeURIComponent(period)}.xlsx?settore=${encodeURIComponent(departmentCode)}`
    : `/collection/${encodeURIComponent(edition)}/${encodeURIComponent(period)}.zip`;

/**
 * Sends a filled workbook as the API expects it: multipart field "file", session cookie and CSRF
 * header. The period is sent too, so a workbook of another period is refused with its own message.
 */
export async function uploadWorkbook(period: string, file: File): Promise<WorkbookUploadAnswer> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('period', period);
  const token = csrfToken();
  let res: Response;
  try {
    res = await fetch('/imports/collection', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: token ? { 'x-csrf-token': token } : {},
    });
  } catch {
    return { ok: false, code: 'NETWORK_ERROR', reason: null, message: 'Il servizio non risponde: controllare la connessione e riprovare.', problems: [] };
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, ...(body as { department: string; period: string; written: number; unchanged: number }) };
  return {
    ok: false,
    code: String(body['code'] ?? 'ERROR'),
    reason: typeof body['reason'] === 'string' ? body['reason'] : null,
    message: String(body['message'] ?? 'Caricamento non riuscito.'),
    problems: Array.isArray(body['problems']) ? (body['problems'] as WorkbookProblem[]) : [],
  };
}
