import { csrfToken } from '../../graphql/client';

export interface ExtractProblem {
  row: number | null;
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}

export type UploadAnswer =
  | { ok: true; outcome: 'CREATED' | 'UNCHANGED'; version: number; rowCount: number; sha256: string }
  | { ok: false; code: string; message: string; problems: ExtractProblem[] };

const base = (edition: string, period: string) => `/imports/spending/${encodeURIComponent(edition)}/${encodeURIComponent(period)}`;

/** Address of the template: the catalogue, and the period's current figures when asked. */
export const templateUrl = (edition: string, period: string, format: 'xlsx' | 'csv', withFigures: boolean) =>
  `${base(edition, period)}/modello.${format}${withFigures ? '?importi=si' : ''}`;

/** Sends the extract as the API expects it: multipart, session cookie and CSRF header. */
export async function uploadExtract(edition: string, period: string, file: File): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', file, file.name);
  const token = csrfToken();
  let res: Response;
  try {
    res = await fetch(base(edition, period), { method: 'POST', body: form, credentials: 'same-origin', headers: token ? { 'x-csrf-token': token } : {} });
  } catch {
    return { ok: false, code: 'NETWORK_ERROR', message: 'Il servizio non risponde: controllare la connessione e riprovare.', problems: [] };
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, ...(body as { outcome: 'CREATED' | 'UNCHANGED'; version: number; rowCount: number; sha256: string }) };
  return {
    ok: false,
    code: String(body['code'] ?? 'ERROR'),
    message: String(body['message'] ?? 'Caricamento non riuscito.'),
    problems: Array.isArray(body['problems']) ? (body['problems'] as ExtractProblem[]) : [],
  };
}
