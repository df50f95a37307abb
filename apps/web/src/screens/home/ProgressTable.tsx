import { Link } from 'react-router';
import type { DepartmentProgressQuery } from '../../gql/graphql';
import { formatInteger } from '../../lib/format';
import { ReviewStateBadge } from './ReviewStateBadge';

export type DepartmentProgress = DepartmentProgressQuery['departmentProgress'][number];

type Counted = Pick<DepartmentProgress, 'goalsLed' | 'goalsLedWithStatus' | 'goalsInvolved' | 'contributions' | 'indicators' | 'indicatorsWithResult'>;

const FIGURES = ['goalsLed', 'goalsLedWithStatus', 'goalsInvolved', 'contributions', 'indicators', 'indicatorsWithResult'] as const;

export function totalsOf(rows: readonly Counted[]): Counted {
  const totals = Object.fromEntries(FIGURES.map((f) => [f, 0])) as unknown as Counted;
  for (const row of rows) for (const f of FIGURES) totals[f] += row[f];
  return totals;
}

/** The figures of one row: with / without, contributions written of the goals involved. */
function Figures({ row }: { row: Counted }) {
  const missing = (n: number) => (n > 0 ? <strong className="text-danger">{formatInteger(n)}</strong> : formatInteger(n));
  return (
    <>
      <td className="text-end">{formatInteger(row.goalsLedWithStatus)}</td>
      <td className="text-end">{missing(row.goalsLed - row.goalsLedWithStatus)}</td>
      <td className="text-end">
        {formatInteger(row.contributions)} su {formatInteger(row.goalsInvolved)}
      </td>
      <td className="text-end">{formatInteger(row.indicatorsWithResult)}</td>
      <td className="text-end">{missing(row.indicators - row.indicatorsWithResult)}</td>
    </>
  );
}

/** Progress of every department for a period: the table the chart summarises. */
export function ProgressTable({
  rows,
  periodLabel,
  reviewLink,
}: {
  rows: readonly DepartmentProgress[];
  periodLabel: string;
  reviewLink(code: string): string;
}) {
  const totals = totalsOf(rows);
  const submitted = rows.filter((r) => r.review).length;
  return (
    <>
      <p className="small text-muted mb-1">Dati di ogni settore al {periodLabel}: «senza» indica ciò che manca ancora.</p>
      <div className="table-responsive">
        <table className="table table-sm progress-table align-middle">
          <caption className="visually-hidden">Dati di ogni settore al {periodLabel}</caption>
          <colgroup>
            <col />
          </colgroup>
          <colgroup span={2} />
          <colgroup>
            <col />
          </colgroup>
          <colgroup span={2} />
          <colgroup>
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Settore
              </th>
              <th scope="colgroup" colSpan={2} className="text-center">
                Finalità capofila
              </th>
              <th scope="col" rowSpan={2} className="text-end">
                Contributi
              </th>
              <th scope="colgroup" colSpan={2} className="text-center">
                Indicatori
              </th>
              <th scope="col" rowSpan={2}>
                Revisione
              </th>
            </tr>
            <tr>
              <th scope="col" className="text-end">
                con stato
              </th>
              <th scope="col" className="text-end">
                senza stato
              </th>
              <th scope="col" className="text-end">
                con risultato
              </th>
              <th scope="col" className="text-end">
                senza risultato
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.department.code}>
                <th scope="row" className="fw-normal">
                  {row.department.name}
                </th>
                <Figures row={row} />
                <td className="text-nowrap">
                  <ReviewStateBadge review={row.review} />
                  <Link className="ms-2 small" to={reviewLink(row.department.code)}>
                    {row.review?.state === 'SUBMITTED' ? 'Esamina' : 'Segnalazioni'}
                    <span className="visually-hidden"> di {row.department.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="fw-semibold">
              <th scope="row">Totale</th>
              <Figures row={totals} />
              <td>
                {formatInteger(submitted)} su {formatInteger(rows.length)} inviati
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
