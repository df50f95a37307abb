import type { Cell, Table } from '../../model/report-model';
import { NOT_COMPUTABLE } from '../../model/italian-format';

/** Excel caps a function at 255 arguments and a formula at 8192 characters. */
const MAX_FUNCTION_ARGS = 255;
const MAX_FORMULA_CHARS = 8192;

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const isSummable = (cell: Cell | undefined): boolean => cell !== undefined && (cell.type === 'money' || cell.type === 'integer');

/** `SUM(a,b,…)`, nested in chunks when there are more arguments than one function takes. */
function sumOf(args: string[]): string {
  if (args.length <= MAX_FUNCTION_ARGS) return `SUM(${args.join(',')})`;
  const chunks: string[] = [];
  for (let i = 0; i < args.length; i += MAX_FUNCTION_ARGS) chunks.push(sumOf(args.slice(i, i + MAX_FUNCTION_ARGS)));
  return sumOf(chunks);
}

/**
 * The live formulas of a table placed on a sheet with its first row at `firstRow` and its first
 * column in column A, from the row structure alone (the model's values become the cached results):
 * - a subtotal cell sums the data rows since the previous subtotal or total, as contiguous ranges
 *   (`SUM(C3:C12)`; group rows between data rows split the range);
 * - a total cell sums the subtotal cells since the previous total (`SUM(C13,C15,…)`), plus any data
 *   rows after the last subtotal, so no amount is counted twice;
 * - a ratio cell divides the cells of its numerator and denominator columns in the same row,
 *   `IFERROR(D3/C3,"n.c.")`, when both are amount cells.
 * Only money and integer cells of subtotal and total rows are summed. A cell with nothing to sum
 * gets no formula (the renderer writes the model's value).
 *
 * Returns, per row, a sparse array of formulas by column index (undefined: no formula).
 */
export function tableFormulas(table: Table, firstRow: number): (string | undefined)[][] {
  const letters = table.columns.map((_, j) => columnLetter(j + 1));
  const keyIndex = new Map(table.columns.map((c, j) => [c.key, j]));
  const out: (string | undefined)[][] = table.rows.map(() => []);

  let segmentStart = 0; // first row after the previous subtotal or total
  let subtotalsSinceTotal: number[] = [];

  /** Contiguous runs of data rows in [from, to), as [first, last] row indexes. */
  const dataRuns = (from: number, to: number): [number, number][] => {
    const runs: [number, number][] = [];
    for (let i = from; i < to; i++) {
      if (table.rows[i].kind !== 'data') continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === i - 1) last[1] = i;
      else runs.push([i, i]);
    }
    return runs;
  };
  const rangeRef = (j: number, [a, b]: [number, number]): string =>
    a === b ? `${letters[j]}${firstRow + a}` : `${letters[j]}${firstRow + a}:${letters[j]}${firstRow + b}`;
  const accept = (formula: string): string | undefined => (formula.length <= MAX_FORMULA_CHARS ? formula : undefined);

  table.rows.forEach((row, i) => {
    if (row.kind === 'subtotal' || row.kind === 'total') {
      const runs = dataRuns(segmentStart, i);
      row.cells.forEach((cell, j) => {
        if (!isSummable(cell)) return;
        const args = runs.map((run) => rangeRef(j, run));
        if (row.kind === 'total') {
          const subtotalRefs = subtotalsSinceTotal.filter((s) => isSummable(table.rows[s].cells[j])).map((s) => `${letters[j]}${firstRow + s}`);
          args.unshift(...subtotalRefs);
        }
        if (args.length) out[i][j] = accept(sumOf(args));
      });
      if (row.kind === 'subtotal') subtotalsSinceTotal.push(i);
      else subtotalsSinceTotal = [];
      segmentStart = i + 1;
    }

    row.cells.forEach((cell, j) => {
      if (cell.type !== 'ratio') return;
      const num = keyIndex.get(cell.numeratorColumn);
      const den = keyIndex.get(cell.denominatorColumn);
      if (num === undefined || den === undefined) return;
      if (!isSummable(row.cells[num]) || !isSummable(row.cells[den])) return;
      const r = firstRow + i;
      out[i][j] = `IFERROR(${letters[num]}${r}/${letters[den]}${r},"${NOT_COMPUTABLE}")`;
    });
  });
  return out;
}
