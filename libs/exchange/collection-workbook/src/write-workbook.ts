import ExcelJS from 'exceljs';
import { DECLARED_STATE_LABELS, RESULT_STATUS_LABELS } from '@dup/domain';
import type { CollectionSource } from './collection-source';
import {
  columnsOf,
  FINGERPRINT_COLUMN,
  FIRST_DATA_ROW,
  HEADER_ROW,
  ID_COLUMN,
  INDICATOR_COLUMNS,
  INVOLVED_COLUMNS,
  inputsFingerprint,
  italianDate,
  LEAD_COLUMNS,
  META_KEYS,
  neutralised,
  SHEETS,
  structureChecksum,
  TEMPLATE_VERSION,
  VERSION_COLUMN,
  type ColumnSpec,
  type RowIdentity,
  type WorkbookMeta,
} from './workbook-format';

/**
 * Sheet protection without a password: it keeps the structure from being edited by mistake
 * (the import checks the structure anyway), and a password nobody knows would only get in the way.
 */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: false,
  deleteRows: false,
  sort: false,
  autoFilter: false,
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E0' } };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/** A decimal string as the number a spreadsheet shows ("95.0000" → 95). */
const numberOf = (value: string | null | undefined) => (value == null ? null : Number(value));

interface DataRow {
  id: string;
  version: number | null;
  values: Record<string, string | number | null>;
}

/** A data sheet: title, hint, headings, one row per item; only the input cells are unlocked. */
function dataSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  hint: string,
  spec: Record<string, ColumnSpec>,
  rows: DataRow[],
  identities: RowIdentity[],
) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }] });
  const columns = columnsOf(spec);
  ws.columns = columns.map((c) => ({ width: c.width }));
  for (const col of [ID_COLUMN, VERSION_COLUMN, FINGERPRINT_COLUMN]) ws.getColumn(col).hidden = true;
  ws.getCell(1, 4).value = title;
  ws.getCell(1, 4).font = { bold: true, size: 13 };
  ws.getCell(2, 4).value = hint;
  ws.getCell(2, 4).font = { italic: true };
  const header = ws.getRow(HEADER_ROW);
  for (const c of columns) {
    const cell = header.getCell(c.col);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = WRAP;
  }
  const inputs = columns.filter((c) => c.input);
  rows.forEach((r, i) => {
    const rowNumber = FIRST_DATA_ROW + i;
    const row = ws.getRow(rowNumber);
    row.getCell(ID_COLUMN).value = r.id;
    row.getCell(VERSION_COLUMN).value = r.version ?? '';
    row.getCell(FINGERPRINT_COLUMN).value = inputsFingerprint(inputs.map((c) => fingerprintValue(r.values[c.field!])));
    for (const [key, c] of Object.entries(spec)) {
      const value = r.values[c.input ? c.field! : key];
      const cell = row.getCell(c.col);
      cell.value = typeof value === 'string' ? neutralised(value) : value;
      cell.alignment = WRAP;
      if (c.input) {
        cell.protection = { locked: false };
        cell.fill = INPUT_FILL;
      }
    }
    identities.push({ sheet: name, row: rowNumber, id: r.id });
  });
  return ws;
}

/** The fingerprint sees the value as the reader will read it back. */
export const fingerprintValue = (value: string | number | null | undefined): string | null => (value == null || value === '' ? null : String(value));

function listValidation(ws: ExcelJS.Worksheet, col: number, rows: number, options: string[], title: string): void {
  for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + rows; r += 1) {
    ws.getCell(r, col).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${options.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: title,
      error: `Scegliere un valore dell'elenco: ${options.join(', ')}.`,
    };
  }
}

function coverSheet(wb: ExcelJS.Workbook, s: CollectionSource): void {
  const ws = wb.addWorksheet(SHEETS.cover);
  ws.columns = [{ width: 28 }, { width: 90 }];
  ws.getCell('A1').value = 'Raccolta dello stato di attuazione del DUP';
  ws.getCell('A1').font = { bold: true, size: 14 };
  const lines: [string, string][] = [
    ['Ente', s.ente.name],
    ['Edizione del DUP', `${s.edition.code} — ${s.edition.title}`],
    ['Periodo', `al ${italianDate(s.period.cutoffDate)}`],
    ['Settore', `${s.department.name} (${s.department.code})`],
    ['Da restituire entro il', italianDate(s.deadline)],
    ['Versione del modello', TEMPLATE_VERSION],
  ];
  lines.forEach(([label, value], i) => {
    ws.getCell(3 + i, 1).value = label;
    ws.getCell(3 + i, 1).font = { bold: true };
    ws.getCell(3 + i, 2).value = neutralised(value);
  });
  const instructions = [
    'Istruzioni',
    `1. Compilare solo le celle con lo sfondo giallo; le altre sono protette e non vanno modificate.`,
    `2. Foglio "${SHEETS.lead}": per ogni finalità di cui il settore è capofila scrivere lo stato di attuazione, scegliere lo stato dall'elenco, indicare la percentuale (da 0 a 100) e, se la finalità è rinviata, la scadenza a cui è rinviata.`,
    `3. Foglio "${SHEETS.involved}": per le finalità in cui il settore è solo coinvolto scrivere il proprio contributo.`,
    `4. Foglio "${SHEETS.indicators}": per ogni indicatore scrivere il risultato (testo), il valore numerico se c'è, e scegliere lo stato; per un risultato rinviato indicare la scadenza.`,
    '5. Le righe lasciate vuote non vengono caricate. Non inserire formule: si scrivono solo valori. Usare la virgola per i decimali (es. 12,5).',
    "6. Non aggiungere, togliere o spostare righe e fogli: il file verrebbe rifiutato. Restituire il file com'è, anche se compilato in parte.",
    '7. Al caricamento ogni cella è controllata: se qualcosa non va, il resoconto indica foglio, cella e motivo e nulla viene scritto finché il file non è corretto.',
    '8. Se nel frattempo qualcuno ha modificato sul sito una finalità o un indicatore che lei ha cambiato nel file, quella riga è segnalata in conflitto: scaricare di nuovo la cartella.',
  ];
  instructions.forEach((line, i) => {
    const cell = ws.getCell(10 + i, 1);
    ws.mergeCells(10 + i, 1, 10 + i, 2);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true };
    else ws.getRow(10 + i).height = 32;
  });
}

/** The workbook of one department: cover, goals it leads, goals it is involved in, indicators, and the hidden meta sheet. */
export async function writeCollectionWorkbook(s: CollectionSource, exportedAt = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DUP Monitor';
  wb.created = exportedAt;
  wb.title = `Raccolta stato di attuazione ${s.department.code} al ${italianDate(s.period.cutoffDate)}`;
  coverSheet(wb, s);
  const identities: RowIdentity[] = [];
  const deferrals = s.laterCutoffs.map(italianDate);

  const lead = dataSheet(
    wb,
    SHEETS.lead,
    `Finalità di cui il settore è capofila — stato di attuazione al ${italianDate(s.period.cutoffDate)}`,
    'Compilare le colonne gialle: stato di attuazione, stato, percentuale (0–100) e rinvio.',
    LEAD_COLUMNS,
    s.lead.map((g) => ({
      id: g.goalId,
      version: g.current?.version ?? null,
      values: {
        objective: g.objectiveCode,
        position: g.position,
        title: g.title,
        previous: g.previous ?? '',
        narrativa: g.current?.narrative ?? null,
        stato: g.current?.declaredState ? DECLARED_STATE_LABELS[g.current.declaredState] : null,
        percentuale: numberOf(g.current?.percentComplete),
        rinvio: g.current?.deferredTo ? italianDate(g.current.deferredTo) : null,
      },
    })),
    identities,
  );
  listValidation(lead, LEAD_COLUMNS.state.col, s.lead.length, Object.values(DECLARED_STATE_LABELS), 'Stato della finalità');
  listValidation(lead, LEAD_COLUMNS.deferredTo.col, s.lead.length, deferrals, 'Scadenza del rinvio');
  for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + s.lead.length; r += 1) {
    lead.getCell(r, LEAD_COLUMNS.percent.col).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      errorTitle: 'Percentuale',
      error: 'Indicare un numero da 0 a 100.',
    };
  }

  dataSheet(
    wb,
    SHEETS.involved,
    'Finalità in cui il settore è coinvolto senza esserne capofila',
    'Scrivere nella colonna gialla il contributo del settore.',
    INVOLVED_COLUMNS,
    s.involved.map((g) => ({
      id: g.goalId,
      version: g.current?.version ?? null,
      values: { objective: g.objectiveCode, position: g.position, title: g.title, lead: g.leadName, contributo: g.current?.text ?? null },
    })),
    identities,
  );

  const indicators = dataSheet(
    wb,
    SHEETS.indicators,
    `Indicatori degli obiettivi di cui il settore guida una finalità — risultati al ${italianDate(s.period.cutoffDate)}`,
    'Compilare le colonne gialle: risultato, valore numerico (con la virgola per i decimali), stato ed eventuale rinvio.',
    INDICATOR_COLUMNS,
    s.indicators.map((i) => ({
      id: i.indicatorId,
      version: i.current?.version ?? null,
      values: {
        objective: i.objectiveCode,
        name: i.name,
        unit: i.unit ?? '',
        target: i.target,
        previous: i.previous ?? '',
        testo: i.current?.text || null,
        valore: numberOf(i.current?.value),
        stato: i.current ? RESULT_STATUS_LABELS[i.current.status] : null,
        rinvio: i.current?.deferredTo ? italianDate(i.current.deferredTo) : null,
      },
    })),
    identities,
  );
  listValidation(indicators, INDICATOR_COLUMNS.status.col, s.indicators.length, Object.values(RESULT_STATUS_LABELS), 'Stato del risultato');
  listValidation(indicators, INDICATOR_COLUMNS.deferredTo.col, s.indicators.length, deferrals, 'Scadenza del rinvio');

  const base = {
    templateVersion: TEMPLATE_VERSION,
    enteId: s.ente.id,
    editionId: s.edition.id,
    editionCode: s.edition.code,
    periodId: s.period.id,
    period: s.period.cutoffDate,
    departmentId: s.department.id,
    departmentCode: s.department.code,
  };
  const meta: WorkbookMeta = { ...base, exportedAt: exportedAt.toISOString(), checksum: structureChecksum(base, identities) };
  const metaSheet = wb.addWorksheet(SHEETS.meta, { state: 'veryHidden' });
  META_KEYS.forEach((key, i) => {
    metaSheet.getCell(i + 1, 1).value = key;
    metaSheet.getCell(i + 1, 2).value = meta[key];
  });

  for (const ws of wb.worksheets) await ws.protect('', PROTECTION);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** File name of a department's workbook: DUP-2020-2022_raccolta_2020-12-31_AMB_MOB.xlsx. */
export const workbookFileName = (s: Pick<CollectionSource, 'edition' | 'period' | 'department'>) =>
  `DUP-${s.edition.code}_raccolta_${s.period.cutoffDate}_${s.department.code}.xlsx`;
