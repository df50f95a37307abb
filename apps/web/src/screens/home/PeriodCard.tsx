import { Link } from 'react-router';
import type { Edition, Period } from '../../components/useEditionPeriod';
import { ActKindLabels, PeriodStateLabels } from '../../gql/enum-labels';
import type { PeriodState } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { PUBLISHED } from '../../lib/periods';

const STATE_TONE: Record<PeriodState, string> = {
  PLANNED: 'bg-secondary',
  OPEN: 'bg-primary',
  COLLECTION_CLOSED: 'bg-dark',
  IN_REVIEW: 'bg-dark',
  NOTED_BY_GIUNTA: 'bg-success',
  APPROVED_BY_COUNCIL: 'bg-success',
};

/** What each state means for the people who report. */
const STATE_MEANING: Record<PeriodState, string> = {
  PLANNED: 'Il periodo non è ancora aperto alla rendicontazione.',
  OPEN: 'I settori inseriscono stati di attuazione e risultati degli indicatori.',
  COLLECTION_CLOSED: "La raccolta dei dati è chiusa: i settori non possono più modificarli; l'ufficio programmazione può ancora correggerli.",
  IN_REVIEW: "L'ufficio programmazione sta verificando i dati; si attende la presa d’atto della Giunta.",
  NOTED_BY_GIUNTA: 'La Giunta ha preso atto dello stato di attuazione; si attende l’approvazione del Consiglio.',
  APPROVED_BY_COUNCIL: 'Lo stato di attuazione è stato approvato dal Consiglio.',
};

type Act = NonNullable<Period['notedBy']>;

const actText = (act: Act) => `${ActKindLabels[act.kind].toLowerCase()} n. ${act.number} del ${formatDate(act.date)}`;

/** The current period of the edition, its state and the acts adopted on it. */
export function PeriodCard({ edition, period, published }: { edition: Edition; period: Period | null; published?: Period | null }) {
  // A council member reads the documents of the latest period the Giunta took note of.
  const earlier = published && published.cutoffDate !== period?.cutoffDate && PUBLISHED.includes(published.state) ? published : null;
  const shown = earlier ?? period;
  const documents = shown ? `/documenti?edizione=${encodeURIComponent(edition.code)}&periodo=${shown.cutoffDate}` : '/documenti';
  return (
    <section aria-labelledby="periodo-corrente" className="card card-bg no-after mb-4 period-card">
      <div className="card-body">
        <p className="text-muted small mb-1">{edition.title}</p>
        {period ? (
          <>
            <h2 id="periodo-corrente" className="h4 card-title d-flex flex-wrap align-items-center gap-2">
              <span>Periodo al {formatDate(period.cutoffDate)}</span>
              <span className={`badge period-state-badge ${STATE_TONE[period.state]}`}>{PeriodStateLabels[period.state]}</span>
            </h2>
            <p className="mb-2">{STATE_MEANING[period.state]}</p>
            {period.notedBy || period.approvedBy ? (
              <dl className="period-acts mb-2">
                {period.notedBy ? (
                  <>
                    <dt>Presa d’atto della Giunta</dt>
                    <dd>{actText(period.notedBy)}</dd>
                  </>
                ) : null}
                {period.approvedBy ? (
                  <>
                    <dt>Approvazione del Consiglio</dt>
                    <dd>{actText(period.approvedBy)}</dd>
                  </>
                ) : null}
              </dl>
            ) : null}
          </>
        ) : (
          <h2 id="periodo-corrente" className="h4 card-title">
            Nessun periodo di rendicontazione
          </h2>
        )}
        {earlier ? (
          <p className="mb-2">
            Ultimo stato di attuazione pubblicato: periodo al {formatDate(earlier.cutoffDate)}, «{PeriodStateLabels[earlier.state]}».
          </p>
        ) : null}
        <Link to={documents}>{earlier ? `Scarica il rapporto al ${formatDate(earlier.cutoffDate)}` : 'Scarica il rapporto del periodo'}</Link>
      </div>
    </section>
  );
}
