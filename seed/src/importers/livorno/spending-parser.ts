/**
 * Chapter 4 "SPESE PER MISSIONI E PROGRAMMI AL 30/06/2020".
 *
 * Only programme rows are kept in the dataset: mission totals, the grand total and every ratio
 * are derived values. They are nevertheless parsed and recomputed here, and any difference from
 * the printed figure aborts the import, because a silent mismatch would mean a misread amount.
 */
import Decimal from 'decimal.js';
import type { SpendingRowData } from '../../dataset/plan-dataset';
import { plainText, twoDigits } from './text-cleanup';

const AMOUNT_COLUMNS = ['assestato', 'impegnato', 'liquidatoCompetenza', 'residuiPassivi', 'liquidatoResidui'] as const;
type AmountColumn = (typeof AMOUNT_COLUMNS)[number];
type Amounts = Record<AmountColumn, Decimal>;

/** Printed ratios: (B/A), (C/B), (E/D). */
const RATIOS: readonly [string, AmountColumn, AmountColumn][] = [
  ['B/A', 'impegnato', 'assestato'],
  ['C/B', 'liquidatoCompetenza', 'impegnato'],
  ['E/D', 'liquidatoResidui', 'residuiPassivi'],
];

interface PrintedRow {
  lineNo: number;
  label: string;
  amounts: Amounts;
  ratios: Decimal[];
}

export interface SpendingCheck {
  programmeRows: number;
  missionTotals: number;
  grandTotals: number;
  ratiosChecked: number;
  ratiosComputable: number;
  zeroDenominatorRatios: number;
}

/** A row of the printed table, kept so tests can compare what the database computes with it. */
export interface PrintedSpendingRow {
  /** `MM.PP` for a programme, `MM` for a mission total, `TOTALE` for the grand total. */
  key: string;
  amounts: Record<(typeof AMOUNT_COLUMNS)[number], string>;
  /** B/A, C/B, E/D as printed, e.g. "34.90". */
  ratios: string[];
}

export interface ParsedSpending {
  rows: SpendingRowData[];
  check: SpendingCheck;
  printed: PrintedSpendingRow[];
}

export function parseItalianAmount(text: string, lineNo: number): Decimal {
  const t = plainText(text);
  if (!/^-?\d{1,3}(\.\d{3})*,\d{2}$/.test(t)) throw new Error(`Line ${lineNo}: not an amount: "${t}"`);
  return new Decimal(t.replace(/\./g, '').replace(',', '.'));
}

function parsePercent(text: string, lineNo: number): Decimal {
  const t = plainText(text);
  if (!/^\d{1,3},\d{2}%$/.test(t)) throw new Error(`Line ${lineNo}: not a percentage: "${t}"`);
  return new Decimal(t.replace('%', '').replace(',', '.'));
}

function readRow(cells: string[], lineNo: number, label: string): PrintedRow {
  if (cells.length !== 10) throw new Error(`Line ${lineNo}: spending row with ${cells.length} cells`);
  const values = cells.slice(2, 7).map((c) => parseItalianAmount(c, lineNo));
  const amounts = Object.fromEntries(AMOUNT_COLUMNS.map((col, i) => [col, values[i]])) as Amounts;
  return { lineNo, label, amounts, ratios: cells.slice(7, 10).map((c) => parsePercent(c, lineNo)) };
}

function toDecimalString(d: Decimal): string {
  return d.toFixed(2);
}

/** `lines` are the chapter 4 lines after its heading; `firstLineNo` is the number of the first one. */
export function parseSpending(lines: string[], firstLineNo: number, period: string): ParsedSpending {
  const programmes: { mission: string; programme: string; row: PrintedRow }[] = [];
  const missionTotals = new Map<string, PrintedRow>();
  let grandTotal: PrintedRow | undefined;
  let mission: string | undefined;

  lines.forEach((raw, i) => {
    const lineNo = firstLineNo + i;
    if (!raw.includes('\t')) {
      if (plainText(raw) !== '' && !/^\*+$/.test(plainText(raw))) throw new Error(`Line ${lineNo}: unexpected text in the spending table`);
      return;
    }
    const cells = raw.split('\t');
    const first = plainText(cells[0]);
    if (first === 'Descrizione Missione') return;
    const total = /^Totale Missione (\d+)$/.exec(first);
    if (total) {
      missionTotals.set(twoDigits(total[1]), readRow(cells, lineNo, first));
      return;
    }
    if (first === 'Totale generale') {
      grandTotal = readRow(cells, lineNo, first);
      return;
    }
    if (first !== '') {
      const m = /^(\d+)\s*-/.exec(first);
      if (!m) throw new Error(`Line ${lineNo}: mission cell "${first}"`);
      mission = twoDigits(m[1]);
    }
    const p = /^(\d+)\s*-/.exec(plainText(cells[1]));
    if (!p || !mission) throw new Error(`Line ${lineNo}: programme cell "${plainText(cells[1])}"`);
    programmes.push({ mission, programme: twoDigits(p[1]), row: readRow(cells, lineNo, `${mission}/${twoDigits(p[1])}`) });
  });
  if (!grandTotal) throw new Error('Spending table: "Totale generale" not found');

  const check: SpendingCheck = {
    programmeRows: programmes.length,
    missionTotals: missionTotals.size,
    grandTotals: 1,
    ratiosChecked: 0,
    ratiosComputable: 0,
    zeroDenominatorRatios: 0,
  };
  const verifyRatios = (row: PrintedRow): void => {
    RATIOS.forEach(([name, num, den], k) => {
      check.ratiosChecked++;
      const printed = row.ratios[k];
      let expected: Decimal;
      if (row.amounts[den].isZero()) {
        // The document prints undefined ratios as 0,00%.
        check.zeroDenominatorRatios++;
        expected = new Decimal(0);
      } else {
        check.ratiosComputable++;
        expected = row.amounts[num].div(row.amounts[den]).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      }
      if (!printed.equals(expected)) {
        throw new Error(`Line ${row.lineNo} (${row.label}): printed ${name} ${printed.toFixed(2)}% but the amounts give ${expected.toFixed(2)}%`);
      }
    });
  };
  const verifySum = (printed: PrintedRow, parts: Amounts[]): void => {
    for (const col of AMOUNT_COLUMNS) {
      const sum = parts.reduce((acc, a) => acc.plus(a[col]), new Decimal(0));
      if (!sum.equals(printed.amounts[col])) {
        throw new Error(`Line ${printed.lineNo} (${printed.label}): printed ${col} ${printed.amounts[col].toFixed(2)} but the rows sum to ${sum.toFixed(2)}`);
      }
    }
  };

  programmes.forEach((p) => verifyRatios(p.row));
  const missions = [...new Set(programmes.map((p) => p.mission))];
  for (const m of missions) {
    const total = missionTotals.get(m);
    if (!total) throw new Error(`Spending table: no total for mission ${m}`);
    verifySum(total, programmes.filter((p) => p.mission === m).map((p) => p.row.amounts));
    verifyRatios(total);
  }
  if (missionTotals.size !== missions.length) throw new Error('Spending table: a mission total has no programme rows');
  verifySum(grandTotal, programmes.map((p) => p.row.amounts));
  verifySum(grandTotal, [...missionTotals.values()].map((t) => t.amounts));
  verifyRatios(grandTotal);

  const rows = programmes.map(({ mission: m, programme, row }) => ({
    period,
    mission: m,
    programme,
    assestato: toDecimalString(row.amounts.assestato),
    impegnato: toDecimalString(row.amounts.impegnato),
    liquidatoCompetenza: toDecimalString(row.amounts.liquidatoCompetenza),
    residuiPassivi: toDecimalString(row.amounts.residuiPassivi),
    liquidatoResidui: toDecimalString(row.amounts.liquidatoResidui),
  }));
  const printedRow = (key: string, row: PrintedRow): PrintedSpendingRow => ({
    key,
    amounts: Object.fromEntries(AMOUNT_COLUMNS.map((c) => [c, toDecimalString(row.amounts[c])])) as PrintedSpendingRow['amounts'],
    ratios: row.ratios.map(toDecimalString),
  });
  const printed = [
    ...programmes.map((p) => printedRow(`${p.mission}.${p.programme}`, p.row)),
    ...[...missionTotals.entries()].map(([m, row]) => printedRow(m, row)),
    printedRow('TOTALE', grandTotal),
  ];
  return { rows, check, printed };
}
