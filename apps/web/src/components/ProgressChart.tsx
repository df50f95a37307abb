import { formatInteger } from '../lib/format';

export interface ProgressRow {
  key: string;
  label: string;
  done: number;
  total: number;
}

/**
 * Horizontal bars, one per row: the share done, with the counts written out. The same numbers are
 * in the table beside it, which is what assistive technology reads (the figure has a text summary).
 */
export function ProgressChart({ rows, title, doneLabel, todoLabel }: { rows: readonly ProgressRow[]; title: string; doneLabel: string; todoLabel: string }) {
  const barHeight = 22;
  const gap = 10;
  const labelWidth = 260;
  const barWidth = 420;
  const height = rows.length * (barHeight + gap) + 30;
  const complete = rows.filter((r) => r.total > 0 && r.done === r.total).length;
  return (
    <figure className="progress-chart">
      <figcaption className="fw-semibold mb-2">{title}</figcaption>
      <p className="visually-hidden">
        {complete} su {rows.length} completi. I valori sono riportati nella tabella.
      </p>
      <svg viewBox={`0 0 ${labelWidth + barWidth + 90} ${height}`} width="100%" role="presentation" aria-hidden="true" focusable="false">
        <g transform="translate(0, 4)">
          <rect x={labelWidth} y={0} width={12} height={12} fill="#008758" />
          <text x={labelWidth + 18} y={11} fontSize="13">
            {doneLabel}
          </text>
          <rect x={labelWidth + 180} y={0} width={12} height={12} fill="#d9364f" />
          <text x={labelWidth + 198} y={11} fontSize="13">
            {todoLabel}
          </text>
        </g>
        {rows.map((row, i) => {
          const y = 30 + i * (barHeight + gap);
          const share = row.total > 0 ? row.done / row.total : 1;
          return (
            <g key={row.key} transform={`translate(0, ${y})`}>
              <text x={labelWidth - 8} y={barHeight / 2 + 5} fontSize="13" textAnchor="end">
                {row.label.length > 38 ? `${row.label.slice(0, 36)}…` : row.label}
              </text>
              <rect x={labelWidth} y={0} width={barWidth} height={barHeight} fill="#d9364f" rx={2} />
              <rect x={labelWidth} y={0} width={barWidth * share} height={barHeight} fill="#008758" rx={2} />
              <text x={labelWidth + barWidth + 8} y={barHeight / 2 + 5} fontSize="13">
                {formatInteger(row.done)}/{formatInteger(row.total)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
