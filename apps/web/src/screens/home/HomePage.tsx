import { Link } from 'react-router';
import { useUser } from '../../auth/session';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useEditionPeriod } from '../../components/useEditionPeriod';
import { PeriodStateLabels } from '../../gql/enum-labels';
import { formatDate } from '../../lib/format';

/** Home: the current period and its state, and what the user's role has to do now. */
export function HomePage() {
  const user = useUser();
  const { edition, period, fetching, error } = useEditionPeriod();
  return (
    <>
      <PageHeading title="Home">Buongiorno, {user.displayName}.</PageHeading>
      <ErrorAlert error={error} />
      {fetching ? <Loading /> : null}
      {edition ? (
        <section aria-labelledby="periodo-corrente" className="card-wrapper">
          <div className="card card-bg no-after">
            <div className="card-body">
              <h2 id="periodo-corrente" className="h4 card-title">
                {edition.title}
              </h2>
              {period ? (
                <p>
                  Periodo al <strong>{formatDate(period.cutoffDate)}</strong>: <strong>{PeriodStateLabels[period.state]}</strong>
                  {period.approvedBy
                    ? ` — approvato con deliberazione del Consiglio n. ${period.approvedBy.number} del ${formatDate(period.approvedBy.date)}`
                    : ''}
                </p>
              ) : (
                <p>Nessun periodo di rendicontazione aperto.</p>
              )}
              <Link to="/documenti">Documenti del periodo</Link>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
