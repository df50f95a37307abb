import { createHash } from 'node:crypto';
import { DECLARED_STATE_LABELS, DeclaredState, RESULT_STATUS_LABELS, ResultStatus } from '@dup/domain';

/**
 * The collection workbook's layout: one contract shared by the writer and the reader. Changing
 * a sheet name, a column or the meaning of a cell is a new TEMPLATE_VERSION, and workbooks of
 * another version are refused (docs/collection-workbook.md).
 */
export const TEMPLATE_VERSION = 'DUPM-RACCOLTA-1';

export const SHEETS = {
  cover: 'Copertina',
  lead: 'Finalità capofila',
  involved: 'Finalità coinvolte',
  indicators: 'Indicatori',
  /** Very hidden: what the workbook was made for, and the checksum of its structure. */
  meta: 'dupm_meta',
} as const;

/** Rows 1–3 are the sheet's title, a hint and the column headings; data starts at row 4. */
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

/** Hidden identity columns, the same on every data sheet: id, version at export, fingerprint of the exported inputs. */
export const ID_COLUMN = 1;
export const VERSION_COLUMN = 2;
export const FINGERPRINT_COLUMN = 3;

export interface ColumnSpec {
  /** 1-based column number. */
  col: number;
  header: string;
  width: number;
  /** A cell the department fills (unlocked); every other cell is locked. */
  input?: boolean;
  /** Field name used in the problems report. */
  field?: string;
}

const identity: ColumnSpec[] = [
  { col: ID_COLUMN, header: 'ID', width: 4 },
  { col: VERSION_COLUMN, header: 'Versione', width: 4 },
  { col: FINGERPRINT_COLUMN, header: 'Impronta', width: 4 },
];

export const LEAD_COLUMNS = {
  objective: { col: 4, header: 'Obiettivo operativo', width: 12 },
  position: { col: 5, header: 'Finalità n.', width: 8 },
  title: { col: 6, header: 'Finalità', width: 40 },
  previous: { col: 7, header: 'Stato di attuazione precedente (sola lettura)', width: 45 },
  narrative: { col: 8, header: 'Stato di attuazione al periodo', width: 60, input: true, field: 'narrativa' },
  state: { col: 9, header: 'Stato', width: 16, input: true, field: 'stato' },
  percent: { col: 10, header: 'Percentuale (0–100)', width: 12, input: true, field: 'percentuale' },
  deferredTo: { col: 11, header: 'Rinviata al', width: 13, input: true, field: 'rinvio' },
} satisfies Record<string, ColumnSpec>;

export const INVOLVED_COLUMNS = {
  objective: { col: 4, header: 'Obiettivo operativo', width: 12 },
  position: { col: 5, header: 'Finalità n.', width: 8 },
  title: { col: 6, header: 'Finalità', width: 40 },
  lead: { col: 7, header: 'Settore capofila', width: 30 },
  contribution: { col: 8, header: 'Contributo del settore', width: 60, input: true, field: 'contributo' },
} satisfies Record<string, ColumnSpec>;

export const INDICATOR_COLUMNS = {
  objective: { col: 4, header: 'Obiettivo operativo', width: 12 },
  name: { col: 5, header: 'Indicatore', width: 40 },
  unit: { col: 6, header: 'Unità di misura', width: 12 },
  target: { col: 7, header: "Valore atteso per l'anno", width: 18 },
  previous: { col: 8, header: 'Risultato precedente (sola lettura)', width: 30 },
  text: { col: 9, header: 'Risultato (testo)', width: 40, input: true, field: 'testo' },
  value: { col: 10, header: 'Valore numerico', width: 14, input: true, field: 'valore' },
  status: { col: 11, header: 'Stato del risultato', width: 20, input: true, field: 'stato' },
  deferredTo: { col: 12, header: 'Rinviato al', width: 13, input: true, field: 'rinvio' },
} satisfies Record<string, ColumnSpec>;

export const columnsOf = (spec: Record<string, ColumnSpec>): ColumnSpec[] => [...identity, ...Object.values(spec)].sort((a, b) => a.col - b.col);

/** Drop-down labels ↔ enum values: the workbook speaks Italian, the services enums. */
export const STATE_BY_LABEL = new Map<string, DeclaredState>(Object.entries(DECLARED_STATE_LABELS).map(([k, v]) => [v, k as DeclaredState]));
export const RESULT_STATUS_BY_LABEL = new Map<string, ResultStatus>(Object.entries(RESULT_STATUS_LABELS).map(([k, v]) => [v, k as ResultStatus]));

/** Keys of the meta sheet, column A; values in column B. */
export const META_KEYS = [
  'templateVersion',
  'enteId',
  'editionId',
  'editionCode',
  'periodId',
  'period',
  'departmentId',
  'departmentCode',
  'exportedAt',
  'checksum',
] as const;
export type MetaKey = (typeof META_KEYS)[number];
export type WorkbookMeta = Record<MetaKey, string>;

/** One data row's identity, as the checksum sees it. */
export interface RowIdentity {
  sheet: string;
  row: number;
  id: string;
}

/**
 * SHA-256 of what the workbook is for and of every row's hidden id at its row: moving, adding,
 * removing or retyping an id, or pointing the workbook at another period, department or
 * edition, changes it.
 */
export function structureChecksum(meta: Omit<WorkbookMeta, 'checksum' | 'exportedAt'>, rows: readonly RowIdentity[]): string {
  const hash = createHash('sha256');
  for (const key of META_KEYS) if (key !== 'checksum' && key !== 'exportedAt') hash.update(`${key}=${meta[key]}\n`);
  for (const r of rows) hash.update(`${r.sheet}|${r.row}|${r.id}\n`);
  return hash.digest('hex');
}

/** Fingerprint of a row's input values as exported: a row whose inputs still match it was not touched. */
export function inputsFingerprint(values: readonly (string | null)[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 22);
}

/** Characters that make a spreadsheet treat text as a formula when retyped or converted to CSV. */
const FORMULA_START = /^[=+\-@]/;

/** Text written to a cell: a leading = + - @ gets an apostrophe, as spreadsheets themselves do. */
export const neutralised = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
/** The reverse, on import: the apostrophe the export added is not part of the text. */
export const unneutralised = (text: string): string => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);

/** 2020-06-30 → 30/06/2020, and back. */
export const italianDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
export function isoFromItalian(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** "AB12" for a 1-based column and row, as the problems report names cells. */
export function cellAddress(col: number, row: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}
