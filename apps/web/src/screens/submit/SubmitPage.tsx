import { useQuery } from 'urql';
import { Link } from 'react-router';
import { EditionPeriodPicker } from '../../components/EditionPeriodPicker';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useEditionPeriod } from '../../components/useEditionPeriod';
import { graphql } from '../../gql';
import { PeriodStateLabels } from '../../gql/enum-labels';
import { formatDate } from '../../lib/format';
import { COLLECTING } from '../../lib/periods';
import { DepartmentSubmission } from './DepartmentSubmission';

export const SubmissionProgressQuery = graphql(`
  query SubmissionProgress($edition: String!, $period: LocalDate!) {
    departmentProgress(edition: $edition, period: $period) {
      department {
        code
        name
      }
      goalsLed
      goalsLedWithStatus
      goalsInvolved
      contributions
      indicators
      indicatorsWithResult
      missingGoals {
        id
        position
        title
        operationalObjective {
          code
        }
      }
      missingIndicators {
        id
        name
        objectiveCode
        goalPosition
      }
      review {
        state
        comment
        submittedBy
        submittedAt
        reviewedBy
        reviewedAt
        submissionNote
        version
      }
    }
  }
`);

/** Invio alla revisione: what is still missing, then the department's goals go to the planning office. */
export default function SubmitPage() {
  const { editions, edition, period, fetching, error, choose } = useEditionPeriod();
  const [progress, refetch] = useQuery({
    query: SubmissionProgressQuery,
    variables: { edition: edition?.code ?? '', period: period?.cutoffDate ?? '' },
    pause: !edition || !period,
    requestPolicy: 'cache-and-network',
  });
  const departments = progress.data?.departmentProgress ?? [];
  const collecting = period ? COLLECTING.includes(period.state) : false;

  return (
    <>
      <PageHeading title="Invio alla revisione">
        Prima dell'invio, l'elenco di ciò che manca. Dopo l'invio le finalità non sono più modificabili, finché l'ufficio programmazione non le restituisce.
      </PageHeading>
      <ErrorAlert error={error ?? progress.error} />
      {fetching ? <Loading /> : null}
      {edition ? <EditionPeriodPicker editions={editions} edition={edition} period={period} onChange={choose} idPrefix="invio" /> : null}
      {period && !collecting ? (
        <div className="alert alert-info" role="status">
          Il periodo al {formatDate(period.cutoffDate)} è «{PeriodStateLabels[period.state].toLowerCase()}»: non si raccolgono più invii.
        </div>
      ) : null}
      {progress.fetching && !progress.data ? <Loading label="Verifica di ciò che manca…" /> : null}
      {progress.data && departments.length === 0 ? <p>Nessun settore con finalità in questo periodo.</p> : null}
      {period && edition
        ? departments.map((d) => (
            <DepartmentSubmission
              key={d.department.code}
              progress={d}
              edition={edition.code}
              period={period.cutoffDate}
              collecting={collecting}
              onSubmitted={() => refetch({ requestPolicy: 'network-only' })}
            />
          ))
        : null}
      <p className="mt-4">
        <Link to="/finalita">Torna alle finalità</Link>
      </p>
    </>
  );
}
