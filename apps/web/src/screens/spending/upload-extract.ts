import { postForm, type UploadRefusal } from '../../graphql/upload';

export interface ExtractProblem {
  row: number | null;
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}

export type UploadAnswer = { ok: true; outcome: 'CREATED' | 'UNCHANGED'; version: number; rowCount: number; sha256: string } | UploadRefusal<ExtractProblem>;

const base = (edition: string, period: string) => `/imports/spending/${encodeURIComponent(edition)}/${encodeURIComponent(period)}`;

/** Address of the template: the catalogue, and the period's current figures when asked. */
export const templateUrl = (edition: string, period: string, format: 'xlsx' | 'csv', withFigures: boolean) =>
  `${base(edition, period)}/modello.${format}${withFigures ? '?importi=si' : ''}`;

/** Sends the extract as the API expects it (multipart field "file"). */
export async function uploadExtract(edition: string, period: string, file: File): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', file, file.name);
  const answer = await postForm<{ outcome: 'CREATED' | 'UNCHANGED'; version: number; rowCount: number; sha256: string }, ExtractProblem>(
    base(edition, period),
    form,
  );
  return answer.ok ? { ok: true, ...answer.body } : answer;
}
