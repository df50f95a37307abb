import { Workbook, type CellValue, type Style, type Worksheet, type XlsxWriteOptions } from 'exceljs';
import type { Cell, Column, ReportDatasets, ReportModel, Row, Table } from '../../model/report-model';
import { NOT_COMPUTABLE, formatInteger, formatMoney, formatQuantity, formatRatio } from '../../model/italian-format';
import { cellText, departmentText, flattenBlocks, looksLikeFormula } from './cell-text';
import { deliberationSheet } from './deliberation-sheet';
import { decimalToNumber, percentToFraction } from './decimal';
import { tableFormulas } from './table-formulas';
import { StyleBook, type NumFmtKey, type StyleRole } from './xlsx-styles';

/** Sheets in workbook order, one per dataset table (after the Deliberazione sheet, when the report opens with one). */
export const XLSX_SHEETS: readonly { dataset: Exclude<keyof ReportDatasets, 'deliberation'>; name: string }[] = [
  { dataset: 'summary', name: 'Sintesi' },
  { dataset: 'objectives', name: 'Obiettivi' },
  { dataset: 'goals', name: 'Finalità' },
  { dataset: 'indicators', name: 'Indicatori' },
  { dataset: 'spending', name: 'Spese' },
];

/** Label and value of the scope row the Sintesi sheet adds to the summary table. */
export const SCOPE_ROW_LABEL = 'Ambito del rapporto';
/** Printed under a table whose sheet is protected against sorting. */
export const SORT_PROTECTION_NOTE =
  'Foglio protetto senza password: ordinare le righe sposterebbe i programmi fuori dai totali di Missione (formule SOMMA). I filtri restano disponibili; per modificare il foglio, rimuovere la protezione.';
export const FULL_SCOPE_LABEL = 'Intero documento';

const FLAG = '•';

/** Column widths in Excel character units. */
const WIDTH = {
  min: 6,
  /** Cap for ordinary text columns; longer content wraps. */
  text: 50,
  /** Cap for narrative columns (longest content over `longText` characters). */
  narrative: 90,
  longText: 600,
  padding: 2,
} as const;

/**
 * Row heights in points. Rows holding wrapped text get an estimated height: exceljs can only
 * write custom heights, and LibreOffice does not fit rows to wrapped text when it opens an xlsx
 * (Excel would), so without a height every narrative would show as one clipped line there.
 * The estimate assumes the default font (Calibri 11 or its metric twin Carlito): 15 pt a line
 * (Excel's; LibreOffice needs about 13.5) and 1.2 characters of running Italian text per unit of
 * column width, less what word wrapping leaves at the end of a line (measured on the Livorno
 * narratives with Carlito in LibreOffice: about 1.25). It errs on the tall side. Excel caps a
 * row at 409 pt: a longer narrative is complete in its cell but shows cut (the formula bar and
 * the PDF have it in full). Being custom heights, Excel does not refit them on opening.
 */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;
const CHARS_PER_WIDTH = 1.2;
const CHARS_PER_WIDTH_BOLD = 1.1;
const WRAP_SLACK = 2;

function wrappedLines(text: string, width: number, bold: boolean): number {
  const perLine = Math.max(1, Math.floor(width * (bold ? CHARS_PER_WIDTH_BOLD : CHARS_PER_WIDTH)) - WRAP_SLACK);
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const len = (end < 0 ? text.length : end) - start;
    lines += Math.max(1, Math.ceil(len / perLine));
    if (end < 0) return lines;
    start = end + 1;
  }
}

function rowHeight(lines: number): number | undefined {
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : undefined;
}

/** A sheet is printed landscape when it has more columns than this or is wider than `LANDSCAPE_WIDTH`. */
const PORTRAIT_MAX_COLUMNS = 4;
const LANDSCAPE_WIDTH = 100;

/**
 * The in-memory workbook is zipped by JSZip (pure-JS deflate). Its default level 6 spends about
 * 40% of the rendering time compressing; level 1 makes the file about 25% larger (Livorno:
 * 140 KiB instead of 111 KiB) and the rendering markedly faster. exceljs's streaming writer
 * (native zlib) was not used: it writes neither the company property nor fullCalcOnLoad.
 */
const WRITE_OPTIONS: Partial<XlsxWriteOptions> = {
  useSharedStrings: true,
  useStyles: true,
  zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
};

/** A model cell made ready for the sheet. */
interface PreparedCell {
  value: CellValue;
  fmt: NumFmtKey;
  bold: boolean;
  /** Length of the longest printed line, for column widths. */
  chars: number;
  /** Holds a line break (needs wrapping to show it). */
  multiline: boolean;
}

const EMPTY: PreparedCell = { value: null, fmt: 'general', bold: false, chars: 0, multiline: false };

function longestLine(text: string): number {
  if (text.indexOf('\n') < 0) return text.length;
  let max = 0;
  for (const line of text.split('\n')) if (line.length > max) max = line.length;
  return max;
}

function textCell(raw: string, bold: boolean): PreparedCell {
  const text = cellText(raw);
  if (!text) return { ...EMPTY, bold };
  return {
    value: text,
    // '@' keeps a text that starts like a formula a text even when a user re-enters the cell.
    fmt: looksLikeFormula(text) ? 'text' : 'general',
    bold,
    chars: longestLine(text),
    multiline: text.indexOf('\n') >= 0,
  };
}

function isoToDate(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new Error(`Data non valida: "${value}"`);
  // UTC midnight: exceljs converts dates to serial numbers in UTC, so this is a whole day.
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function prepareCell(cell: Cell | undefined, formula: string | undefined, rowBold: boolean): PreparedCell {
  if (!cell) return { ...EMPTY, bold: rowBold };
  switch (cell.type) {
    case 'text':
      return textCell(cell.text, rowBold || !!cell.bold);
    case 'rich':
      return textCell(flattenBlocks(cell.blocks), rowBold);
    case 'department':
      return textCell(departmentText(cell.name, cell.lead, cell.note), rowBold);
    case 'empty':
      return { ...EMPTY, bold: rowBold };
    case 'flag':
      return { value: cell.on ? FLAG : null, fmt: 'general', bold: rowBold, chars: 1, multiline: false };
    case 'integer':
      return { value: cell.value, fmt: 'integer', bold: rowBold, chars: formatInteger(cell.value).length, multiline: false };
    case 'number': {
      // A whole quantity gets thousands separators; a fractional one all its decimals (General).
      const printed = formatQuantity(cell.value);
      return { value: decimalToNumber(cell.value), fmt: printed.includes(',') ? 'general' : 'integer', bold: rowBold, chars: printed.length, multiline: false };
    }
    case 'money': {
      const result = decimalToNumber(cell.value);
      return {
        value: formula ? { formula, result } : result,
        fmt: 'money',
        bold: rowBold || !!cell.bold,
        chars: formatMoney(cell.value).length,
        multiline: false,
      };
    }
    case 'ratio': {
      const result = cell.value === null ? NOT_COMPUTABLE : percentToFraction(cell.value);
      return {
        value: formula ? { formula, result } : result,
        fmt: 'percent',
        bold: rowBold || !!cell.bold,
        chars: formatRatio(cell.value).length,
        multiline: false,
      };
    }
    case 'date':
      return { value: isoToDate(cell.value), fmt: 'date', bold: rowBold, chars: 10, multiline: false };
  }
}

interface ColumnLayout {
  width: number;
  wrap: boolean;
}

function layoutColumns(columns: Column[], rows: PreparedCell[][]): ColumnLayout[] {
  return columns.map((column, j) => {
    let chars = 0;
    let multiline = false;
    for (const row of rows) {
      const c = row[j];
      if (c.chars > chars) chars = c.chars;
      if (c.multiline) multiline = true;
    }
    const headerWord = Math.max(0, ...column.header.split(/\s+/).map((w) => w.length));
    const wanted = Math.max(chars, headerWord, Math.ceil(column.header.length / 2)) + WIDTH.padding;
    const cap = chars > WIDTH.longText ? WIDTH.narrative : WIDTH.text;
    const width = Math.min(Math.max(wanted, WIDTH.min), cap);
    return { width, wrap: multiline || chars + WIDTH.padding > width };
  });
}

/** `&` starts a code in Excel page headers and footers; a literal one is doubled. */
const headerFooterText = (text: string): string => text.replace(/&/g, '&&');

interface SheetContext {
  model: ReportModel;
  styles: StyleBook;
}

/**
 * Writes a table on its own sheet: title in row 1, the optional grouped header, the column
 * header, the rows, then the footnotes after one blank row.
 */
function writeTableSheet(ws: Worksheet, title: string, table: Table, ctx: SheetContext): void {
  const { styles } = ctx;
  const columns = table.columns;
  const titleRow = 1;
  const groupRow = table.headerGroups?.length ? titleRow + 1 : null;
  const headerRow = (groupRow ?? titleRow) + 1;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + table.rows.length;

  const formulas = tableFormulas(table, firstDataRow);
  // A repeating column (the mission) is written on every data row, so that a filter by it works.
  const repeats = columns.map((c) => c.repeatsDown === true);
  const carried: (Cell | undefined)[] = columns.map(() => undefined);
  const prepared = table.rows.map((row: Row, i) => {
    const rowBold = row.kind !== 'data';
    const out: PreparedCell[] = [];
    for (let j = 0; j < columns.length; j++) {
      let cell: Cell | undefined = row.cells[j];
      if (repeats[j] && row.kind === 'data') {
        if (cell?.type === 'empty') cell = carried[j] ?? cell;
        else carried[j] = cell;
      }
      out.push(prepareCell(cell, formulas[i][j], rowBold));
    }
    return out;
  });
  const layout = layoutColumns(columns, prepared);

  ws.columns = layout.map((l) => ({ width: l.width }));

  const titleCell = ws.getCell(titleRow, 1);
  const draft = ctx.model.meta.draftMark;
  titleCell.value = cellText(draft ? `${draft} – ${title}` : title);
  titleCell.style = styles.title as Style;
  ws.getRow(titleRow).height = 22;

  if (groupRow !== null && table.headerGroups) {
    let c = 1;
    for (const group of table.headerGroups) {
      const cell = ws.getCell(groupRow, c);
      cell.value = cellText(group.header);
      for (let k = 0; k < group.span; k++) ws.getCell(groupRow, c + k).style = styles.headerGroup as Style;
      if (group.span > 1) ws.mergeCells(groupRow, c, groupRow, c + group.span - 1);
      c += group.span;
    }
  }

  const header = ws.getRow(headerRow);
  let headerLines = 1;
  columns.forEach((column, j) => {
    const cell = header.getCell(j + 1);
    const text = cellText(column.header);
    cell.value = text;
    cell.style = styles.cell({ role: 'header', fmt: 'general', align: column.align, wrap: true, bold: true }) as Style;
    headerLines = Math.max(headerLines, wrappedLines(text, layout[j].width, true));
  });
  const headerHeight = rowHeight(headerLines);
  if (headerHeight) header.height = headerHeight;

  table.rows.forEach((row, i) => {
    const role: StyleRole = row.kind;
    const sheetRow = ws.getRow(firstDataRow + i);
    const cells = prepared[i];
    let lines = 1;
    for (let j = 0; j < columns.length; j++) {
      const p = cells[j];
      const cell = sheetRow.getCell(j + 1);
      if (p.value !== null) cell.value = p.value;
      cell.style = styles.cell({ role, fmt: p.fmt, align: columns[j].align, wrap: layout[j].wrap, bold: p.bold }) as Style;
      if (layout[j].wrap && typeof p.value === 'string') lines = Math.max(lines, wrappedLines(p.value, layout[j].width, p.bold));
    }
    const height = rowHeight(lines);
    if (height) sheetRow.height = height;
  });

  let r = lastDataRow + 2;
  for (const note of table.footnotes) {
    const cell = ws.getCell(r++, 1);
    cell.value = cellText(note);
    cell.style = styles.footnote as Style;
  }

  if (table.rows.some((row) => row.kind === 'subtotal' || row.kind === 'total')) {
    // Sorting would move programme rows out of (or into) the ranges of the SUM formulas of the
    // subtotal and total rows, silently changing the totals: the sheet is protected, without a
    // password, against sorting and editing; filters and column widths stay usable.
    void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, autoFilter: true, formatColumns: true, formatRows: true, sort: false });
    const cell = ws.getCell(r, 1);
    cell.value = SORT_PROTECTION_NOTE;
    cell.style = styles.footnote as Style;
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${firstDataRow}`, activeCell: `A${firstDataRow}` }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastDataRow, headerRow), column: columns.length } };

  const totalWidth = layout.reduce((s, l) => s + l.width, 0);
  const landscape = columns.length > PORTRAIT_MAX_COLUMNS || totalWidth > LANDSCAPE_WIDTH;
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${groupRow ?? headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: `&L&8${headerFooterText(ctx.model.runningHeader)}${draft ? `&R&B&10${headerFooterText(draft)}` : ''}`,
    oddFooter: `&C&8Pagina &P di &N`,
  };
}

/**
 * The summary table plus a scope row ("Ambito del rapporto"), placed after the leading
 * descriptive rows (ente, edition, period) and before the counts.
 */
function summaryWithScope(model: ReportModel): Table {
  const summary = model.datasets.summary;
  const scopeCells: Cell[] = [
    { type: 'text', text: SCOPE_ROW_LABEL },
    { type: 'text', text: model.meta.scopeLabel ?? FULL_SCOPE_LABEL },
    ...summary.columns.slice(2).map((): Cell => ({ type: 'empty' })),
  ];
  let at = summary.rows.findIndex((row) => row.cells.some((c) => c.type === 'integer'));
  if (at < 0) at = summary.rows.length;
  return { ...summary, rows: [...summary.rows.slice(0, at), { kind: 'data', cells: scopeCells }, ...summary.rows.slice(at)] };
}

/**
 * The Excel rendition of the report: one sheet per dataset table (Sintesi, Obiettivi, Finalità,
 * Indicatori, Spese). Cells are typed (numbers, dates, percentages); subtotals, totals and ratios
 * of the spending table are live formulas whose cached results are the model's exact values.
 */
export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const wb = new Workbook();
  const { meta } = model;
  const generated = new Date(meta.generatedAt);
  wb.creator = 'DUP Monitor';
  wb.lastModifiedBy = 'DUP Monitor';
  wb.title = meta.title;
  wb.subject = meta.subject;
  wb.keywords = meta.keywords.join(', ');
  wb.company = meta.enteName;
  wb.description = model.runningHeader + (meta.scopeLabel ? ` – ${meta.scopeLabel}` : '');
  wb.category = 'DUP – Stato di attuazione';
  // Not in exceljs's typings, but written to docProps/core.xml as dc:language.
  (wb as Workbook & { language?: string }).language = meta.language;
  if (!Number.isNaN(generated.getTime())) {
    wb.created = generated;
    wb.modified = generated;
  }
  // Excel recomputes the formulas on opening; the cached results serve viewers that do not.
  wb.calcProperties.fullCalcOnLoad = true;

  const ctx: SheetContext = { model, styles: new StyleBook() };
  const scopeSuffix = meta.scopeLabel ? ` – ${meta.scopeLabel}` : '';
  const deliberation = deliberationSheet(model);
  if (deliberation) writeTableSheet(wb.addWorksheet(deliberation.name, { properties: { defaultRowHeight: 15 } }), deliberation.title, deliberation.table, ctx);
  for (const { dataset, name } of XLSX_SHEETS) {
    const table = dataset === 'summary' ? summaryWithScope(model) : model.datasets[dataset];
    const title = (dataset === 'summary' ? meta.title : table.caption) + scopeSuffix;
    const ws = wb.addWorksheet(name, { properties: { defaultRowHeight: 15 } });
    writeTableSheet(ws, title, table, ctx);
  }
  const data = await wb.xlsx.writeBuffer(WRITE_OPTIONS);
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}
