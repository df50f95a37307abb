import {
  ComparatorLabels,
  DeclaredStateLabels,
  PeriodKindLabels,
  PeriodStateLabels,
  ReportTextKeyLabels,
  ResultStatusLabels,
  ReviewStateLabels,
  RoleLabels,
} from '../../gql/enum-labels';
import { formatDate, formatDateTime, formatDecimal } from '../../lib/format';

/** One field of an audit entry's before/after, as people read it. */
export interface ChangeRow {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** Italian names of the recorded fields, in the order a person reads them (what was said first, bookkeeping last). */
const FIELD_LABELS: Record<string, string> = {
  declaredState: 'Stato dichiarato',
  percentComplete: 'Percentuale di completamento',
  narrative: 'Narrazione',
  deferredTo: 'Rinviata al',
  deferralText: 'Frase di rinvio',
  asOfLabel: 'Riferimento temporale',
  status: 'Stato del risultato',
  text: 'Testo',
  value: 'Valore',
  unit: 'Unità di misura',
  targets: 'Valori attesi',
  state: 'Stato',
  comment: 'Commento',
  submissionNote: "Motivo dell'invio incompleto",
  missingGoalsAtSubmission: "Finalità senza stato all'invio",
  missingIndicatorsAtSubmission: "Indicatori senza risultato all'invio",
  cutoffDate: 'Scadenza',
  kind: 'Tipo',
  notedBy: "Atto di presa d'atto",
  approvedBy: 'Atto di approvazione',
  username: 'Nome utente',
  displayName: 'Nome',
  role: 'Ruolo',
  active: 'Attivo',
  departmentCodes: 'Settori',
  departments: 'Settori',
  mustChangePassword: 'Nuova password richiesta al prossimo accesso',
  passwordReset: 'Password reimpostata',
  sessionsEnded: 'Sessioni chiuse',
  otherSessionsEnded: 'Altre sessioni chiuse',
  revokedApiTokens: 'Token API revocati',
  key: 'Testo del rapporto',
  markdown: 'Testo (Markdown)',
  name: 'Nome',
  expiresAt: 'Scadenza',
  revokedAt: 'Revoca',
  body: 'Organo',
  number: 'Numero',
  date: 'Data',
  subject: 'Oggetto',
  departmentCode: 'Codice del settore',
  departmentName: 'Settore',
  submittedBy: 'Inviato da',
  submittedAt: 'Inviato il',
  reviewedBy: 'Revisionato da',
  reviewedAt: 'Revisionato il',
  period: 'Periodo',
  author: 'Autore',
  version: 'Versione',
  createdAt: 'Creazione',
  updatedAt: 'Ultima modifica',
};
const FIELD_ORDER = new Map(Object.keys(FIELD_LABELS).map((key, i) => [key, i]));
const byReadingOrder = (a: ChangeRow, b: ChangeRow) => (FIELD_ORDER.get(a.key) ?? FIELD_ORDER.size) - (FIELD_ORDER.get(b.key) ?? FIELD_ORDER.size);

type Labels = Readonly<Record<string, string>>;

/** Enum values by field; `state` depends on what changed (a period or a department's review). */
function enumLabels(key: string, entityType: string): Labels | null {
  switch (key) {
    case 'declaredState':
      return DeclaredStateLabels;
    case 'status':
      return ResultStatusLabels;
    case 'role':
      return RoleLabels;
    case 'comparator':
      return ComparatorLabels;
    case 'key':
      return ReportTextKeyLabels;
    case 'kind':
      return entityType === 'ReportingPeriod' ? PeriodKindLabels : null;
    case 'state':
      return entityType === 'DepartmentReview' ? ReviewStateLabels : entityType === 'ReportingPeriod' ? PeriodStateLabels : null;
    default:
      return null;
  }
}

/** Internal ids say nothing to a person; the entry's subject already names what changed. */
const isInternalId = (key: string) => key === 'id' || /Id$/.test(key);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DECIMAL = /^-?\d+\.\d+$/;

/** A recorded value in Italian: dates, decimals, yes/no, enum labels, lists. */
export function formatValue(key: string, value: unknown, entityType: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Sì' : 'No';
  if (typeof value === 'number') return new Intl.NumberFormat('it-IT').format(value);
  if (typeof value === 'string') {
    const labels = enumLabels(key, entityType);
    if (labels && value in labels) return labels[value];
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    if (DECIMAL.test(value)) return key === 'percentComplete' ? `${formatDecimal(value)}%` : formatDecimal(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((item) =>
        typeof item === 'object' && item !== null ? formatObject(item as Record<string, unknown>, entityType) : formatValue(key, item, entityType),
      )
      .join('\n');
  }
  if (typeof value === 'object') return formatObject(value as Record<string, unknown>, entityType);
  return String(value);
}

function formatObject(object: Record<string, unknown>, entityType: string): string {
  // A yearly target reads best as "2021: Almeno (≥) 10 km".
  if ('year' in object) {
    const { year, ...rest } = object;
    const parts = Object.entries(rest)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => formatValue(k, v, entityType));
    return `${String(year)}: ${parts.join(' ')}`;
  }
  return Object.entries(object)
    .filter(([k]) => !isInternalId(k))
    .map(([k, v]) => `${FIELD_LABELS[k] ?? k}: ${formatValue(k, v, entityType)}`)
    .join('; ');
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * The fields of an entry's before and after, labelled in Italian, changed ones first, each group in
 * reading order. Internal ids
 * are left out; a value recorded as something other than an object is shown whole.
 */
export function changeRows(before: unknown, after: unknown, entityType: string): ChangeRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before != null && !b) || (after != null && !a)) {
    return [{ key: 'valore', label: 'Valore', before: formatValue('', before, entityType), after: formatValue('', after, entityType), changed: true }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !isInternalId(k));
  const rows = keys.map((key) => {
    const was = formatValue(key, b?.[key], entityType);
    const is = formatValue(key, a?.[key], entityType);
    return { key, label: FIELD_LABELS[key] ?? key, before: b ? was : '—', after: a ? is : '—', changed: was !== is };
  });
  rows.sort(byReadingOrder);
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

const VIA: Record<string, string> = {
  session: 'dal browser',
  jwt: 'con un token di accesso',
  cli: 'da riga di comando',
  seed: 'caricamento iniziale dei dati',
};

/** The channel of a change, in words: "dal browser", "con il token API n. …". */
export function viaLabel(via: string): string {
  if (via.startsWith('api-token:')) return 'con un token API';
  return VIA[via] ?? via;
}

export function roleLabel(role: string | null | undefined): string | null {
  if (!role) return null;
  return (RoleLabels as Labels)[role] ?? role;
}
