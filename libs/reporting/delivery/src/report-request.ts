import { DomainError, isValidIsoDate } from '@dup/graphql-kit';
import type { ReportFormat, ReportScope } from '@dup/reporting';

export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx', 'html'];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

export const ZIP_CONTENT_TYPE = 'application/zip';

/** `?revisione=N`: a past revision of a reopened period; absent: the current one. */
export function parseRevision(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,5}$/.test(value)) {
    throw new DomainError('BAD_USER_INPUT', 'Revisione non valida: indicare un numero intero positivo, es. revisione=1.', { field: 'revision' });
  }
  return Number(value);
}

export function parseFormat(value: string): ReportFormat {
  const format = value.trim().toLowerCase() as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) {
    throw new DomainError('BAD_USER_INPUT', `Formato "${value}" non disponibile: usare pdf, xlsx o html.`, { field: 'format' });
  }
  return format;
}

export function parsePeriod(value: string): string {
  if (!isValidIsoDate(value)) {
    throw new DomainError('BAD_USER_INPUT', `Periodo "${value}" non valido: indicare la scadenza come AAAA-MM-GG, es. 2020-06-30.`, { field: 'period' });
  }
  return value;
}

/** An edition code from a URL: text a person could have typed, never a control character. */
export function parseEditionCode(value: string): string {
  if (value.length === 0 || value.length > 100 || /\p{Cc}/u.test(value)) {
    throw new DomainError('BAD_USER_INPUT', "Codice dell'edizione non valido: indicarlo come nei collegamenti del servizio, es. 2020-2022.", {
      field: 'edition',
    });
  }
  return value;
}

/**
 * The scope as written in URLs and on the command line: "completo" (or empty), "linea-3",
 * "settore-AMB_MOB". Stable and readable, so a link says what it downloads.
 */
export function parseScope(value: unknown): ReportScope {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new DomainError('BAD_USER_INPUT', 'Indicare l\'ambito una sola volta: "completo", "linea-N" o "settore-CODICE".', { field: 'scope' });
  }
  const v = (value ?? '').trim();
  if (v === '' || v === 'completo' || v === 'full') return { kind: 'full' };
  const line = /^linea-(\d{1,3})$/.exec(v);
  if (line) return { kind: 'mandateLine', lineNumber: Number(line[1]) };
  const department = /^settore-([A-Za-z0-9_.-]{1,64})$/.exec(v);
  if (department) return { kind: 'department', departmentCode: department[1] };
  throw new DomainError('BAD_USER_INPUT', `Ambito "${v}" non valido: usare "completo", "linea-N" o "settore-CODICE".`, { field: 'scope' });
}

export function scopeParam(scope: ReportScope): string {
  switch (scope.kind) {
    case 'full':
      return 'completo';
    case 'mandateLine':
      return `linea-${scope.lineNumber}`;
    case 'department':
      return `settore-${scope.departmentCode}`;
  }
}

/** The download path of a report: /reports/2020-2022/2020-06-30.pdf?ambito=linea-3. */
export function reportPath(editionCode: string, period: string, format: ReportFormat, scope: ReportScope): string {
  const query = scope.kind === 'full' ? '' : `?ambito=${encodeURIComponent(scopeParam(scope))}`;
  return `/reports/${encodeURIComponent(editionCode)}/${period}.${format}${query}`;
}
