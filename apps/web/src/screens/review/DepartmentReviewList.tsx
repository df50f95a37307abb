import { Link } from 'react-router';
import type { ReviewState } from '../../gql/graphql';
import { formatCount, formatInteger } from '../../lib/format';
import type { DepartmentProgress } from '../home/ProgressTable';
import { ReviewStateBadge } from '../home/ReviewStateBadge';

/** Submitted first: what the planning office has to look at now. */
const ORDER: Record<ReviewState | 'NONE', number> = { SUBMITTED: 0, RETURNED: 1, ACCEPTED: 2, NONE: 3 };

/** Every department with its review state for the period, each opening its review. */
export function DepartmentReviewList({
  rows,
  periodLabel,
  linkTo,
}: {
  rows: readonly DepartmentProgress[];
  periodLabel: string;
  linkTo(code: string): string;
}) {
  const sorted = [...rows].sort((a, b) => ORDER[a.review?.state ?? 'NONE'] - ORDER[b.review?.state ?? 'NONE']);
  const count = (state: ReviewState | null) => rows.filter((r) => (r.review?.state ?? null) === state).length;
  return (
    <section aria-labelledby="settori-revisione">
      <h2 id="settori-revisione" className="h4">
        Settori
      </h2>
      <p>
        {formatCount(count('SUBMITTED'), 'settore da esaminare', 'settori da esaminare')}, {formatCount(count('RETURNED'), 'restituito', 'restituiti')},{' '}
        {formatCount(count('ACCEPTED'), 'accettato', 'accettati')}, {formatCount(count(null), 'non ancora inviato', 'non ancora inviati')}.
      </p>
      <div className="table-responsive">
        <table className="table table-sm align-middle">
          <caption className="visually-hidden">Stato della revisione dei settori al {periodLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Settore</th>
              <th scope="col">Revisione</th>
              <th scope="col" className="text-end">
                Finalità senza stato
              </th>
              <th scope="col" className="text-end">
                Indicatori senza risultato
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.department.code}>
                <th scope="row" className="fw-normal">
                  <Link to={linkTo(row.department.code)}>{row.department.name}</Link>
                </th>
                <td>
                  <ReviewStateBadge review={row.review} />
                </td>
                <td className="text-end">{formatInteger(row.goalsLed - row.goalsLedWithStatus)}</td>
                <td className="text-end">{formatInteger(row.indicators - row.indicatorsWithResult)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
