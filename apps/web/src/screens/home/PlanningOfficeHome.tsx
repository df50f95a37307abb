import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { ProgressChart } from '../../components/ProgressChart';
import type { Edition, Period } from '../../components/useEditionPeriod';
import { formatDate } from '../../lib/format';
import { COLLECTING } from '../../lib/periods';
import { PeriodManagement } from './PeriodManagement';
import { DepartmentProgressQuery } from './progress-queries';
import { ProgressTable } from './ProgressTable';

// Loaded only when the period is being collected: the home page is the first screen.
const CollectionWorkbookPanel = lazy(() => import('../collection/CollectionWorkbookPanel'));

const REVIEWS = { additionalTypenames: ['DepartmentReview'] };

type Measure = 'goals' | 'indicators';

/** The planning office's home: every department's progress for the period, and the period's life cycle. */
export default function PlanningOfficeHome({ edition, period }: { edition: Edition; period: Period | null }) {
  const [progress, refetchProgress] = useQuery({
    query: DepartmentProgressQuery,
    variables: { edition: edition.code, period: period?.cutoffDate ?? '' },
    pause: !period,
    context: REVIEWS,
  });
  const [measure, setMeasure] = useState<Measure>('goals');
  const rows = useMemo(() => progress.data?.departmentProgress ?? [], [progress.data]);
  const chartRows = useMemo(
    () =>
      rows
        .map((r) => ({
          key: r.department.code,
          label: r.department.name,
          done: measure === 'goals' ? r.goalsLedWithStatus : r.indicatorsWithResult,
          total: measure === 'goals' ? r.goalsLed : r.indicators,
        }))
        .filter((r) => r.total > 0),
    [rows, measure],
  );
  const withWork = useMemo(() => rows.filter((r) => r.goalsLed + r.goalsInvolved + r.indicators > 0).map((r) => r.department), [rows]);
  const periodLabel = period ? formatDate(period.cutoffDate) : '';
  const reviewLink = (code: string) =>
    `/revisione?edizione=${encodeURIComponent(edition.code)}&periodo=${period?.cutoffDate ?? ''}&settore=${encodeURIComponent(code)}`;

  return (
    <>
      <PeriodManagement edition={edition} period={period} />
      {period ? (
        <section aria-labelledby="avanzamento" className="mt-4">
          <h2 id="avanzamento" className="h4">
            Avanzamento per settore
          </h2>
          <ErrorAlert error={progress.error} />
          {progress.fetching && !progress.data ? <Loading label="Caricamento dell'avanzamento…" /> : null}
          {rows.length > 0 ? (
            <>
              <ProgressTable rows={rows} periodLabel={periodLabel} reviewLink={reviewLink} />
              <fieldset className="mt-4 mb-2">
                <legend className="h6 mb-1">Grafico</legend>
                <div className="form-check form-check-inline">
                  <input id="grafico-finalita" type="radio" name="grafico" checked={measure === 'goals'} onChange={() => setMeasure('goals')} />
                  <label htmlFor="grafico-finalita">Finalità capofila con stato</label>
                </div>
                <div className="form-check form-check-inline">
                  <input id="grafico-indicatori" type="radio" name="grafico" checked={measure === 'indicators'} onChange={() => setMeasure('indicators')} />
                  <label htmlFor="grafico-indicatori">Indicatori con risultato</label>
                </div>
              </fieldset>
              <ProgressChart
                rows={chartRows}
                title={
                  measure === 'goals'
                    ? `Finalità capofila con stato di attuazione al ${periodLabel}, per settore`
                    : `Indicatori con risultato al ${periodLabel}, per settore`
                }
                doneLabel={measure === 'goals' ? 'Con stato' : 'Con risultato'}
                todoLabel={measure === 'goals' ? 'Senza stato' : 'Senza risultato'}
              />
              <p className="small text-muted">
                Il grafico riporta i settori con {measure === 'goals' ? 'finalità di cui sono capofila' : 'indicatori di cui registrano i risultati'}; i valori
                sono nella tabella.
              </p>
            </>
          ) : null}
        </section>
      ) : null}
      {period && COLLECTING.includes(period.state) && withWork.length ? (
        <Suspense fallback={<Loading />}>
          <CollectionWorkbookPanel
            edition={edition.code}
            period={period.cutoffDate}
            departments={withWork}
            withZip
            idPrefix="home"
            onLoaded={() => refetchProgress({ requestPolicy: 'network-only' })}
          />
        </Suspense>
      ) : null}
    </>
  );
}
