import type { AuditTrailFilter } from '../../gql/graphql';
import { nextDay, romeStartOfDay } from '../../lib/dates';
import { formatDate } from '../../lib/format';
import { parseItalianDate } from '../../lib/italian-input';

/** The filter as the address keeps it (?settore=AMB_MOB&dal=2020-12-01…): shareable, survives a reload. */
export interface AuditFilterValues {
  settore: string;
  obiettivo: string;
  utente: string;
  operazione: string;
  periodo: string;
  /** Days in ISO form in the address, typed and shown the Italian way. */
  dal: string;
  al: string;
}

export const FILTER_KEYS: readonly (keyof AuditFilterValues)[] = ['settore', 'obiettivo', 'utente', 'operazione', 'periodo', 'dal', 'al'];

export function filterFromParams(params: URLSearchParams): AuditFilterValues {
  const get = (key: string) => params.get(key)?.trim() ?? '';
  const day = (key: string) => (/^\d{4}-\d{2}-\d{2}$/.test(get(key)) ? get(key) : '');
  return {
    settore: get('settore'),
    obiettivo: get('obiettivo'),
    utente: get('utente'),
    operazione: get('operazione'),
    periodo: get('periodo'),
    dal: day('dal'),
    al: day('al'),
  };
}

/**
 * The API's filter: "dal" is the start of that day in Rome, "al" includes the whole day (the API's
 * `to` is exclusive, so it is the start of the next day).
 */
export function toApiFilter(values: AuditFilterValues): AuditTrailFilter {
  return {
    department: values.settore || null,
    objectiveCode: values.obiettivo || null,
    user: values.utente || null,
    operation: values.operazione || null,
    period: values.periodo || null,
    from: values.dal ? romeStartOfDay(values.dal) : null,
    to: values.al ? romeStartOfDay(nextDay(values.al)) : null,
  };
}

/** The form's fields: dates as people type them. */
export type AuditFilterForm = AuditFilterValues;

export function toForm(values: AuditFilterValues): AuditFilterForm {
  return { ...values, dal: formatDate(values.dal), al: formatDate(values.al) };
}

/** The form read back into the address' values, or the Italian problem of each date field. */
export function fromForm(form: AuditFilterForm): { values: AuditFilterValues } | { errors: Partial<Record<'dal' | 'al', string>> } {
  const errors: Partial<Record<'dal' | 'al', string>> = {};
  const days: Record<'dal' | 'al', string> = { dal: '', al: '' };
  for (const key of ['dal', 'al'] as const) {
    if (!form[key].trim()) continue;
    const parsed = parseItalianDate(form[key]);
    if (parsed.ok) days[key] = parsed.value;
    else errors[key] = parsed.message;
  }
  if (!errors.dal && !errors.al && days.dal && days.al && days.dal > days.al) errors.al = 'La data finale precede quella iniziale.';
  if (errors.dal || errors.al) return { errors };
  const trim = (s: string) => s.trim();
  return {
    values: { settore: form.settore, obiettivo: trim(form.obiettivo), utente: trim(form.utente), operazione: form.operazione, periodo: form.periodo, ...days },
  };
}

/** The address for a filter: only the criteria given. */
export function toParams(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (values[key]) params.set(key, values[key]);
  return params;
}
