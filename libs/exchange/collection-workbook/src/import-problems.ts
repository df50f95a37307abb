import { DomainError } from '@dup/graphql-kit';

/**
 * Why a workbook was refused, as a stable code under `extensions.reason` (the error's own code
 * stays BAD_USER_INPUT, CONFLICT or FORBIDDEN, which clients already handle).
 */
export type RejectionReason =
  | 'TOO_LARGE'
  | 'NOT_XLSX'
  | 'ZIP_BOMB'
  | 'NOT_OURS'
  | 'TEMPLATE_VERSION'
  | 'OTHER_ENTE'
  | 'OTHER_EDITION'
  | 'OTHER_PERIOD'
  | 'OTHER_DEPARTMENT'
  | 'STRUCTURE_CHANGED'
  | 'FORMULA'
  | 'INVALID_CELLS'
  | 'CONFLICT';

/** One problem of the report: where (sheet and cell, or the whole file), which field, and what to do, in Italian. */
export interface ImportProblem {
  /** Sheet name; null for the file as a whole. */
  sheet: string | null;
  /** Cell address such as H5; null for a whole sheet or the file. */
  cell: string | null;
  /** Field name (narrativa, stato, percentuale, rinvio, contributo, testo, valore); null when the problem is not one field's. */
  field: string | null;
  code: string;
  message: string;
}

/** The problems of one import. Rejecting with them writes nothing. */
export function rejection(reason: RejectionReason, message: string, problems: ImportProblem[]): DomainError {
  const code = reason === 'CONFLICT' ? 'CONFLICT' : 'BAD_USER_INPUT';
  return new DomainError(code, message, { reason, problems });
}

/** A refusal of the whole file (size, format, origin): one problem located at the file. */
export const fileRejection = (reason: RejectionReason, message: string): DomainError =>
  rejection(reason, message, [{ sheet: null, cell: null, field: null, code: reason, message }]);

/** The problems carried by an import's error, or none for other errors. */
export function problemsOf(error: unknown): ImportProblem[] {
  const problems = (error as DomainError | null)?.extensions?.['problems'];
  return Array.isArray(problems) ? (problems as ImportProblem[]) : [];
}
