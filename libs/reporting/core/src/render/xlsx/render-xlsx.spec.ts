import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValueType, Workbook, type CellFormulaValue, type Worksheet } from 'exceljs';
import type { ReportModel, Table } from '../../model/report-model';
import { renderXlsx, XLSX_SHEETS } from './index';
import { SORT_PROTECTION_NOTE } from './render-xlsx';
import { FIXTURE_SPENDING, FORMULA_LIKE_TEXTS, RICH_RESULT_TEXT, fixtureModel } from './test-fixtures/fixture-model';

const SHEET_NAMES = ['Sintesi', 'Obiettivi', 'Finalità', 'Indicatori', 'Spese'];
const LIVORNO = join(__dirname, '../../../test-fixtures/livorno-2020-06-30.model.json');

async function readBack(model: ReportModel): Promise<Workbook> {
  const buffer = await renderXlsx(model);
  expect(Buffer.isBuffer(buffer)).toBe(true);
  const wb = new Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`Foglio mancante: ${name}`);
  return ws;
}

/**
 * Formula and cached result of a cell. Read through `cell.formula`/`cell.result`: exceljs's
 * `cell.value` copy drops falsy members, so a cached 0 would read back as undefined there.
 */
function formulaOf(ws: Worksheet, address: string): Pick<CellFormulaValue, 'formula' | 'result'> {
  const cell = ws.getCell(address);
  expect(cell.type).toBe(ValueType.Formula);
  return { formula: cell.formula, result: cell.result as CellFormulaValue['result'] };
}

/** Exact sum of decimal strings (two decimals at most), as a decimal string. */
function exactSum(values: string[]): string {
  const cents = values.reduce((s, v) => {
    const [int, frac = ''] = v.replace('-', '').split('.');
    const n = BigInt(int + frac.padEnd(2, '0'));
    return s + (v.startsWith('-') ? -n : n);
  }, 0n);
  const abs = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return `${cents < 0n ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** The model's table as the sheet shows it: rows from `firstRow`, columns from A. */
function expectTableOnSheet(ws: Worksheet, table: Table, headerRow: number): void {
  expect(ws.getRow(headerRow).values).toEqual([undefined, ...table.columns.map((c) => c.header)]);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}` });
  const lastColumn = String.fromCharCode(64 + table.columns.length);
  expect(ws.autoFilter).toBe(`A${headerRow}:${lastColumn}${headerRow + table.rows.length}`);
}

describe('renderXlsx (hand-made fixture)', () => {
  let wb: Workbook;
  const model = fixtureModel();
  beforeAll(async () => {
    wb = await readBack(model);
  });

  it('writes one sheet per dataset, in order', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(SHEET_NAMES);
    expect(XLSX_SHEETS.map((s) => s.name)).toEqual(SHEET_NAMES);
  });

  it('sets the workbook properties', () => {
    expect(wb.creator).toBe('DUP Monitor');
    expect(wb.title).toBe(model.meta.title);
    expect(wb.subject).toBe(model.meta.subject);
    expect(wb.company).toBe('Comune di Prova & Uniti');
    expect(wb.keywords).toBe('DUP, 2020-2022, stato di attuazione');
    expect(wb.created.toISOString()).toBe('2020-11-13T12:00:00.000Z');
  });

  it('freezes the header, filters it, repeats it when printing and fits the width', () => {
    expectTableOnSheet(sheet(wb, 'Obiettivi'), model.datasets.objectives, 2);
    expectTableOnSheet(sheet(wb, 'Indicatori'), model.datasets.indicators, 2);
    expectTableOnSheet(sheet(wb, 'Spese'), model.datasets.spending, 2);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
      expect(ws.headerFooter.oddHeader).toContain('Comune di Prova && Uniti');
    }
    expect(sheet(wb, 'Spese').pageSetup.orientation).toBe('landscape');
    expect(sheet(wb, 'Sintesi').pageSetup.orientation).toBe('portrait');
    expect(sheet(wb, 'Spese').pageSetup.printTitlesRow).toBe('2:2');
  });

  it('writes the grouped header above the column header, merged', () => {
    const ws = sheet(wb, 'Finalità');
    expectTableOnSheet(ws, model.datasets.goals, 3);
    expect(ws.model.merges).toEqual(['A2:B2', 'C2:D2', 'E2:F2', 'G2:I2']);
    expect(ws.getCell('G2').value).toBe('Stato');
    expect(ws.pageSetup.printTitlesRow).toBe('2:3');
  });

  it('shows title, scope and the summary with typed cells on Sintesi', () => {
    const ws = sheet(wb, 'Sintesi');
    expect(ws.getCell('A1').value).toBe('DUP 2020-2022 – Stato di attuazione al 30/06/2020 – Linea di mandato 1');
    expect(ws.getRow(2).values).toEqual([undefined, 'Voce', 'Valore']);
    expect(ws.getCell('A5').value).toBe('Stato di attuazione al');
    const date = ws.getCell('B5');
    expect(date.type).toBe(ValueType.Date);
    expect(date.value).toEqual(new Date(Date.UTC(2020, 5, 30)));
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect([ws.getCell('A6').value, ws.getCell('B6').value]).toEqual(['Ambito del rapporto', 'Linea di mandato 1']);
    expect(ws.getCell('B9').value).toBe(12345);
    expect(ws.getCell('B9').numFmt).toBe('#,##0');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('writes formula-like texts as plain strings, never as formulas', () => {
    const ws = sheet(wb, 'Obiettivi');
    const cells = ['C3', 'E3', 'C4', 'E4', 'C5', 'E5'].map((a) => ws.getCell(a));
    expect(cells.map((c) => c.value)).toEqual(FORMULA_LIKE_TEXTS.map((t) => t.replace(/\r/g, '\n')));
    for (const cell of cells) {
      expect(cell.type).toBe(ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    }
    expect(ws.getCell('C3').value).toBe("=cmd|' /C calc'!A0");
    // Ordinary texts keep the General format.
    expect(ws.getCell('B3').numFmt).toBeUndefined();
  });

  it('formats goal cells: department, flags, ratio, date, narratives wrapped', () => {
    const ws = sheet(wb, 'Finalità');
    expect(ws.getCell('D4').value).toBe('Urbanistica (capofila)');
    expect(ws.getCell('D5').value).toBe('Edilizia privata – dal 2021');
    expect([ws.getCell('E4').value, ws.getCell('F4').value, ws.getCell('E5').value, ws.getCell('F5').value]).toEqual(['•', null, null, '•']);
    expect(ws.getCell('G4').value).toBe(0.755);
    expect(ws.getCell('G4').numFmt).toBe('0.00%');
    expect(ws.getCell('H4').value).toEqual(new Date(Date.UTC(2020, 5, 15)));
    expect(ws.getCell('I5').value).toBe(RICH_RESULT_TEXT);
    expect(ws.getCell('I4').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    const width = ws.getColumn('I').width ?? 0;
    expect(width).toBeGreaterThan(30);
    expect(width).toBeLessThanOrEqual(90);
    // Rows with wrapped text get an estimated height (LibreOffice does not fit them on opening).
    expect(ws.getRow(4).height).toBeGreaterThan(15);
    expect(ws.getRow(5).height).toBeGreaterThanOrEqual(5 * 15);
  });

  it('names the font of every styled cell (no bare bold fonts)', () => {
    const ws = sheet(wb, 'Spese');
    for (const address of ['A1', 'A2', 'C6', 'A12']) expect(ws.getCell(address).font?.name).toBe('Calibri');
  });

  it('flattens rich cells and bolds group rows', () => {
    const ws = sheet(wb, 'Indicatori');
    expect(ws.getCell('A3').value).toBe('Gruppo edilizia scolastica');
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('C4').value).toBe(RICH_RESULT_TEXT);
  });

  describe('Spese', () => {
    let ws: Worksheet;
    beforeAll(() => {
      ws = sheet(wb, 'Spese');
    });

    it('is protected against sorting (which would break the SUM ranges) but keeps its filters, and says so', () => {
      const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
      expect(protection).toMatchObject({ sheet: true, autoFilter: true, formatColumns: true });
      expect(protection['sort']).not.toBe(true);
      expect(protection['hashValue']).toBeUndefined();
      const notes: string[] = [];
      ws.eachRow((row) => {
        const v = row.getCell(1).value;
        if (typeof v === 'string' && v.startsWith('Foglio protetto')) notes.push(v);
      });
      expect(notes).toEqual([SORT_PROTECTION_NOTE]);
      // Sheets without totals stay unprotected.
      expect((sheet(wb, 'Finalità') as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).not.toBe(true);
    });

    it('writes programme rows as numbers with the amount format', () => {
      const cell = ws.getCell('C3');
      expect(cell.value).toBe(1000.1);
      expect(cell.numFmt).toBe('#,##0.00');
    });

    it('sums each mission with a live SUM over its programme rows, cached from the model', () => {
      expect(formulaOf(ws, 'C6')).toEqual({ formula: 'SUM(C3:C5)', result: 3000.3 });
      expect(formulaOf(ws, 'D6')).toEqual({ formula: 'SUM(D3:D5)', result: 1500.3 });
      // 0.10 + 0.20 in floats is 0.30000000000000004: the cached value is the model's exact 0.30.
      expect(formulaOf(ws, 'C9')).toEqual({ formula: 'SUM(C7:C8)', result: 0.3 });
      expect(ws.getCell('A6').value).toBe('Totale Missione 1');
      expect(ws.getCell('C6').font?.bold).toBe(true);
      expect(ws.getCell('A6').font?.bold).toBe(true);
    });

    it('makes the grand total the SUM of the subtotal cells', () => {
      expect(formulaOf(ws, 'C10')).toEqual({ formula: 'SUM(C6,C9)', result: 3000.6 });
      expect(formulaOf(ws, 'G10')).toEqual({ formula: 'SUM(G6,G9)', result: 50 });
      expect(ws.getCell('C10').font?.bold).toBe(true);
    });

    it('computes ratios with IFERROR formulas, cached as fractions or "n.c."', () => {
      expect(formulaOf(ws, 'H3')).toEqual({ formula: 'IFERROR(D3/C3,"n.c.")', result: 0.5 });
      expect(formulaOf(ws, 'I6')).toEqual({ formula: 'IFERROR(E6/D6,"n.c.")', result: 0.1667 });
      expect(formulaOf(ws, 'I4')).toEqual({ formula: 'IFERROR(E4/D4,"n.c.")', result: 0 });
      expect(formulaOf(ws, 'J4')).toEqual({ formula: 'IFERROR(G4/F4,"n.c.")', result: 'n.c.' });
      expect(formulaOf(ws, 'H5')).toEqual({ formula: 'IFERROR(D5/C5,"n.c.")', result: 'n.c.' });
      expect(formulaOf(ws, 'H10').result).toBe(0.5001);
      expect(ws.getCell('H3').numFmt).toBe('0.00%');
    });

    it('prints the footnotes under the table', () => {
      expect(ws.getCell('A12').value).toBe(FIXTURE_SPENDING.footnotes[0]);
      expect(ws.getCell('A13').value).toBe(FIXTURE_SPENDING.footnotes[1]);
    });
  });
});

(existsSync(LIVORNO) ? describe : describe.skip)('renderXlsx (Livorno model)', () => {
  let wb: Workbook;
  let model: ReportModel;
  beforeAll(async () => {
    model = JSON.parse(readFileSync(LIVORNO, 'utf8')) as ReportModel;
    wb = await readBack(model);
  });

  it('writes every dataset row on its sheet', () => {
    // An approved period opens with the council's deliberation (its own sheet, first).
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Deliberazione', ...SHEET_NAMES]);
    const tables = [model.datasets.objectives, model.datasets.goals, model.datasets.indicators, model.datasets.spending];
    tables.forEach((table, k) => {
      const ws = sheet(wb, SHEET_NAMES[k + 1]);
      const headerRow = table.headerGroups?.length ? 3 : 2;
      expectTableOnSheet(ws, table, headerRow);
    });
    // Sintesi: the summary rows plus the scope row, after the header in row 2.
    const summary = sheet(wb, 'Sintesi');
    expect(summary.getCell(`A${3 + model.datasets.summary.rows.length}`).value).toBe('Indicatori senza risultato');
    expect(summary.getCell(`A${4 + model.datasets.summary.rows.length}`).value).toBeNull();
    // The approving act's row (an approved period) comes before the scope row.
    expect([summary.getCell('A6').value, summary.getCell('B6').value]).toEqual([
      'Approvazione',
      'Approvato con deliberazione del Consiglio Comunale n. 195 del 13/11/2020',
    ]);
    expect([summary.getCell('A7').value, summary.getCell('B7').value]).toEqual(['Ambito del rapporto', 'Intero documento']);
  });

  it('turns spending subtotals and the total into SUM formulas that reproduce the model exactly', () => {
    const ws = sheet(wb, 'Spese');
    const table = model.datasets.spending;
    const firstRow = 3;
    const moneyColumns = table.columns.map((c, j) => (c.type === 'money' ? j : -1)).filter((j) => j >= 0);
    const letter = (j: number) => String.fromCharCode(65 + j);
    const subtotalRows: number[] = [];
    let segmentStart = firstRow;

    expect(formulaOf(ws, 'C13')).toEqual({ formula: 'SUM(C3:C12)', result: 49037904.18 });

    table.rows.forEach((row, i) => {
      const r = firstRow + i;
      if (row.kind === 'subtotal') {
        for (const j of moneyColumns) {
          const cell = row.cells[j];
          if (cell.type !== 'money') throw new Error('subtotal without amount');
          const f = formulaOf(ws, `${letter(j)}${r}`);
          const range = segmentStart === r - 1 ? `${letter(j)}${segmentStart}` : `${letter(j)}${segmentStart}:${letter(j)}${r - 1}`;
          expect(f.formula).toBe(`SUM(${range})`);
          expect(f.result).toBe(Number(cell.value));
          // The range sums to the model's subtotal exactly.
          const parts = table.rows.slice(segmentStart - firstRow, i).flatMap((d) => {
            const c = d.cells[j];
            return d.kind === 'data' && c.type === 'money' ? [c.value] : [];
          });
          expect(exactSum(parts)).toBe(cell.value);
        }
        subtotalRows.push(r);
        segmentStart = r + 1;
      }
      if (row.kind === 'total') {
        for (const j of moneyColumns) {
          const f = formulaOf(ws, `${letter(j)}${r}`);
          expect(f.formula).toBe(`SUM(${subtotalRows.map((s) => `${letter(j)}${s}`).join(',')})`);
        }
      }
    });

    const totalIndex = table.rows.findIndex((row) => row.kind === 'total');
    const total = formulaOf(ws, `C${firstRow + totalIndex}`);
    expect(total.formula).toMatch(/^SUM\(C13,C15,/);
    expect(total.result).toBe(475193437.97);
    expect(String(total.result)).toBe('475193437.97');
    expect(ws.getCell(`A${firstRow + totalIndex}`).value).toBe('Totale generale');
    expect(ws.getCell(`C${firstRow + totalIndex}`).font?.bold).toBe(true);
  });

  it('writes every ratio as IFERROR(num/den) with the model value or "n.c." cached', () => {
    const ws = sheet(wb, 'Spese');
    const table = model.datasets.spending;
    const index = new Map(table.columns.map((c, j) => [c.key, j]));
    let notComputable = 0;
    table.rows.forEach((row, i) => {
      const r = 3 + i;
      row.cells.forEach((cell, j) => {
        if (cell.type !== 'ratio') return;
        const num = String.fromCharCode(65 + (index.get(cell.numeratorColumn) ?? -100));
        const den = String.fromCharCode(65 + (index.get(cell.denominatorColumn) ?? -100));
        const f = formulaOf(ws, `${String.fromCharCode(65 + j)}${r}`);
        expect(f.formula).toBe(`IFERROR(${num}${r}/${den}${r},"n.c.")`);
        if (cell.value === null) {
          notComputable++;
          expect(f.result).toBe('n.c.');
        } else {
          expect(f.result).toBeCloseTo(Number(cell.value) / 100, 12);
        }
      });
    });
    expect(notComputable).toBeGreaterThan(0);
  });

  it('writes narratives as wrapped text and the period as a date', () => {
    const date = sheet(wb, 'Sintesi').getCell('B5');
    expect(date.value).toEqual(new Date(Date.UTC(2020, 5, 30)));
    const goals = sheet(wb, 'Finalità');
    const narrative = goals.getCell('L3');
    const modelNarrative = model.datasets.goals.rows[0].cells[11];
    expect(narrative.value).toBe(modelNarrative.type === 'text' ? modelNarrative.text : undefined);
    expect(narrative.alignment?.wrapText).toBe(true);
    expect(goals.getRow(3).height).toBeGreaterThan(15);
    expect(goals.getRow(3).height).toBeLessThanOrEqual(409);
  });
});

describe('renderXlsx on the Livorno model: numbers, filters and draft marking', () => {
  const run = existsSync(LIVORNO) ? it : it.skip;
  run('writes indicator values as numbers, the mission on every spending row and BOZZA on every sheet of a draft', async () => {
    const model = JSON.parse(readFileSync(LIVORNO, 'utf8')) as ReportModel;
    const wb = await readBack(model);
    const indicators = sheet(wb, 'Indicatori');
    const valueColumn = model.datasets.indicators.columns.findIndex((c) => c.key === 'value') + 1;
    const values: unknown[] = [];
    indicators.eachRow((row, n) => n > 2 && row.getCell(valueColumn).value !== null && values.push(row.getCell(valueColumn).value));
    expect(values.length).toBeGreaterThan(50);
    expect(values.every((v) => typeof v === 'number')).toBe(true);
    const spese = sheet(wb, 'Spese');
    const missions: unknown[] = [];
    spese.eachRow((row, n) => {
      const programme = row.getCell(2).value;
      if (n > 2 && typeof programme === 'string' && /^\d{2}-/.test(programme)) missions.push(row.getCell(1).value);
    });
    expect(missions).toHaveLength(58);
    expect(missions.every((m) => typeof m === 'string' && /^\d+-/.test(m))).toBe(true);
    expect(sheet(wb, 'Sintesi').getCell(1, 1).value).not.toMatch(/BOZZA/);

    const draft = await readBack({ ...model, meta: { ...model.meta, draftMark: 'BOZZA' } });
    for (const name of SHEET_NAMES) {
      expect(String(sheet(draft, name).getCell(1, 1).value)).toMatch(/^BOZZA – /);
      expect(sheet(draft, name).headerFooter.oddHeader).toContain('BOZZA');
    }
  });
});
