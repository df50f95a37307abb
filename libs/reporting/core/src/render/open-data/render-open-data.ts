import type { Cell, ReportModel, Table } from '../../model/report-model';
import { formatDate } from '../../model/italian-format';
import { departmentText, flattenBlocks } from '../xlsx/cell-text';

/**
 * Open data of the report for "Amministrazione trasparente": the datasets of the model (the same
 * tables the workbook shows) as CSV and JSON. Only data rows: group headings and the spending
 * subtotals are presentation (a consumer sums the rows itself).
 *
 * CSV follows what Italian spreadsheet users open with a double click: semicolon-separated,
 * UTF-8 with a byte-order mark, decimal comma and no thousands separator (so the value is one
 * unambiguous number), dates dd/mm/yyyy, CRLF line ends, RFC 4180 quoting.
 * JSON keeps machine formats: decimals as strings with a dot (exact), ISO dates.
 */

/** The datasets published, with their file names. */
export const OPEN_DATASETS = [
  { key: 'objectives', file: 'obiettivi' },
  { key: 'goals', file: 'finalita' },
  { key: 'indicators', file: 'indicatori' },
  { key: 'spending', file: 'spese' },
] as const;

export interface OpenDataFile {
  name: string;
  bytes: Buffer;
}

const BOM = '\uFEFF';

/** "4199059.32" → "4199059,32": Italian decimal comma, exact (no float on the way). */
const italianDecimal = (value: string) => value.replace('.', ',');

function cellCsvText(cell: Cell): string {
  switch (cell.type) {
    case 'text':
      return cell.text;
    case 'rich':
      return flattenBlocks(cell.blocks);
    case 'empty':
      return '';
    case 'department':
      return departmentText(cell.name, cell.lead, cell.note);
    case 'flag':
      return cell.on ? 'sì' : '';
    case 'integer':
      return String(cell.value);
    case 'number':
    case 'money':
      return italianDecimal(cell.value);
    case 'ratio':
      return cell.value === null ? '' : italianDecimal(cell.value);
    case 'date':
      return formatDate(cell.value);
  }
}

function cellJsonValue(cell: Cell): string | number | boolean | null {
  switch (cell.type) {
    case 'empty':
      return null;
    case 'flag':
      return cell.on;
    case 'integer':
      return cell.value;
    case 'number':
    case 'money':
      return cell.value;
    case 'ratio':
      return cell.value;
    case 'date':
      return cell.value;
    default:
      return cellCsvText(cell);
  }
}

function csvField(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const dataRows = (table: Table) => table.rows.filter((row) => row.kind === 'data');

/** One dataset as CSV bytes (see the conventions above). */
export function renderCsv(table: Table): Buffer {
  const lines = [table.columns.map((c) => csvField(c.header)).join(';')];
  for (const row of dataRows(table)) lines.push(row.cells.map((cell) => csvField(cellCsvText(cell))).join(';'));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

/** Every dataset as one JSON document: columns (key, header) and rows keyed by column. */
export function renderOpenDataJson(model: ReportModel): Buffer {
  const tables = Object.fromEntries(
    OPEN_DATASETS.map(({ key, file }) => {
      const table = model.datasets[key];
      return [
        file,
        {
          titolo: table.caption,
          colonne: table.columns.map((c) => ({ chiave: c.key, intestazione: c.header })),
          righe: dataRows(table).map((row) => Object.fromEntries(table.columns.map((c, i) => [c.key, cellJsonValue(row.cells[i] ?? { type: 'empty' })]))),
        },
      ];
    }),
  );
  const document = { ente: model.meta.enteName, edizione: model.meta.editionCode, periodo: model.meta.periodCutoff, tabelle: tables };
  return Buffer.from(`${JSON.stringify(document, null, 1)}\n`, 'utf8');
}

/** The CSV files and the JSON document of a report's open data. */
export function renderOpenData(model: ReportModel): OpenDataFile[] {
  return [
    ...OPEN_DATASETS.map(({ key, file }) => ({ name: `${file}.csv`, bytes: renderCsv(model.datasets[key]) })),
    { name: 'dati.json', bytes: renderOpenDataJson(model) },
  ];
}
