import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Feedback';
import type { Edition, Period } from '../../components/useEditionPeriod';
import type { MyDepartmentsProgressQuery } from '../../gql/graphql';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';
import { MyDepartmentsProgressQuery as Query } from './progress-queries';
import { ReviewStateBadge } from './ReviewStateBadge';

type Progress = MyDepartmentsProgressQuery['departmentProgress'][number];

const REVIEWS = { additionalTypenames: ['DepartmentReview'] };

/** A department head's home: for each of their departments, what is done, what is missing, and the review. */
export default function DepartmentHeadHome({ edition, period }: { edition: Edition; period: Period | null }) {
  const [progress] = useQuery({
    query: Query,
    variables: { edition: edition.code, period: period?.cutoffDate ?? '' },
    pause: !period,
    context: REVIEWS,
  });
  if (!period) return null;
  const rows = progress.data?.departmentProgress ?? [];
  return (
    <>
      <ErrorAlert error={progress.error} />
      {progress.fetching && !progress.data ? <Loading label="Caricamento dell'avanzamento…" /> : null}
      {progress.data && rows.length === 0 ? <p>Nessun settore con finalità in vigore per questo periodo.</p> : null}
      {rows.map((row) => (
        <DepartmentPanel key={row.department.code} row={row} period={period} />
      ))}
    </>
  );
}

function DepartmentPanel({ row, period }: { row: Progress; period: Period }) {
  const headingId = `settore-${row.department.code}`;
  const review = row.review;
  const when = formatDate(period.cutoffDate);
  const canReport = period.state === 'OPEN' && review?.state !== 'SUBMITTED' && review?.state !== 'ACCEPTED';
  return (
    <section aria-labelledby={headingId} className="mb-5">
      <h2 id={headingId} className="h3">
        {row.department.name}
      </h2>
      {review?.state === 'RETURNED' ? (
        <div className="alert alert-warning" role="note" aria-labelledby={`${headingId}-restituite`}>
          <h3 id={`${headingId}-restituite`} className="h5">
            Finalità restituite dall’ufficio programmazione
          </h3>
          <p className="small mb-2">
            {review.reviewedAt ? `Il ${formatDateTime(review.reviewedAt)}` : ''}
            {review.reviewedBy ? `, da ${review.reviewedBy}` : ''}. Correggere quanto indicato e inviare di nuovo.
          </p>
          <blockquote className="returned-comment pre-wrap mb-2">{review.comment}</blockquote>
        </div>
      ) : null}
      <p className="d-flex flex-wrap align-items-center gap-2">
        <span>Revisione al {when}:</span>
        <ReviewStateBadge review={review} />
        {review?.state === 'SUBMITTED' ? <span className="small">in attesa dell’ufficio programmazione</span> : null}
      </p>
      <Figures row={row} />
      {canReport ? (
        <div className="d-flex flex-wrap gap-2 my-3">
          <Link className="btn btn-primary" to="/finalita">
            Compila le finalità
          </Link>
          <Link className="btn btn-outline-primary" to="/invio">
            {review?.state === 'RETURNED' ? 'Invia di nuovo in revisione' : 'Invia in revisione'}
          </Link>
        </div>
      ) : null}
      <Missing row={row} />
    </section>
  );
}

function Figures({ row }: { row: Progress }) {
  const items = [
    { label: 'Finalità capofila con stato di attuazione', done: row.goalsLedWithStatus, total: row.goalsLed },
    { label: 'Contributi alle finalità di altri settori', done: row.contributions, total: row.goalsInvolved },
    { label: 'Indicatori con risultato', done: row.indicatorsWithResult, total: row.indicators },
  ];
  return (
    <div className="row g-2 progress-figures">
      {items.map((item) => (
        <div className="col-12 col-md-4" key={item.label}>
          <dl className="border rounded p-3 h-100 mb-0">
            <dt className="small fw-normal">{item.label}</dt>
            <dd className="h4 mb-0">
              {formatInteger(item.done)} <span className="h6 fw-normal">su {formatInteger(item.total)}</span>
            </dd>
          </dl>
        </div>
      ))}
    </div>
  );
}

function Missing({ row }: { row: Progress }) {
  if (row.missingGoals.length === 0 && row.missingIndicators.length === 0) {
    return <p className="text-success fw-semibold">Nessun dato mancante: tutte le finalità capofila hanno lo stato e tutti gli indicatori il risultato.</p>;
  }
  const code = row.department.code;
  return (
    <div className="row g-4">
      {row.missingGoals.length > 0 ? (
        <div className="col-12 col-lg-6">
          <h3 id={`${code}-finalita-mancanti`} className="h5">
            Finalità senza stato di attuazione ({formatInteger(row.missingGoals.length)})
          </h3>
          <ul className="missing-list" aria-labelledby={`${code}-finalita-mancanti`}>
            {row.missingGoals.map((goal) => (
              <li key={goal.id}>
                <Link to={`/finalita/${goal.id}`}>
                  <span className="plan-code">{goal.operationalObjective.code}</span> {goal.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {row.missingIndicators.length > 0 ? (
        <div className="col-12 col-lg-6">
          <h3 id={`${code}-indicatori-mancanti`} className="h5">
            Indicatori senza risultato ({formatInteger(row.missingIndicators.length)})
          </h3>
          <ul className="missing-list" aria-labelledby={`${code}-indicatori-mancanti`}>
            {row.missingIndicators.map((indicator) => (
              <li key={indicator.id}>
                <span className="plan-code">{indicator.objectiveCode}</span> {indicator.name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
