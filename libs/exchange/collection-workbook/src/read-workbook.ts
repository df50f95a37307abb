import ExcelJS from 'exceljs';
import { fileRejection, rejection, type ImportProblem } from './import-problems';
import {
  cellAddress,
  FINGERPRINT_COLUMN,
  FIRST_DATA_ROW,
  ID_COLUMN,
  INDICATOR_COLUMNS,
  INVOLVED_COLUMNS,
  LEAD_COLUMNS,
  META_KEYS,
  SHEETS,
  TEMPLATE_VERSION,
  unneutralised,
  VERSION_COLUMN,
  type ColumnSpec,
  type WorkbookMeta,
} from './workbook-format';
import { guardWorkbookZip } from './zip-guard';

/** An input cell as read: its text or number, or a formula (refused later, with its address). */
export interface InputCell {
  address: string;
  value: string | number | null;
  formula: boolean;
}

export interface ParsedRow {
  sheet: string;
  row: number;
  id: string;
  version: number | null;
  fingerprint: string;
  inputs: Record<string, InputCell>;
}

export interface ParsedWorkbook {
  meta: WorkbookMeta;
  lead: ParsedRow[];
  involved: ParsedRow[];
  indicators: ParsedRow[];
}

const MAX_CELL_CHARS = 60_000;

function plainValue(cell: ExcelJS.Cell): { value: string | number | null; formula: boolean } {
  const v = cell.value as unknown;
  if (v == null) return { value: null, formula: false };
  if (typeof v === 'string') return { value: unneutralised(v), formula: false };
  if (typeof v === 'number') return { value: v, formula: false };
  if (typeof v === 'boolean') return { value: v ? 'VERO' : 'FALSO', formula: false };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10).split('-').reverse().join('/'), formula: false };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { value: null, formula: true };
    if (Array.isArray(o['richText'])) return { value: unneutralised((o['richText'] as { text: string }[]).map((r) => r.text).join('')), formula: false };
    if (typeof o['text'] === 'string') return { value: unneutralised(o['text']), formula: false };
    if ('error' in o) return { value: String(o['error']), formula: false };
  }
  return { value: String(v), formula: false };
}

function readSheet(ws: ExcelJS.Worksheet, spec: Record<string, ColumnSpec>, problems: ImportProblem[]): ParsedRow[] {
  const rows: ParsedRow[] = [];
  const inputs = Object.values(spec).filter((c) => c.input);
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const id = plainValue(row.getCell(ID_COLUMN));
    const anyInput = inputs.some((c) => plainValue(row.getCell(c.col)).value != null);
    if (id.value == null && !anyInput) continue;
    if (id.formula || typeof id.value !== 'string') {
      problems.push({
        sheet: ws.name,
        cell: cellAddress(ID_COLUMN, r),
        field: null,
        code: 'STRUCTURE_CHANGED',
        message: 'Riga aggiunta o identificativo nascosto alterato: usare la cartella scaricata senza aggiungere righe.',
      });
      continue;
    }
    const version = plainValue(row.getCell(VERSION_COLUMN)).value;
    const parsed: ParsedRow = {
      sheet: ws.name,
      row: r,
      id: id.value,
      version: version === null || version === '' ? null : Number(version),
      fingerprint: String(plainValue(row.getCell(FINGERPRINT_COLUMN)).value ?? ''),
      inputs: {},
    };
    for (const c of inputs) {
      const cell = plainValue(row.getCell(c.col));
      const address = cellAddress(c.col, r);
      if (typeof cell.value === 'string' && cell.value.length > MAX_CELL_CHARS) {
        problems.push({
          sheet: ws.name,
          cell: address,
          field: c.field!,
          code: 'TOO_LONG',
          message: `Testo troppo lungo: al massimo ${MAX_CELL_CHARS} caratteri.`,
        });
      }
      parsed.inputs[c.field!] = { address, ...cell };
    }
    rows.push(parsed);
  }
  return rows;
}

/**
 * Parses an uploaded workbook after the zip checks: the meta sheet (is it ours, which template
 * version) and the rows of the three data sheets with their hidden identity and input cells.
 * Values are not judged here (see validate-rows); only what makes the file unusable is refused.
 */
export async function readCollectionWorkbook(bytes: Uint8Array): Promise<ParsedWorkbook> {
  await guardWorkbookZip(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw fileRejection('NOT_XLSX', 'Il file è danneggiato o non è un file .xlsx valido: salvarlo di nuovo in formato .xlsx e riprovare.');
  }
  const metaSheet = wb.getWorksheet(SHEETS.meta);
  if (!metaSheet)
    throw fileRejection('NOT_OURS', 'Il file non è una cartella di raccolta di DUP Monitor: scaricare la cartella del settore e compilare quella.');
  const meta = {} as WorkbookMeta;
  for (let r = 1; r <= META_KEYS.length; r += 1) {
    const key = metaSheet.getCell(r, 1).value;
    const value = metaSheet.getCell(r, 2).value;
    if (key !== META_KEYS[r - 1] || typeof value !== 'string') {
      throw fileRejection('NOT_OURS', 'Il file non è una cartella di raccolta di DUP Monitor (dati di controllo mancanti o alterati): scaricarla di nuovo.');
    }
    meta[key as keyof WorkbookMeta] = value;
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const wellFormed =
    /^\d{4}-(06-30|12-31)$/.test(meta.period) &&
    [meta.enteId, meta.editionId, meta.periodId, meta.departmentId].every((id) => uuid.test(id)) &&
    [meta.editionCode, meta.departmentCode].every((code) => code.length <= 100);
  if (meta.templateVersion === TEMPLATE_VERSION && !wellFormed) {
    throw fileRejection('NOT_OURS', 'I dati di controllo nascosti della cartella sono stati alterati: scaricare di nuovo la cartella del settore.');
  }
  if (meta.templateVersion !== TEMPLATE_VERSION) {
    throw fileRejection(
      'TEMPLATE_VERSION',
      `La cartella usa il modello ${meta.templateVersion}, non più accettato (modello attuale ${TEMPLATE_VERSION}): scaricarla di nuovo e ricopiare i dati.`,
    );
  }
  const problems: ImportProblem[] = [];
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws)
      problems.push({
        sheet: name,
        cell: null,
        field: null,
        code: 'STRUCTURE_CHANGED',
        message: `Manca il foglio "${name}": non rinominare né eliminare i fogli.`,
      });
    return ws;
  };
  const [lead, involved, indicators] = [sheet(SHEETS.lead), sheet(SHEETS.involved), sheet(SHEETS.indicators)];
  const parsed: ParsedWorkbook = {
    meta,
    lead: lead ? readSheet(lead, LEAD_COLUMNS, problems) : [],
    involved: involved ? readSheet(involved, INVOLVED_COLUMNS, problems) : [],
    indicators: indicators ? readSheet(indicators, INDICATOR_COLUMNS, problems) : [],
  };
  if (problems.length) throw rejection('STRUCTURE_CHANGED', 'La struttura della cartella è stata modificata: vedere il resoconto.', problems);
  return parsed;
}
