import type { Cell, DecimalString, ReportModel, Row, Table } from '../../../model/report-model';

/** `value × factor` on the decimal string (no floats). */
function multiplyDecimal(value: DecimalString, factor: number): DecimalString {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) throw new Error(`Valore decimale non valido: "${value}"`);
  const frac = m[3] ?? '';
  const digits = (BigInt(m[2] + frac) * BigInt(factor)).toString().padStart(frac.length + 1, '0');
  const int = frac.length ? digits.slice(0, -frac.length) : digits;
  return (m[1] ?? '') + int + (frac.length ? '.' + digits.slice(-frac.length) : '');
}

/** Copy `k` of a row; its texts get a " [k]" suffix so that shared strings do not collapse the copies. */
function copyRow(row: Row, k: number): Row {
  if (k === 0) return row;
  return { ...row, cells: row.cells.map((c): Cell => (c.type === 'text' ? { ...c, text: `${c.text} [${k}]` } : c)) };
}

function repeatRows(table: Table, factor: number): Table {
  const rows: Row[] = [];
  for (let k = 0; k < factor; k++) for (const row of table.rows) rows.push(copyRow(row, k));
  return { ...table, rows };
}

/**
 * A model `factor` times as large, for timing: every dataset but the summary repeats its rows
 * (texts made distinct per copy);
 * the spending table repeats its data and subtotal rows and keeps one grand total, multiplied
 * exactly (its ratios are unchanged, since every amount is multiplied by the same factor).
 */
export function scaleModel(model: ReportModel, factor: number): ReportModel {
  const d = model.datasets;
  const spendingBody = d.spending.rows.filter((r) => r.kind !== 'total');
  const totals = d.spending.rows.filter((r) => r.kind === 'total');
  const spendingRows: Row[] = [];
  for (let k = 0; k < factor; k++) for (const row of spendingBody) spendingRows.push(copyRow(row, k));
  for (const total of totals)
    spendingRows.push({
      kind: 'total',
      cells: total.cells.map((c): Cell => (c.type === 'money' ? { ...c, value: multiplyDecimal(c.value, factor) } : c)),
    });
  return {
    ...model,
    datasets: {
      summary: d.summary,
      objectives: repeatRows(d.objectives, factor),
      goals: repeatRows(d.goals, factor),
      indicators: repeatRows(d.indicators, factor),
      spending: { ...d.spending, rows: spendingRows },
    },
  };
}
