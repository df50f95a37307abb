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
 * Drawn with HTML and CSS rather than a scaled SVG, so the text keeps its size on a phone (the
 * label then goes above its bar).
 */
export function ProgressChart({ rows, title, doneLabel, todoLabel }: { rows: readonly ProgressRow[]; title: string; doneLabel: string; todoLabel: string }) {
  const complete = rows.filter((r) => r.total > 0 && r.done === r.total).length;
  return (
    <figure className="progress-chart">
      <figcaption className="fw-semibold mb-2">{title}</figcaption>
      <p className="visually-hidden">
        {complete} su {rows.length} completi. I valori sono riportati nella tabella.
      </p>
      <div aria-hidden="true">
        <p className="progress-chart-legend small mb-2">
          <span className="progress-chart-swatch progress-chart-done" /> {doneLabel}
          <span className="progress-chart-swatch progress-chart-todo ms-3" /> {todoLabel}
        </p>
        <ul className="list-unstyled mb-0">
          {rows.map((row) => {
            const share = row.total > 0 ? (100 * row.done) / row.total : 100;
            return (
              <li key={row.key} className="progress-chart-row">
                <span className="progress-chart-label" title={row.label}>
                  {row.label}
                </span>
                <span className="progress-chart-bar progress-chart-todo">
                  <span className="progress-chart-done" style={{ width: `${share}%` }} />
                </span>
                <span className="progress-chart-count">
                  {formatInteger(row.done)}/{formatInteger(row.total)}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </figure>
  );
}
