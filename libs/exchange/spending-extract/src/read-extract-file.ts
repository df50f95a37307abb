import { parseString } from '@fast-csv/parse';
import { Workbook, type CellValue } from 'exceljs';

/** A cell as read from the file, before any validation. */
export type RawCell = string | number | { formula: string } | null;

export interface RawRow {
  /** 1-based row number as the spreadsheet or text editor shows it. */
  rowNumber: number;
  cells: RawCell[];
}

export interface RawTable {
  format: 'xlsx' | 'csv';
  rows: RawRow[];
}

/** The file could not be read at all: no row or column to point to. */
export class UnreadableExtract extends Error {
  constructor(
    readonly code: 'FILE_UNREADABLE' | 'FILE_EMPTY',
    message: string,
  ) {
    super(message);
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = '\ufeff';

/**
 * Reads an accounting extract: an xlsx workbook (first sheet, or the one named "Spese") or a
 * CSV text (UTF-8 with or without BOM, `;` separated). The format is told by the bytes, not by
 * the file name, so a renamed file is read for what it is.
 */
export async function readExtractFile(bytes: Buffer): Promise<RawTable> {
  if (bytes.length === 0) throw new UnreadableExtract('FILE_EMPTY', 'Il file è vuoto.');
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return { format: 'xlsx', rows: await readXlsx(bytes) };
  return { format: 'csv', rows: await readCsv(bytes) };
}

async function readXlsx(bytes: Buffer): Promise<RawRow[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableExtract(
      'FILE_UNREADABLE',
      'Il file non è una cartella di lavoro Excel (xlsx) leggibile: salvarlo di nuovo come .xlsx o come CSV separato da punto e virgola.',
    );
  }
  const sheet = workbook.worksheets.find((s) => s.name.trim().toLowerCase() === 'spese') ?? workbook.worksheets[0];
  if (!sheet) throw new UnreadableExtract('FILE_EMPTY', 'La cartella di lavoro non contiene fogli.');
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = rawCellOf(cell.value);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}

function rawCellOf(value: CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('formula' in value || 'sharedFormula' in value)
    return { formula: String((value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula) };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

async function readCsv(bytes: Buffer): Promise<RawRow[]> {
  if (bytes.includes(0))
    throw new UnreadableExtract(
      'FILE_UNREADABLE',
      'Il file non è né un xlsx né un testo CSV: caricare il modello compilato (.xlsx) o un CSV separato da punto e virgola.',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableExtract('FILE_UNREADABLE', 'Il file CSV non è in UTF-8: salvarlo con codifica UTF-8 (con o senza BOM).');
  }
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  const lines = await new Promise<string[][]>((resolve, reject) => {
    const out: string[][] = [];
    parseString<string[], string[]>(text, { delimiter: ';', ignoreEmpty: false, trim: false })
      .on('error', reject)
      .on('data', (row: string[]) => out.push(row))
      .on('end', () => resolve(out));
  }).catch(() => {
    throw new UnreadableExtract('FILE_UNREADABLE', 'Il file CSV non è leggibile (virgolette non chiuse?): controllarlo e riprovare.');
  });
  const rows: RawRow[] = [];
  lines.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows.push({ rowNumber: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) });
  });
  return rows;
}
