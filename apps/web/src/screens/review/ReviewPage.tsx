import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EditionPeriodPicker } from '../../components/EditionPeriodPicker';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useEditionPeriod } from '../../components/useEditionPeriod';
import { PeriodStateLabels } from '../../gql/enum-labels';
import { formatDate } from '../../lib/format';
import { DepartmentProgressQuery } from '../home/progress-queries';
import { DepartmentReviewList } from './DepartmentReviewList';
import { ReviewDecision } from './ReviewDecision';
import { ReviewQueue } from './ReviewQueue';

const REVIEWS = { additionalTypenames: ['DepartmentReview'] };

/** Revisione: the planning office checks what each department submitted, then accepts or returns it. */
export default function ReviewPage() {
  const { editions, edition, period, fetching, error, choose } = useEditionPeriod();
  const [params, setParams] = useSearchParams();
  const departmentCode = params.get('settore');
  const [progress] = useQuery({
    query: DepartmentProgressQuery,
    variables: { edition: edition?.code ?? '', period: period?.cutoffDate ?? '' },
    pause: !edition || !period,
    context: REVIEWS,
  });
  const rows = useMemo(() => progress.data?.departmentProgress ?? [], [progress.data]);
  const selected = rows.find((r) => r.department.code === departmentCode) ?? null;
  const withDepartment = (code: string | null) => {
    const next = new URLSearchParams(params);
    if (code) next.set('settore', code);
    else next.delete('settore');
    return next;
  };
  const linkTo = (code: string | null) => `/revisione?${withDepartment(code).toString()}`;

  return (
    <>
      <PageHeading title={selected ? `Revisione — ${selected.department.name}` : 'Revisione'}>
        Le finalità inviate dai settori, con le segnalazioni da verificare: accettarle o restituirle con un commento.
      </PageHeading>
      <ErrorAlert error={error ?? progress.error} />
      {fetching ? <Loading /> : null}
      {edition ? (
        <EditionPeriodPicker editions={editions} edition={edition} period={period} onChange={choose} idPrefix="revisione">
          {rows.length > 0 ? (
            <div className="col-12 col-md-6 col-lg-5">
              <div className="select-wrapper">
                <label htmlFor="revisione-settore">Settore</label>
                <select id="revisione-settore" value={selected?.department.code ?? ''} onChange={(e) => setParams(withDepartment(e.target.value || null))}>
                  <option value="">Tutti i settori</option>
                  {rows.map((r) => (
                    <option key={r.department.code} value={r.department.code}>
                      {r.department.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ) : null}
        </EditionPeriodPicker>
      ) : null}
      {period && period.state !== 'OPEN' && period.state !== 'IN_REVIEW' ? (
        <div className="alert alert-info">
          Il periodo al {formatDate(period.cutoffDate)} è «{PeriodStateLabels[period.state]}»: le revisioni si possono consultare ma non più modificare.
        </div>
      ) : null}
      {progress.fetching && !progress.data ? <Loading label="Caricamento dei settori…" /> : null}
      {edition && period && selected ? (
        <>
          <p>
            <Link to={linkTo(null)}>Tutti i settori</Link>
          </p>
          <ReviewDecision key={`${period.cutoffDate}-${selected.department.code}`} edition={edition.code} period={period} progress={selected} />
          <ReviewQueue edition={edition.code} period={period.cutoffDate} department={selected.department} />
        </>
      ) : period && rows.length > 0 ? (
        <DepartmentReviewList rows={rows} periodLabel={formatDate(period.cutoffDate)} linkTo={linkTo} />
      ) : null}
    </>
  );
}
